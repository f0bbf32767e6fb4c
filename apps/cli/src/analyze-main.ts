// `uplift analyze <file> [--pretty]` as a CommonJS bundle of its own, which bin/uplift.cjs loads before anything
// else: Node's CommonJS loader is part of its start-up snapshot, while the ES module loader compiles dozens of
// its own modules and decodes every source through TextDecoder first (issue 15: start-up is most of the run).
import { readFileSync } from 'node:fs';
import { isPlainAnalyze, streamed } from './commands/analyze-stream';
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
  endQuietlyWhenStdoutCloses();
  return streamed(bytes, plain.pretty);
}
