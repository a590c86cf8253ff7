/**
 * Entry point of the `whosaid` binary. Each command builds what it needs through `src/cli/runtime.ts`
 * (configuration, index, models) when it runs; nothing below reads process.env except config.ts.
 */
import { processIo } from './cli/io.js';
import { runCli } from './cli/run-cli.js';

export async function main(argv: string[]): Promise<void> {
  // `whosaid … | head` closes the pipe early: that is the reader's choice, not a failure to report.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  process.exitCode = await runCli(argv, processIo());
}
