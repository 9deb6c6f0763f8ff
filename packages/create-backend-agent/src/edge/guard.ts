/**
 * What every command does to a target before reading it: a writing command takes the lock and
 * finishes or rolls back an apply an earlier run left half-done; a read-only one (--dry-run,
 * --check, detect) takes the lock only when a killed run left something to clear (an apply to
 * recover, or a draft of the lock).
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { recoverInterruptedApply } from './apply.js';
import { JOURNAL_PATH, STATE_DIR, journalTemps } from './journal.js';
import { acquireLock, deadLockDrafts, withLock } from './lock.js';

export interface GuardOptions {
  /** The run will write: it holds the lock from before its first read until it is done. */
  write: boolean;
  /** Names the holder in the message a second run prints. */
  command: string;
  /** Told when an interrupted apply was finished or rolled back, to say so. */
  notify?: (message: string) => void;
}

const RECOVERED = {
  completed: 'An earlier run was interrupted while writing here; its changes were completed first.',
  'rolled-back': 'An earlier run was interrupted while writing here; its changes were rolled back first.',
} as const;

async function recover(dir: string, options: GuardOptions): Promise<void> {
  const outcome = await recoverInterruptedApply(dir);
  if (outcome !== 'none') options.notify?.(RECOVERED[outcome]);
}

/** What a killed run can leave for the next one to clear: a journal, its temp file, a lock draft. */
async function leftoversThere(dir: string): Promise<boolean> {
  if (await lstat(join(dir, JOURNAL_PATH)).then(() => true, () => false)) return true;
  if ((await journalTemps(dir)).length > 0) return true;
  return (await deadLockDrafts(join(dir, STATE_DIR))).length > 0;
}

export async function withTarget<T>(dir: string, options: GuardOptions, fn: () => Promise<T>): Promise<T> {
  if (!options.write) {
    if (await leftoversThere(dir)) await withLock(dir, options, () => recover(dir, options));
    return fn();
  }
  const lock = await acquireLock(dir, options);
  try {
    await recover(dir, options);
    return await fn();
  } finally {
    await lock.release();
  }
}
