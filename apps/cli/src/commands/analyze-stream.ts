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
export function streamed(bytes: Buffer, pretty: boolean | undefined): boolean {
  const reader = new RequestReader(bytes);
  const count = reader.each(isAnalyzeRequest);
  if (count === null || count === -1) return false;
  const writer = new JsonArrayWriter(pretty);
  reader.each((request) => {
    writer.add(analyze(request as AnalyzeRequest));
    return true;
  });
  writer.end();
  return true;
}

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
