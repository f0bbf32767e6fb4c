// The CLI's entry. `uplift analyze <file>` in its plain forms skips commander (and the rest of the command line):
// over 20,000 requests, every millisecond of start-up shows (issue 15). Everything else is the full program.
import { endQuietlyWhenStdoutCloses } from './stdout-closed';

endQuietlyWhenStdoutCloses();
const args = process.argv.slice(2);
const analyze = args[0] === 'analyze' ? await import('./commands/analyze') : null;
const plain = analyze?.isPlainAnalyze(args.slice(1));
if (analyze && plain) await analyze.runPlainAnalyze(plain);
else await (await import('./program')).runProgram(process.argv);
