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

/**
 * The file system refused: a permission, a read-only or full disk, a name too long, a file where a
 * folder should be (or the reverse), a special file. The message names the path.
 */
export class FileSystemError extends Error {
  override readonly name = 'FileSystemError';
  readonly exitCode = 4;
  constructor(message: string, readonly hint?: string) {
    super(hint ? `${message} ${hint}` : message);
  }
}

/** Another run holds the target's lock. */
export class LockedError extends Error {
  override readonly name = 'LockedError';
  readonly exitCode = 5;
}

/** A bug in this tool, not in the user's input. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
  readonly exitCode = 70;
}

export type KnownError = InputError | CancelledError | InternalError | FileSystemError | LockedError;

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof InputError || error instanceof CancelledError || error instanceof InternalError || error instanceof FileSystemError || error instanceof LockedError;
}
