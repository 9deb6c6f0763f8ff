/** Reading the target: path safety, the manifest, and a snapshot of the files a tree would touch. */
import { lstat, readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BASES_PATH, InputError, MANIFEST_PATH, parseManifest, type DiskSnapshot, type Manifest, type Tree } from '@create-backend-agent/core';

const isInside = (root: string, path: string) => path === root || path.startsWith(root + sep);

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a relative output path that leaves the target: "..", absolute paths, or any existing
 * component that is a symlink resolving outside it.
 */
export async function assertSafePath(root: string, rel: string): Promise<void> {
  const segments = rel.split(/[\\/]/);
  if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || segments.includes('..') || !isInside(root, resolve(root, rel))) {
    throw new InputError(`Refusing to write "${rel}": it is outside the target folder.`, 'Use a path inside the repository.');
  }
  const realRoot = await realpath(root).catch(() => null);
  if (realRoot === null) return; // The target does not exist yet: nothing inside it can redirect a write.
  let current = root;
  for (const segment of segments) {
    current = join(current, segment);
    let stats;
    try {
      stats = await lstat(current);
    } catch {
      return; // Nothing exists from here down, so nothing can redirect the write.
    }
    if (stats.isSymbolicLink()) {
      const target = await realpath(current).catch(() => null);
      if (target === null || !isInside(realRoot, target)) {
        throw new InputError(`Refusing to write "${rel}": ${relative(root, current)} is a symlink that points outside the target folder.`, 'Remove the symlink or choose another path.');
      }
    }
  }
}

export interface TargetState {
  manifest: Manifest | null;
  disk: DiskSnapshot;
}

export async function readTarget(root: string, tree: Tree): Promise<TargetState> {
  const disk = new Map<string, string | null>();
  const manifest = await readManifest(root);
  // Also the paths the last run wrote (a file may move when an answer changes its path) and the merge bases.
  const paths = new Set([...tree.keys(), ...Object.keys(manifest?.files ?? {}), BASES_PATH]);
  for (const path of paths) {
    await assertSafePath(root, path);
    const full = join(root, path);
    let content: string | null = null;
    try {
      const stats = await lstat(full);
      if (stats.isDirectory()) throw new InputError(`Cannot write ${path}: a folder is in the way.`, 'Move the folder or choose another path.');
      content = await readFile(full, 'utf8');
    } catch (error) {
      if (error instanceof InputError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    disk.set(path, content);
  }
  return { manifest, disk };
}

export async function readManifest(root: string): Promise<Manifest | null> {
  const file = join(root, MANIFEST_PATH);
  if (!(await exists(file))) return null;
  return parseManifest(await readFile(file, 'utf8'));
}

/** The target must be a folder, or not exist yet (it is created on write). */
export async function checkTargetDir(root: string): Promise<void> {
  try {
    const stats = await lstat(root);
    if (!stats.isDirectory() && !(stats.isSymbolicLink() && (await lstat(await realpath(root))).isDirectory())) {
      throw new InputError(`${root} exists and is not a folder.`, 'Pass a folder as the target.');
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
  }
}
