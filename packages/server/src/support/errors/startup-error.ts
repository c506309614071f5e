/** Stable codes of the reasons a server or worker refuses to start. */
export type StartupErrorCode = 'INVALID_CONFIG' | 'API_KEY_MISMATCH';

/** A start-up fault whose message is meant for the operator, as is, without a stack trace. */
export class StartupError extends Error {
  readonly code: StartupErrorCode;

  constructor(code: StartupErrorCode, message: string) {
    super(message);
    this.name = 'StartupError';
    this.code = code;
  }
}
