/**
 * The apply journal, .backend-agent/journal.json: which files an apply is replacing, and how far it
 * got. It exists only while an apply runs; one found at the start of a run is the trace of an
 * interrupted one (kill -9, power loss), which that run finishes or rolls back before anything else.
 * Temp and backup names are derived from the paths and the transaction id, never read from the
 * file, so a doctored journal cannot point a rename outside the target.
 */
import { dirname, join, basename } from 'node:path';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { MANIFEST_PATH } from '@create-backend-agent/core';
import { InputError } from '@create-backend-agent/core/errors';
import { MB, readBounded } from './read-file.js';

export const STATE_DIR = dirname(MANIFEST_PATH);
export const JOURNAL_PATH = `${STATE_DIR}/journal.json`;

export type Phase = 'staging' | 'committing' | 'rolling-back';

export interface JournalFile {
  path: string;
  /** A file was there before; it is kept as a backup until the apply ends. */
  existed: boolean;
  /** The old path of a moved file: removed, not written. */
  remove?: boolean;
}

export interface Journal {
  journalVersion: 1;
  id: string;
  /**
   * staging: temp files are being written; nothing is in place yet, so recovery rolls back.
   * committing: every temp file is complete and synced; renames are under way, so recovery rolls forward.
   * rolling-back: a failed apply is putting the old files back; recovery finishes that.
   */
  phase: Phase;
  /** In rename order: the files written, the old paths of moved files, the manifest last. */
  files: JournalFile[];
  /** Folders the apply created, outermost first: removed on rollback when empty. */
  dirs: string[];
}

const isRelPath = (p: unknown): p is string =>
  typeof p === 'string' && p !== '' && !p.startsWith('/') && !/[\\\0]/.test(p) && !p.split('/').some((s) => s === '..' || s === '.' || s === '');

function isJournal(data: unknown): data is Journal {
  const j = data as Journal;
  return typeof data === 'object' && data !== null && j.journalVersion === 1 && typeof j.id === 'string' && /^[0-9a-f]{16}$/.test(j.id) &&
    ['staging', 'committing', 'rolling-back'].includes(j.phase) &&
    Array.isArray(j.files) && j.files.every((f) => typeof f === 'object' && f !== null && isRelPath(f.path) && typeof f.existed === 'boolean' && (f.remove === undefined || typeof f.remove === 'boolean')) &&
    Array.isArray(j.dirs) && j.dirs.every(isRelPath);
}

export const tempPath = (root: string, id: string, path: string) => join(root, dirname(path), `.${basename(path)}.${id}.tmp`);
export const backupPath = (root: string, id: string, path: string) => join(root, dirname(path), `.${basename(path)}.${id}.bak`);

/** Durably: a temp file, fsync, rename, fsync of the folder. */
export async function writeJournal(root: string, journal: Journal): Promise<void> {
  const file = join(root, JOURNAL_PATH);
  const temp = `${file}.${journal.id}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(journal)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await syncDir(dirname(file));
}

const JOURNAL_TEMP = /^journal\.json\.[0-9a-f]{16}\.tmp$/;

/**
 * Journal temp files a run left when it was killed while writing its journal: before the first
 * rename there is no journal.json to recover from, only this orphan. Call with the lock held.
 */
export async function journalTemps(root: string): Promise<string[]> {
  const names = await readdir(join(root, STATE_DIR)).catch(() => [] as string[]);
  return names.filter((name) => JOURNAL_TEMP.test(name)).map((name) => join(root, STATE_DIR, name));
}

export async function removeJournalTemps(root: string): Promise<void> {
  for (const temp of await journalTemps(root)) {
    await unlink(temp).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

export async function removeJournal(root: string): Promise<void> {
  await unlink(join(root, JOURNAL_PATH)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await syncDir(join(root, STATE_DIR));
}

export async function readJournal(root: string): Promise<Journal | null> {
  const text = await readBounded(join(root, JOURNAL_PATH), JOURNAL_PATH, 4 * MB, 'Delete it if no run is going on.');
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!isJournal(data)) {
    throw new InputError(`${JOURNAL_PATH} (left by an interrupted run) is damaged, so it cannot be finished or rolled back.`, `Check the files it lists with git status, then delete ${JOURNAL_PATH}.`);
  }
  return data;
}

/** fsync of a folder, so the renames and unlinks in it survive a power loss. Not every platform can. */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    // Windows and some network file systems refuse fsync on a folder: nothing more can be done there.
    if (!['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}
