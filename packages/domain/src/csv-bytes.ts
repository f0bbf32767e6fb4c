/**
 * Why bytes handed in as a CSV cannot be one, or null when they can: a NUL byte (no text format has one; images,
 * spreadsheets and archives do) or bytes that are not UTF-8. The same check runs in the browser before parsing
 * and in the api before a `text/csv` body is read, so a binary file is refused with a sentence, not shown as
 * garbage. `name` is the file's, for the message; `partial` when the bytes are only the start of the file.
 */
export function notCsvReason(bytes: Uint8Array, name = 'This file', partial = false): string | null {
  if (bytes.includes(0)) return `${name} is not a CSV file: it holds binary data. Export the sheet as CSV (UTF-8).`;
  try {
    // `partial`: the bytes are a file's start, which may end inside a character.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
  } catch {
    return `${name} is not a CSV file: it is not UTF-8 text. Export the sheet as CSV (UTF-8).`;
  }
  return null;
}
