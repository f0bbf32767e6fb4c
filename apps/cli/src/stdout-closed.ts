/**
 * `uplift analyze many.json | head`: the reader closing the pipe early is not a failure of the command. Stop
 * quietly with 0, as `seq 1e9 | head` does in a shell; any other write error still ends the CLI loudly.
 */
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
