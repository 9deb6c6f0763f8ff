import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { MANIFEST_PATH } from '@create-backend-agent/core';
import { recoverInterruptedApply, writeFilesAtomically, type ApplyStep, type FileWrite } from './apply.js';
import { JOURNAL_PATH } from './journal.js';

/** Every file under dir: path -> content and permission bits. */
async function state(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        out[`${relative(dir, full)}/`] = '';
        await walk(full);
      } else out[relative(dir, full)] = `${((await lstat(full)).mode & 0o777).toString(8)} ${await readFile(full, 'utf8')}`;
    }
  };
  await walk(dir);
  return out;
}

const leftovers = (s: Record<string, string>) => Object.keys(s).filter((p) => /\.(tmp|bak)$/.test(p) || p === JOURNAL_PATH);

const OLD: FileWrite[] = [
  { path: 'run.sh', content: 'echo old\n' },
  { path: 'docs/a.md', content: '# old a\n' },
  { path: 'docs/moved.md', content: '# moved away\n' },
  { path: MANIFEST_PATH, content: '{"old":true}\n' },
];
/** A moved file's old path: removed in the same transaction. */
const REMOVES = ['docs/moved.md'];
const NEW: FileWrite[] = [
  { path: MANIFEST_PATH, content: '{"new":true}\n' },
  { path: 'run.sh', content: 'echo new\n' },
  { path: 'docs/a.md', content: '# new a\n' },
  { path: 'docs/deep/er/c.md', content: '# new c\n' },
];

