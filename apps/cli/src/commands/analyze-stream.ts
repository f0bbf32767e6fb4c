import { type AnalyzeRequest, analyze, isAnalyzeRequest } from '@uplift/domain/engine';
import { JsonArrayWriter } from '../io';
import { RequestReader } from '../request-reader';

/**
 * The hot path, a file of valid requests: each request is read, checked and dropped, then read again, analysed
 * and written, so no more than one request's objects live at a time (holding 20,000 parsed requests was most of
 * the run's memory and garbage collection; issue 15). Nothing is written unless every request is valid; false
 * (nothing written) sends the file down the whole-text path, whose messages are the schema's; so does a file
 * that is not plain (see RequestReader), which JSON.parse reads whole as before.
 */
export async function streamed(bytes: Buffer, pretty: boolean | undefined): Promise<boolean> {
  const reader = new RequestReader(bytes);
  const count = reader.each(isAnalyzeRequest);
  if (count === null || count === -1) return false;
  const writer = new JsonArrayWriter(pretty);
  reader.restart();
  for (let request = reader.next(); request !== null; request = reader.next()) {
    // Into a pipe, a write the reader has not taken yet is queued in memory: without waiting, the whole output
    // would be (8 MB of results for 20,000 requests, twice the run's page faults; issue 15's bench reads a pipe).
    if (!writer.add(analyze(request as AnalyzeRequest))) await drained();
  }
  writer.end();
  return true;
}

const drained = () => new Promise<void>((resolve) => process.stdout.once('drain', resolve));

/**
 * `uplift analyze [file|-] [--pretty]`, the forms a script runs thousands of times, recognised without commander:
 * everything else (help, other flags, two files) goes through the full command line, which words its errors.
 */
export function isPlainAnalyze(args: readonly string[]): { file: string | undefined; pretty: boolean } | null {
  let file: string | undefined;
  let pretty = false;
  for (const arg of args) {
    if (arg === '--pretty') pretty = true;
    else if (file === undefined && (arg === '-' || !arg.startsWith('-'))) file = arg;
    else return null;
  }
  return { file, pretty };
}
