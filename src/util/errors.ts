/**
 * An error caused by the user's input (a bad file, option or table). The CLI prints its message as one
 * line without a stack trace; library callers can catch it by class.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Prefixes a message with the file it concerns, as every user-facing error should. */
export function fileError(file: string, problem: string): UserError {
  return new UserError(`${file}: ${problem}`);
}
