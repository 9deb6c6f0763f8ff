/**
 * One writer per target: an exclusive lock file, .backend-agent/lock, created with O_EXCL and
 * holding who took it. A second run waits briefly, then stops naming the holder. A lock whose
 * process is gone (kill -9, a crash) is stale and taken over.
 */
import { link, mkdir, readdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LockedError } from '@create-backend-agent/core/errors';
import { STATE_DIR } from './journal.js';

export const LOCK_PATH = `${STATE_DIR}/lock`;

interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface LockOptions {
  /** What holds it, for the message another run prints ("create-backend-agent --yes"). */
  command: string;
  /** How long a second run waits before it gives up; BACKEND_AGENT_LOCK_WAIT_MS overrides. */
  waitMs?: number;
}

const DEFAULT_WAIT_MS = 5000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): Holder | null {
  try {
    const data = JSON.parse(text) as Partial<Holder>;
    return typeof data.pid === 'number' && typeof data.host === 'string' ? { pid: data.pid, host: data.host, command: String(data.command ?? 'unknown'), since: String(data.since ?? '') } : null;
  } catch {
    return null;
  }
}

/** The folders that had to be created for the lock (the target, .backend-agent), outermost first. */
async function ensureDirs(root: string): Promise<string[]> {
  const created: string[] = [];
  const top = await mkdir(root, { recursive: true });
  if (top !== undefined) created.push(top);
  const state = join(root, STATE_DIR);
  if ((await mkdir(state, { recursive: true })) !== undefined) created.push(state);
  return created;
}

/** Drafts of the lock left in the state folder `dir` by runs killed between writing and linking one. */
export async function deadLockDrafts(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => {
    const pid = /^lock\.(\d+)-[0-9a-f]+$/.exec(name)?.[1];
    return pid !== undefined && !alive(Number(pid));
  }).map((name) => join(dir, name));
}

async function removeDeadDrafts(dir: string): Promise<void> {
  for (const draft of await deadLockDrafts(dir)) await unlink(draft).catch(() => undefined);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface Lock {
  release(): Promise<void>;
}

export async function acquireLock(root: string, options: LockOptions): Promise<Lock> {
  const created = await ensureDirs(root);
  const file = join(root, LOCK_PATH);
  const waitMs = Number(process.env.BACKEND_AGENT_LOCK_WAIT_MS ?? options.waitMs ?? DEFAULT_WAIT_MS);
  const me: Holder = { pid: process.pid, host: hostname(), command: options.command, since: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    // Written whole first, then hard-linked into place: link() fails if the lock exists, and the
    // lock is never seen empty or half-written by a run that comes to check it.
    const draft = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
    await writeFile(draft, `${JSON.stringify(me)}\n`, { flag: 'wx' });
    try {
      await link(draft, file);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(draft).catch(() => undefined);
    }
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue; // Released between our open and our read: try again at once.
    const holder = parseHolder(text);
    // A lock from a process on this machine that no longer runs is stale. One we cannot read
    // (not this tool's) is stale too. Another host's lock is never guessed at.
    if (holder === null || (holder.host === me.host && !alive(holder.pid))) {
      const again = await readFile(file, 'utf8').catch(() => null);
      if (again === text) await unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockedError(
        `Another run is writing to this folder: ${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.since}) holds ${LOCK_PATH}. ` +
        `Wait for it to finish and run again; if no such run is going on, delete ${LOCK_PATH}.`,
      );
    }
    await sleep(Math.min(25 + attempt * 10, 100));
  }
  await removeDeadDrafts(join(root, STATE_DIR));
  return {
    async release() {
      await unlink(file).catch(() => undefined);
      // Leave nothing behind that only the lock needed (a run that wrote nothing).
      for (const dir of [...created].reverse()) await rmdir(dir).catch(() => undefined);
    },
  };
}

/** Runs `fn` holding the target's lock. */
export async function withLock<T>(root: string, options: LockOptions, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(root, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
