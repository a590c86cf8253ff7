/**
 * Errors that reach a user carry a stable code (for tests, logs and docs) and a message written for
 * the person reading it: what went wrong and how to fix it. Anything else is a bug.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CORPUS_NOT_FOUND'
  | 'CORPUS_EMPTY'
  | 'CORPUS_FILE_INVALID'
  | 'INDEX_MISSING'
  | 'INDEX_CORRUPT'
  | 'INDEX_MISMATCH'
  | 'INDEX_LOCATION'
  | 'INDEX_LOCKED'
  | 'EMBEDDINGS_FAILED'
  | 'PROMPT_INVALID'
  | 'INPUT_INVALID'
  | 'LLM_FAILED'
  | 'FETCH_FAILED'
  | 'FETCH_REFUSED'
  | 'SLACK_API'
  | 'STATE_LOCKED'
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_SCHEMA';

export class WhosaidError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WhosaidError';
    this.code = code;
  }
}

export function isWhosaidError(error: unknown): error is WhosaidError {
  return error instanceof WhosaidError;
}

/** A one-line description of any thrown value, safe to show (no stack). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
