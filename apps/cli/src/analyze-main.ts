// `uplift analyze <file> [--pretty]` as a CommonJS bundle of its own, which bin/uplift.cjs loads before anything
// else: Node's CommonJS loader is part of its start-up snapshot, while the ES module loader compiles dozens of
// its own modules and decodes every source through TextDecoder first (issue 15: start-up is most of the run).
import { readFileSync } from 'node:fs';
import { HOLD_UP_TO, isPlainAnalyze, streamed } from './commands/analyze-stream';
import { standardOutput, stdoutIsFile } from './held-text';
import { endQuietlyWhenStdoutCloses } from './stdout-closed';

/**
 * True when it answered: a plain `analyze <file>` whose requests are all valid. False, having written nothing,
 * for everything else — stdin, other arguments, an unreadable file, a refused request — which the full command
 * line then runs and words.
 */
export async function tryPlainAnalyze(args: readonly string[]): Promise<boolean> {
  const plain = isPlainAnalyze(args);
  if (plain?.file === undefined || plain.file === '-' || plain.file === '') return false;
  let bytes: Buffer;
  try {
    bytes = readFileSync(plain.file);
  } catch {
    return false;
  }
  // Into a regular file the results are written straight to descriptor 1, which cannot close early. Only a pipe
  // or a terminal goes through process.stdout, whose closing early ends the run quietly — and whose first use
  // loads Node's stream modules: ~3 ms of a 0.2 s run into a file (issue 15).
  const toFile = stdoutIsFile();
  if (!toFile) endQuietlyWhenStdoutCloses();
  return streamed(bytes, plain.pretty, HOLD_UP_TO, standardOutput(toFile));
}
