/**
 * Typed errors. The CLI catches them once, at the top, and maps each to an exit code.
 * Messages are one line: what is wrong, then how to fix it.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly exitCode = 1;
  constructor(message: string, readonly hint?: string) {
    super(hint ? `${message} ${hint}` : message);
  }
}

export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  readonly exitCode = 130;
  constructor() {
    super('Cancelled');
  }
}

/** A bug in this tool, not in the user's input. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
  readonly exitCode = 70;
}

export type KnownError = InputError | CancelledError | InternalError;

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof InputError || error instanceof CancelledError || error instanceof InternalError;
}
