/**
 * Reading a file the user points at, safely: a FIFO, socket or device is refused before it is
 * opened (a FIFO would hang the run, /dev/zero would never end), and no more than a bound is read.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { FileSystemError, InputError } from '@create-backend-agent/core/errors';

export const MB = 1024 * 1024;

/** What a non-regular file is, in words, or null for a regular file. */
export function specialKind(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symlink';
  return 'a special file';
}

export function refuseSpecial(stats: Stats, shown: string, hint = 'Replace it with a regular file or choose another path.'): void {
  const kind = specialKind(stats);
  if (kind !== null) throw new FileSystemError(`${shown} is ${kind}, not a regular file; refusing to use it.`, hint);
}

function tooLarge(shown: string, limit: number, hint: string): InputError {
  return new InputError(`${shown} is too large (more than ${limit >= MB ? `${limit / MB} MB` : `${limit} bytes`}).`, hint);
}

/**
 * The file's text. `shown` names it in messages; `tooLargeHint` says what to do about a file over
 * `limit` bytes. Returns null when it does not exist.
 */
export async function readBounded(path: string, shown: string, limit: number, tooLargeHint: string): Promise<string | null> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  refuseSpecial(stats, shown);
  if (stats.size > limit) throw tooLarge(shown, limit, tooLargeHint);
  // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it does not hang.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    refuseSpecial(await handle.stat(), shown);
    const buffer = Buffer.alloc(Math.min(limit, stats.size) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) throw tooLarge(shown, limit, tooLargeHint);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** At most `limit` bytes of a regular file, and whether it holds more. */
export async function readPrefix(path: string, shown: string, limit: number): Promise<{ text: string; truncated: boolean }> {
  refuseSpecial(await stat(path), shown);
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    refuseSpecial(await handle.stat(), shown);
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0 || (length += bytesRead) === buffer.length) break;
    }
    return { text: buffer.subarray(0, Math.min(length, limit)).toString('utf8'), truncated: length > limit };
  } finally {
    await handle.close();
  }
}
