import { notCsvReason } from '@uplift/domain';
import Papa from 'papaparse';

/** A parsed CSV: the header row and the data rows, each as the strings written in the file. */
export interface CsvTable {
  columns: string[];
  rows: string[][];
}

export interface CsvProgress {
  /** Bytes read so far over the file's size, 0–1. */
  fraction: number;
  rows: number;
}

/**
 * Parses a CSV file in the browser, chunk by chunk, so a large recipients list reports progress and the page
 * stays responsive. Rows stay arrays (not objects keyed by header): half the memory on a million rows.
 */
export async function parseCsvFile(file: File, onProgress?: (p: CsvProgress) => void): Promise<CsvTable> {
  // The first 64 kB tell a binary file (an .xlsx, an image) from text before it is parsed into garbage.
  const notCsv = notCsvReason(
    new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer()),
    file.name,
    file.size > 64 * 1024,
  );
  if (notCsv) throw new Error(notCsv);
  return new Promise((resolve, reject) => {
    let columns: string[] | null = null;
    const rows: string[][] = [];
    Papa.parse<string[]>(file, {
      header: false,
      skipEmptyLines: 'greedy',
      chunkSize: 1024 * 1024,
      chunk: (results) => {
        for (const row of results.data) {
          if (columns === null) columns = row.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
          else rows.push(row);
        }
        onProgress?.({ fraction: file.size ? Math.min(1, results.meta.cursor / file.size) : 1, rows: rows.length });
      },
      complete: () => {
        if (!columns?.length || columns.every((c) => c === '')) {
          reject(new Error(`${file.name} is empty: it needs a header row, then one row per line of data.`));
          return;
        }
        if (columns.length === 1 && /;/.test(columns[0] ?? '')) {
          reject(new Error(`${file.name} looks semicolon-separated; save it as comma-separated CSV.`));
          return;
        }
        resolve({ columns, rows });
      },
      error: (error: Error) => reject(new Error(`Could not read ${file.name}: ${error.message}`)),
    });
  });
}

/** A CSV file's text from a header and rows, quoting only where CSV needs it. */
export const toCsv = (columns: string[], rows: string[][]) => Papa.unparse({ fields: columns, data: rows });
