/**
 * Where a command reads its environment and writes its output. The real process in `bin/`, captured
 * buffers in tests: every command runs in-process through `runCli`, so tests need no subprocess.
 */
export interface OutputStream {
  write(text: string): unknown;
  /** A terminal: progress bars are drawn only there, never into pipes or JSON. */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** The environment configuration is read from (validated by `loadConfig`). */
  env: NodeJS.ProcessEnv;
  /** A `.env` file to read, or null for none; undefined means `.env` in the working folder. */
  dotenvPath?: string | null;
  /** Set by a failing command; `runCli` returns it. */
  exitCode: number;
  /** `--debug` was given: unexpected errors print their stack. */
  debug: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    exitCode: 0,
    debug: false,
  };
}

/** Writes a notice for people on stderr (stdout is for answers and JSON). */
export function notice(io: Pick<CliIo, 'stderr'>, message: string): void {
  io.stderr.write(`${message}\n`);
}
