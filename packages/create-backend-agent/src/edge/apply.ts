/**
 * Applying a plan as a transaction. The journal is written first; every file is staged as a temp
 * file beside its target (fsync'd, with the mode of the file it replaces) and every replaced file
 * is kept as a backup (a hard link); then the journal turns to "committing" and the temp files are
 * renamed into place, the files a move leaves are removed, the manifest goes last, and the folders
 * are fsync'd. A failure at any step puts back
 * what was there, removes every temp file and folder it made, and rethrows. A run killed midway
 * leaves the journal, and the next run finishes or rolls back that apply (recoverInterruptedApply)
 * before it reads anything, so it never takes the tool's own half-applied files for user edits.
 */
import { copyFile, link, lstat, mkdir, open, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MANIFEST_PATH } from '@create-backend-agent/core';
import { backupPath, readJournal, removeJournal, removeJournalTemps, STATE_DIR, syncDir, tempPath, writeJournal, type Journal } from './journal.js';
import { assertSafePath } from './target.js';
import { forEachInOrder } from './limit.js';

export interface FileWrite {
  path: string;
  content: string;
}

/** The points between the steps of an apply, where a fault-injection test interrupts it. */
export type ApplyStep = 'journal' | 'mkdir' | 'stage' | 'backup' | 'synced' | 'commit' | 'rename' | 'renamed' | 'cleanup' | 'done';

export interface ApplyOptions {
  /** Called before each step's effect lands on disk is final; a test throws or never returns. */
  hook?: (step: ApplyStep, path: string) => void | Promise<void>;
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (missing(error)) return false;
    throw error;
  }
}

async function removeIfThere(path: string): Promise<void> {
  await unlink(path).catch((error: unknown) => {
    if (!missing(error)) throw error;
  });
}

/**
 * The folders above `paths` (relative) that do not exist yet, outermost first. Each folder is looked
 * up once (a monorepo's writes share a few hundred folders), and the walk up stops at the first
 * one that exists.
 */
async function missingDirs(root: string, paths: readonly string[]): Promise<string[]> {
  const known = new Map<string, Promise<boolean>>();
  const there = (dir: string): Promise<boolean> => {
    let answer = known.get(dir);
    if (!answer) {
      answer = exists(join(root, dir));
      known.set(dir, answer);
    }
    return answer;
  };
  const chains = await Promise.all(paths.map(async (path) => {
    const out: string[] = [];
    for (let dir = dirname(path); dir !== '.' && !(await there(dir)); dir = dirname(dir)) out.unshift(dir);
    return out;
  }));
  const dirs = new Set<string>();
  for (const chain of chains) for (const dir of chain) dirs.add(dir);
  // Outermost first: a parent before its children, whatever order the paths came in.
  return [...dirs].sort((a, b) => a.split('/').length - b.split('/').length);
}

/** Made one depth at a time, each depth at once: mkdir waits on the disk like fsync does. */
async function makeDirs(root: string, dirs: readonly string[], hook: NonNullable<ApplyOptions['hook']>): Promise<void> {
  // `dirs` comes outermost first (missingDirs), so the groups come a depth at a time.
  const byDepth = new Map<number, string[]>();
  for (const dir of dirs) {
    const depth = dir.split('/').length;
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), dir]);
  }
  for (const level of byDepth.values()) await inOrder(level, (dir) => mkdir(join(root, dir)), (dir) => hook('mkdir', dir));
}

