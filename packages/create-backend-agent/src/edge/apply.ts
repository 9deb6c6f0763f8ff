/**
 * Applying a plan: every file goes to a temp file in its own folder first, then all are renamed into
 * place, the manifest last. A failure before the renames leaves the target as it was.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MANIFEST_PATH } from '@create-backend-agent/core';

export interface FileWrite {
  path: string;
  content: string;
}

export async function writeFilesAtomically(root: string, writes: readonly FileWrite[], removes: readonly string[] = []): Promise<void> {
  const ordered = [...writes.filter((w) => w.path !== MANIFEST_PATH), ...writes.filter((w) => w.path === MANIFEST_PATH)];
  const createdDirs: string[] = [];
  const staged: Array<{ temp: string; final: string }> = [];
  try {
    for (const write of ordered) {
      const final = join(root, write.path);
      const created = await mkdir(dirname(final), { recursive: true });
      if (created) createdDirs.push(created);
      const temp = join(dirname(final), `.${basename(final)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(temp, write.content, 'utf8');
      staged.push({ temp, final });
    }
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    for (const dir of createdDirs.reverse()) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  // A moved file leaves its old path once its new one is in place, before the manifest records the move.
  const last = staged.at(-1)?.final === join(root, MANIFEST_PATH) ? staged.pop() : undefined;
  for (const { temp, final } of staged) await rename(temp, final);
  for (const path of removes) await rm(join(root, path), { force: true });
  if (last) await rename(last.temp, last.final);
}
