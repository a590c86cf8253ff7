import { CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';

/**
 * Runs one `whosaid` command line (`argv` as in `process.argv`, node and script first) and returns
 * its exit code. Commander would call process.exit on --help, --version and usage errors; here those
 * become codes, so the same function serves the real binary and in-process tests.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  io.debug = argv.includes('--debug');
  try {
    await buildProgram(io).parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode;
  }
  return io.exitCode;
}