async function stage(root: string, id: string, write: FileWrite, existed: boolean): Promise<void> {
  const final = join(root, write.path);
  // The journal has just looked: a file that was not there has no mode to keep.
  const before = !existed ? null : await stat(final).catch((error: unknown) => {
    if (missing(error)) return null;
    throw error;
  });
  const handle = await open(tempPath(root, id, write.path), 'wx', 0o666);
  try {
    await handle.writeFile(write.content, 'utf8');
    // An updated file keeps its permission bits (an executable script stays executable).
    if (before) await handle.chmod(before.mode & 0o7777);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The replaced file, kept until the apply ends: a hard link, or a synced copy where links are not allowed. */
async function backup(root: string, id: string, path: string): Promise<void> {
  const target = backupPath(root, id, path);
  try {
    await link(join(root, path), target);
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await copyFile(join(root, path), target);
    const handle = await open(target, 'r+');
    await handle.sync().finally(() => handle.close());
  }
}

/** Files staged at once: enough to overlap the fsyncs, few enough to stay far from any open-file limit. */
const STAGE_CONCURRENCY = 16;

/** `task` for every item, STAGE_CONCURRENCY at a time, `after` (a fault-injection hook) in the items' order. */
const inOrder = <T>(items: readonly T[], task: (item: T) => Promise<unknown>, after: (item: T) => unknown) => forEachInOrder(items, STAGE_CONCURRENCY, task, after);

const syncDirs = (folders: readonly string[]) => inOrder(folders, syncDir, () => undefined);

const foldersOf = (root: string, paths: readonly string[]) => [...new Set(paths.map((p) => dirname(join(root, p))))];

/**
 * Writes `writes` and removes `removes` (the old paths of moved files) as one transaction: a moved
 * file leaves its old path once its new one is in place, before the manifest records the move.
 */
export async function writeFilesAtomically(root: string, writes: readonly FileWrite[], removes: readonly string[] = [], options: ApplyOptions = {}): Promise<void> {
  const gone = [];
  for (const path of removes) if (await exists(join(root, path))) gone.push(path);
  if (writes.length === 0 && gone.length === 0) return;
  const hook = options.hook ?? (() => undefined);
  const manifest = writes.filter((w) => w.path === MANIFEST_PATH);
  const ordered = writes.filter((w) => w.path !== MANIFEST_PATH);
  const id = randomBytes(8).toString('hex');
  // The journal's own folder; made by the lock in a real run, recorded here for one that is not.
  const stateDirs = (await exists(join(root, STATE_DIR))) ? [] : [STATE_DIR];
  if (stateDirs.length > 0) await mkdir(join(root, STATE_DIR), { recursive: true });
  const dirs = await missingDirs(root, ordered.map((w) => w.path));
  const journal: Journal = {
    journalVersion: 1,
    id,
    phase: 'staging',
    files: [
      ...(await Promise.all(ordered.map(async (w) => ({ path: w.path, existed: await exists(join(root, w.path)) })))),
      ...gone.map((path) => ({ path, existed: true, remove: true })),
      ...(await Promise.all(manifest.map(async (w) => ({ path: w.path, existed: await exists(join(root, w.path)) })))),
    ],
    dirs: [...stateDirs, ...dirs],
  };
  await writeJournal(root, journal);
  let committing = false;
  try {
    await hook('journal', JOURNAL_HINT);
    await makeDirs(root, dirs, hook);
    const content = new Map([...ordered, ...manifest].map((w) => [w.path, w.content]));
    // The temp files are written and fsync'd, and the replaced files linked, concurrently, so the
    // waits on the disk overlap (they were most of a scaffold's time); each step still ends, and
    // is hooked, in the journal's order.
    await inOrder(journal.files, async (file) => {
      if (!file.remove) await stage(root, id, { path: file.path, content: content.get(file.path)! }, file.existed);
      if (file.existed) await backup(root, id, file.path);
    }, async (file) => {
      if (!file.remove) await hook('stage', file.path);
      if (file.existed) await hook('backup', file.path);
    });
    const paths = journal.files.map((f) => f.path);
    await syncDirs(foldersOf(root, paths));
    await hook('synced', '');
    await writeJournal(root, { ...journal, phase: 'committing' });
    committing = true;
    await hook('commit', JOURNAL_HINT);
    // The files written, then the old paths of moved files, then the manifest: each group at once.
    const groups = [journal.files.filter((f) => !f.remove && f.path !== MANIFEST_PATH), journal.files.filter((f) => f.remove), journal.files.filter((f) => !f.remove && f.path === MANIFEST_PATH)];
    for (const group of groups) {
      await inOrder(group, (file) => (file.remove ? removeIfThere(join(root, file.path)) : rename(tempPath(root, id, file.path), join(root, file.path))), (file) => hook('rename', file.path));
    }
    await syncDirs(foldersOf(root, paths));
    await hook('renamed', '');
  } catch (error) {
    // Should the rollback itself fail, its journal stays, and the next run finishes it.
    await rollBack(root, { ...journal, phase: committing ? 'rolling-back' : 'staging' }).catch(() => undefined);
    throw error;
  }
  await finish(root, journal, hook);
}

const JOURNAL_HINT = `${STATE_DIR}/journal.json`;

/** After every rename: the backups go, then the journal (the apply is done once it is gone). */
async function finish(root: string, journal: Journal, hook: NonNullable<ApplyOptions['hook']> = () => undefined): Promise<void> {
  for (const file of journal.files) {
    if (!file.existed) continue;
    await removeIfThere(backupPath(root, journal.id, file.path));
    await hook('cleanup', file.path);
  }
  await removeJournal(root);
  await hook('done', '');
}

/**
 * Puts back what was there before: a replaced file from its backup, a created one removed, temp
 * files and created folders (when empty) removed, then the journal. Safe to run again after an
 * interruption: each step checks what is still to do.
 */
async function rollBack(root: string, journal: Journal): Promise<void> {
  // Once a rename may have happened, recovery must know to undo it rather than finish it.
  const wasCommitting = journal.phase !== 'staging';
  if (wasCommitting) await writeJournal(root, { ...journal, phase: 'rolling-back' });
  // Every file is put back even when one of them cannot be: the first such error is rethrown at the end.
  let failure: unknown = null;
  for (const file of [...journal.files].reverse()) {
    try {
      await rollBackFile(root, journal.id, file, wasCommitting);
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== null) throw failure;
  for (const folder of foldersOf(root, journal.files.map((f) => f.path))) await syncDir(folder).catch(() => undefined);
  await removeJournal(root);
  for (const dir of [...journal.dirs].reverse()) {
    if (dir === STATE_DIR) continue; // It holds the lock; the lock removes it when it made it.
    await rmdir(join(root, dir)).catch(() => undefined);
  }
}

async function rollBackFile(root: string, id: string, file: Journal['files'][number], wasCommitting: boolean): Promise<void> {
  const temp = tempPath(root, id, file.path);
  // A temp name the file system refuses (too long) was never created.
  const stillStaged = await exists(temp).catch(() => false);
  if (file.existed) {
    const saved = backupPath(root, id, file.path);
    if (wasCommitting && (await exists(saved).catch(() => false))) await rename(saved, join(root, file.path));
    // rename() between two links of one file does nothing: a file never replaced keeps its backup link.
    await removeIfThere(saved).catch(() => undefined);
  } else if (!stillStaged && wasCommitting && (await exists(join(root, file.path)))) {
    // Renamed into place by this apply (every temp file existed before the first rename).
    await removeIfThere(join(root, file.path));
  }
  if (stillStaged) await removeIfThere(temp);
}

export type Recovery = 'none' | 'rolled-back' | 'completed';

/**
 * Finishes or undoes an apply a previous run did not end (its journal is still there). Call with
 * the target's lock held, before reading anything else of the target.
 */
export async function recoverInterruptedApply(root: string): Promise<Recovery> {
  const journal = await readJournal(root);
  // A run killed while writing a journal leaves its temp file, whatever the phase it was writing.
  await removeJournalTemps(root);
  if (journal === null) return 'none';
  for (const file of journal.files) await assertSafePath(root, file.path);
  if (journal.phase === 'committing') {
    try {
      for (const file of journal.files) {
        const temp = tempPath(root, journal.id, file.path);
        if (file.remove) await removeIfThere(join(root, file.path));
        else if (await exists(temp)) await rename(temp, join(root, file.path));
      }
      for (const folder of foldersOf(root, journal.files.map((f) => f.path))) await syncDir(folder);
    } catch {
      // Whatever stops the renames now, the old files are still in their backups.
      await rollBack(root, { ...journal, phase: 'rolling-back' });
      return 'rolled-back';
    }
    await finish(root, journal);
    return 'completed';
  }
  // staging: nothing was renamed yet, so rolling back only removes temp files; rolling-back: go on.
  await rollBack(root, journal);
  return 'rolled-back';
}
