import { describeError, isWhosaidError } from '../errors.js';

/**
 * Wraps a command's action: known errors print their message (no stack trace) and exit 1; anything
 * unexpected prints one line plus how to see the details.
 */
export function runAction<Args extends unknown[]>(action: (...args: Args) => Promise<void>) {
  return async (...args: Args): Promise<void> => {
    try {
      await action(...args);
    } catch (error) {
      if (isWhosaidError(error)) {
        process.stderr.write(`error: ${error.message}\n`);
      } else {
        process.stderr.write(`error: unexpected failure: ${describeError(error)}\n`);
        if (process.argv.includes('--debug')) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
        else process.stderr.write('Run again with --debug to see the stack trace.\n');
      }
      process.exitCode = 1;
    }
  };
}