let root: string;
let oldState: Record<string, string>;
let newState: Record<string, string>;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cba-apply-'));
  await writeFilesAtomically(root, OLD);
  await chmod(join(root, 'run.sh'), 0o755);
  oldState = await state(root);
  // The new state, as an uninterrupted apply leaves it, in a scratch copy.
  const scratch = await mkdtemp(join(tmpdir(), 'cba-apply-new-'));
  await writeFilesAtomically(scratch, OLD);
  await chmod(join(scratch, 'run.sh'), 0o755);
  await writeFilesAtomically(scratch, NEW, REMOVES);
  newState = await state(scratch);
  await rm(scratch, { recursive: true, force: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The steps an uninterrupted apply goes through. */
async function steps(): Promise<Array<[ApplyStep, string]>> {
  const scratch = await mkdtemp(join(tmpdir(), 'cba-apply-steps-'));
  await writeFilesAtomically(scratch, OLD);
  const seen: Array<[ApplyStep, string]> = [];
  await writeFilesAtomically(scratch, NEW, REMOVES, { hook: (step, path) => void seen.push([step, path]) });
  await rm(scratch, { recursive: true, force: true });
  return seen;
}

describe('writeFilesAtomically', () => {
  it('keeps the mode of a file it updates, creates new ones with the default mode, removes a moved one', async () => {
    await writeFilesAtomically(root, NEW, REMOVES);
    expect(await stat(join(root, 'docs/moved.md')).catch(() => null)).toBeNull();
    expect((await stat(join(root, 'run.sh'))).mode & 0o777).toBe(0o755);
    expect(await readFile(join(root, 'run.sh'), 'utf8')).toBe('echo new\n');
    expect(((await stat(join(root, 'docs/deep/er/c.md'))).mode & 0o777) & ~process.umask()).toBe(0o666 & ~process.umask());
    expect(leftovers(await state(root))).toEqual([]);
  });

  it('goes through every step of the transaction', async () => {
    const seen = (await steps()).map(([s]) => s);
    expect(new Set(seen)).toEqual(new Set(['journal', 'mkdir', 'stage', 'backup', 'synced', 'commit', 'rename', 'renamed', 'cleanup', 'done']));
    expect(seen.length).toBeGreaterThan(15);
  });

  it('interrupted by an error at every step, puts back the old state and leaves no temp file', async () => {
    const all = await steps();
    let failures = 0;
    for (const [i, [step, path]] of all.entries()) {
      // The last steps come after the commit point: an error there cannot undo the apply.
      if (step === 'cleanup' || step === 'done') continue;
      let n = 0;
      const hook = (s: ApplyStep) => {
        if (n++ === i) throw new Error(`injected at ${s}`);
      };
      await expect(writeFilesAtomically(root, NEW, REMOVES, { hook }), `${step} ${path}`).rejects.toThrow(`injected at ${step}`);
      expect(await state(root), `after an error at ${step} ${path}`).toEqual(oldState);
      failures++;
    }
    expect(failures).toBeGreaterThan(12);
  });

  it('killed at every step (the process stops there), the next run finishes or rolls back the apply', async () => {
    const all = await steps();
    const outcomes: Record<string, number> = { old: 0, new: 0 };
    for (const [i, [step, path]] of all.entries()) {
      const dir = await mkdtemp(join(tmpdir(), 'cba-apply-kill-'));
      await writeFilesAtomically(dir, OLD);
      await chmod(join(dir, 'run.sh'), 0o755);
      let n = 0;
      let stopped!: () => void;
      const reached = new Promise<void>((resolve) => (stopped = resolve));
      // The apply never returns from step i, as if the process died there: nothing after it runs.
      const hook = () => (n++ === i ? (stopped(), new Promise<void>(() => undefined)) : undefined);
      void writeFilesAtomically(dir, NEW, REMOVES, { hook });
      await reached;
      const recovered = await recoverInterruptedApply(dir);
      const after = await state(dir);
      expect(leftovers(after), `${step} ${path}`).toEqual([]);
      const which = JSON.stringify(after) === JSON.stringify(oldState) ? 'old' : JSON.stringify(after) === JSON.stringify(newState) ? 'new' : 'torn';
      expect(which, `killed at ${step} ${path} (recovery: ${recovered})`).not.toBe('torn');
      outcomes[which]!++;
      // Once the journal says "committing" (written just before the hook named commit), the apply is finished, never undone.
      const committed = all.slice(0, i + 1).some(([s]) => s === 'commit');
      expect(which, `${step} ${path}`).toBe(committed ? 'new' : 'old');
      await rm(dir, { recursive: true, force: true });
    }
    expect(outcomes.old).toBeGreaterThan(5);
    expect(outcomes.new).toBeGreaterThan(5);
  });

  it('rolls back what it renamed when a later rename fails (a folder in the way), leaving no temp file', async () => {
    await mkdir(join(root, 'docs/a.md/inside'), { recursive: true }).catch(() => undefined);
    await rm(join(root, 'docs/a.md'), { force: true, recursive: true });
    await mkdir(join(root, 'docs/a.md/inside'), { recursive: true });
    const before = await state(root);
    await expect(writeFilesAtomically(root, NEW)).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
    expect(await state(root)).toEqual(before);
  });

  it('removes the folders it made when a parent is a file', async () => {
    await writeFile(join(root, 'blocker'), 'a file\n');
    const before = await state(root);
    await expect(writeFilesAtomically(root, [{ path: 'new/x.md', content: 'x' }, { path: 'blocker/y.md', content: 'y' }])).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(await state(root)).toEqual(before);
  });

  it('a recovery with no journal does nothing', async () => {
    expect(await recoverInterruptedApply(root)).toBe('none');
    expect(await state(root)).toEqual(oldState);
  });

  it('removes the temp file of a journal whose writer was killed before it was renamed', async () => {
    const temp = join(root, `${JOURNAL_PATH}.0123456789abcdef.tmp`);
    await mkdir(dirname(temp), { recursive: true });
    await writeFile(temp, '{"journalVersion":1,"id":"0123');
    const before = await state(root);
    expect(leftovers(before)).toHaveLength(1);
    expect(await recoverInterruptedApply(root)).toBe('none');
    const after = await state(root);
    expect(leftovers(after)).toEqual([]);
    expect(after).toEqual(Object.fromEntries(Object.entries(before).filter(([p]) => !p.endsWith('.tmp'))));
  });

  it('refuses a journal that points outside the target', async () => {
    await writeFile(join(root, JOURNAL_PATH), JSON.stringify({ journalVersion: 1, id: '0123456789abcdef', phase: 'committing', files: [{ path: '../escape', existed: false }], dirs: [] }));
    await expect(recoverInterruptedApply(root)).rejects.toThrow(/journal\.json .*damaged/);
  });
});
