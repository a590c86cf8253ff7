import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/**
 * Structured logs go to stderr so that stdout stays clean for answers and --json output.
 * Token-bearing fields are redacted in case an error object carries request headers.
 */
export function createLogger(level: Config['logLevel']): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'token',
          'botToken',
          'appToken',
          'signingSecret',
          'clientSecret',
          'stateSecret',
          'apiKey',
          '*.token',
          '*.headers.authorization',
          'headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
