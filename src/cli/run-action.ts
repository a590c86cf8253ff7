import { describeError, isWhosaidError } from '../errors.js';
import type { CliIo } from './io.js';

/** A command's implementation: loaded only when the command runs, so `--help` loads none of them. */
export type Action<Args extends unknown[]> = (io: CliIo, ...args: Args) => Promise<void>;

/**
 * Wraps a command's action: the module is imported when the command runs; known errors print their
 * message (no stack trace) and exit 1; anything unexpected prints one line plus how to see the details.
 */
export function lazyAction<Args extends unknown[]>(io: CliIo, load: () => Promise<Action<Args>>) {
  return async (...args: Args): Promise<void> => {
    try {
      const action = await load();
      await action(io, ...args);
    } catch (error) {
      if (isWhosaidError(error)) {
        io.stderr.write(`error: ${error.message}\n`);
      } else {
        io.stderr.write(`error: unexpected failure: ${describeError(error)}\n`);
        if (io.debug) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
        else io.stderr.write('Run again with --debug to see the stack trace.\n');
      }
      io.exitCode = 1;
    }
  };
}
