import { type AnalyzeRequest, analyze, isAnalyzeRequest } from '@uplift/domain/engine';
import { HeldText, type Sink, standardOutput } from '../held-text';
import { JsonArrayWriter } from '../io';
import { RequestReader } from '../request-reader';

/** Results held back while the rest of the file is checked (see HeldText): up to this many bytes of their text. */
export const HOLD_UP_TO = 32 * 1024 * 1024;

/**
 * The hot path, a file of valid requests, read straight from its bytes a request at a time (RequestReader), so
 * that no more than one request's objects live at a time (holding 20,000 parsed requests was most of the run's
 * memory and garbage collection; issue 15). Nothing is written unless every request is valid: each request is
 * checked, analysed and its result's text held, and only when the last one has passed is the text written.
 * Should the text held reach `holdUpTo` bytes, the requests after are only checked, then read again, analysed
 * and written as they come, so a file of any size runs in bounded memory.
 * False (nothing written) sends the file down the whole-text path, whose messages are the schema's; so does a
 * file that is not plain (see RequestReader), which JSON.parse reads whole as before.
 */
export async function streamed(
  bytes: Buffer,
  pretty: boolean | undefined,
  holdUpTo = HOLD_UP_TO,
  out: Sink = standardOutput(),
): Promise<boolean> {
  const reader = new RequestReader(bytes);
  const held = new HeldText();
  try {
    const holding = new JsonArrayWriter(pretty, (text) => {
      held.add(text);
      return held.bytes < holdUpTo;
    });
    let rest: { from: number; index: number } | null = null;
    let index = 0;
    const count = reader.each((request) => {
      if (!isAnalyzeRequest(request)) return false;
      index++;
      if (rest === null && !holding.add(analyze(request))) rest = { from: reader.position, index };
      return true;
    });
    if (count === null || count === -1) return false;
    if (rest === null) holding.end();
    else holding.flush();
    await held.writeTo(out);
    if (rest === null) return true;
    // Past the text held: read again, analysed and written as they come.
    const writer = new JsonArrayWriter(pretty, (text) => out.write(text), (rest as { index: number }).index);
    reader.seek(rest);
    for (let request = reader.next(); request !== null; request = reader.next()) {
      // Into a pipe, a write the reader has not taken yet is queued in memory: without waiting, the whole output
      // would be (8 MB of results for 20,000 requests, twice the run's page faults; issue 15's bench read a pipe).
      if (!writer.add(analyze(request as AnalyzeRequest))) await out.drained();
    }
    writer.end();
    return true;
  } finally {
    held.release();
  }
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
