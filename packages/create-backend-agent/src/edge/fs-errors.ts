/**
 * The file system errors a user can cause (a read-only folder, a full disk, a file where a folder
 * should be…), each as one line naming the path, exit 4. The entry point maps them once; anything
 * else stays a bug (exit 70).
 */
import { isAbsolute, relative, sep } from 'node:path';
import { FileSystemError } from '@create-backend-agent/core/errors';

interface ErrnoError extends Error {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

export function isErrnoError(error: unknown): error is ErrnoError {
  return error instanceof Error && typeof (error as ErrnoError).code === 'string' && /^E[A-Z0-9]+$/.test((error as ErrnoError).code);
}

/** What the call was doing, in words. */
const VERBS: Readonly<Record<string, string>> = {
  open: 'open', read: 'read', write: 'write', mkdir: 'create the folder', rename: 'move into place', unlink: 'remove',
  rmdir: 'remove the folder', scandir: 'list the folder', lstat: 'inspect', stat: 'inspect', fsync: 'save', link: 'back up',
  copyfile: 'back up', chmod: 'set the mode of', realpath: 'resolve', access: 'access', fstat: 'inspect', close: 'close',
};

/** `path` relative to the folder the command runs in, when it is inside it. */
export function displayPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/** The one-line message for an errno error, or null when it is not one a user can cause. */
export function fileSystemError(error: unknown, cwd: string): FileSystemError | null {
  if (!isErrnoError(error)) return null;
  const path = error.path === undefined ? 'a file' : displayPath(error.path, cwd);
  const verb = VERBS[error.syscall ?? ''] ?? 'use';
  const to = error.dest === undefined ? '' : ` to ${displayPath(error.dest, cwd)}`;
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return new FileSystemError(`Permission denied: cannot ${verb} ${path}${to}.`, 'Check the permissions of that path and its folder, or run as a user who may write there.');
    case 'EROFS':
      return new FileSystemError(`Cannot ${verb} ${path}: the file system is read-only.`, 'Run in a writable checkout.');
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileSystemError(`Cannot ${verb} ${path}: no space left on the device${error.code === 'EDQUOT' ? ' (disk quota)' : ''}.`, 'Free some space and run again; what this run wrote was rolled back.');
    case 'ENAMETOOLONG':
      return new FileSystemError(`Cannot ${verb} ${path}: a name in the path is too long.`, 'Use shorter names (at most 255 bytes per folder or file name).');
    case 'ENOTDIR':
      return new FileSystemError(`Cannot ${verb} ${path}: a part of the path is a file, not a folder.`, 'Move that file away or choose another path.');
    case 'EISDIR':
      return new FileSystemError(`Cannot ${verb} ${path}: it is a folder, not a file.`, 'Move the folder away or choose another path.');
    case 'ELOOP':
      return new FileSystemError(`Cannot ${verb} ${path}: too many symlinks (a symlink loop?).`, 'Fix or remove the symlink.');
    case 'EEXIST':
    case 'ENOTEMPTY':
      return new FileSystemError(`Cannot ${verb} ${path}${to}: something already exists there.`, 'Move it away or choose another path.');
    case 'ENOENT':
      return new FileSystemError(`Cannot ${verb} ${path}: it does not exist (was it removed during the run?).`, 'Check the path and run again.');
    case 'EMFILE':
    case 'ENFILE':
      return new FileSystemError(`Cannot ${verb} ${path}: too many open files.`, 'Raise the open-file limit (ulimit -n) or close other programs.');
    case 'EBUSY':
    case 'ETXTBSY':
      return new FileSystemError(`Cannot ${verb} ${path}: it is busy (in use by another program, or a mount point).`, 'Close what uses it and run again.');
    case 'ENXIO':
    case 'ENODEV':
      return new FileSystemError(`Cannot ${verb} ${path}: it is a special file (FIFO, socket or device).`, 'Replace it with a regular file or choose another path.');
    case 'EIO':
      return new FileSystemError(`Cannot ${verb} ${path}: input/output error from the device.`, 'Check the disk and run again.');
    case 'EXDEV':
      return new FileSystemError(`Cannot ${verb} ${path}${to}: it crosses file systems.`, 'Keep the output inside one mounted file system.');
    default:
      return null;
  }
}
