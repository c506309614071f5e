/** Exit code of a command that ran and failed. */
export const EXIT_FAILED = 1;
/** Exit code of a command that was called wrongly (bad flag, bad argument). */
export const EXIT_USAGE = 2;

/**
 * A failure the CLI reports as one line that says what to do, never with a stack trace. `code`
 * is stable so tests and scripts can match on it.
 */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  readonly code: string;
  readonly exitCode: number;

  constructor(code: string, message: string, exitCode: number = EXIT_FAILED) {
    super(message);
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** The user called a command wrongly; exits with 2. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';

  constructor(message: string) {
    super('CLI_USAGE', message, EXIT_USAGE);
  }
}
