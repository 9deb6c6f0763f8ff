/** Reading the target: path safety, the manifest, and a snapshot of the files a tree would touch. */
import { lstat, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BASES_PATH, FileSystemError, InputError, MANIFEST_PATH, parseManifest, type DiskSnapshot, type Manifest, type Tree } from '@create-backend-agent/core';
import { MB, readBounded, specialKind } from './read-file.js';
import { mapLimited } from './limit.js';

/** Version-control folders: their contents are the VCS's own, never an output path. */
export const VCS_FOLDERS = ['.git', '.hg', '.svn', '.bzr', '_darcs', '.jj', '.pijul', '.fslckout', 'CVS'];
/** A generated file is far below this; a bigger one at an output path is not the tool's. */
const MAX_OUTPUT_FILE = 16 * MB;
/** The longest file name most file systems take (ext4, APFS, NTFS: 255). */
const NAME_MAX = 255;
const TEMP_SUFFIX_BYTES = 22;
const READ_CONCURRENCY = 16;

const isInside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/**
 * Refuses a relative output path that leaves the target: "..", absolute paths, or any existing
 * component that is a symlink resolving outside it.
 */
export async function assertSafePath(root: string, rel: string): Promise<void> {
  await pathGuard(root)(rel);
}

/**
 * assertSafePath for many paths under one root: the root's real path and each folder's lstat are
 * looked up once, where a monorepo's outputs share a few hundred folders among a thousand paths.
 * For one command's reads only (a folder it has seen is not looked at again).
 */
export function pathGuard(root: string): (rel: string) => Promise<void> {
  let realRoot: Promise<string | null> | undefined;
  const seen = new Map<string, Promise<Stats | null>>();
  const lookUp = (path: string) => {
    let stats = seen.get(path);
    if (!stats) {
      stats = lstatOrNull(path);
      seen.set(path, stats);
    }
    return stats;
  };
  return async (rel) => {
    const segments = checkPathName(root, rel);
    realRoot ??= realpath(root).catch(() => null);
    const real = await realRoot;
    if (real === null) return; // The target does not exist yet: nothing inside it can redirect a write.
    let current = root;
    for (const [i, segment] of segments.entries()) {
      current = join(current, segment);
      let stats = await lookUp(current);
      if (stats === null) return; // Nothing exists from here down.
      if (stats.isSymbolicLink()) {
        const target = await realpath(current).catch(() => null);
        if (target === null || !isInside(real, target)) {
          throw new InputError(`Refusing to write "${rel}": ${relative(root, current)} is a symlink that points outside the target folder.`, 'Remove the symlink or choose another path.');
        }
        stats = await stat(current);
      }
      const last = i === segments.length - 1;
      if (!last && !stats.isDirectory()) {
        throw new FileSystemError(`Cannot write ${rel}: ${relative(root, current)} is ${specialKind(stats) ?? 'a file'}, not a folder.`, 'Move it away or choose another path.');
      }
      if (last && !stats.isFile()) {
        // A FIFO here would hang the read; a folder or device cannot be replaced by a file.
        throw new FileSystemError(`Cannot write ${rel}: it is ${specialKind(stats)}, not a regular file.`, 'Move it away or choose another path.');
      }
    }
  };
}

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
}

/** The checks on the name alone: inside the root, not too long, not in a VCS folder. Its segments. */
function checkPathName(root: string, rel: string): string[] {
  const segments = rel.split(/[\\/]/);
  if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || segments.includes('..') || !isInside(root, resolve(root, rel))) {
    throw new InputError(`Refusing to write "${rel}": it is outside the target folder.`, 'Use a path inside the repository.');
  }
  // The temp file staged beside it adds ".<name>.<id>.tmp" (22 bytes) to the last name.
  const long = segments.find((s, i) => Buffer.byteLength(s) > NAME_MAX - (i === segments.length - 1 ? TEMP_SUFFIX_BYTES : 0));
  if (long !== undefined) {
    throw new InputError(`Refusing to write "${rel.length > 80 ? `${rel.slice(0, 77)}...` : rel}": the name "${long.slice(0, 40)}..." is ${Buffer.byteLength(long)} bytes long.`, `Use names of at most ${NAME_MAX - TEMP_SUFFIX_BYTES} bytes.`);
  }
  const vcs = segments.find((s) => VCS_FOLDERS.includes(s));
  if (vcs !== undefined) {
    throw new InputError(`Refusing to write "${rel}": ${vcs}/ belongs to version control.`, 'Choose a path outside it.');
  }
  return segments;
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
  const guard = pathGuard(root);
  // Read at once, a few at a time: a monorepo's plan reads a thousand paths, each a wait on the disk.
  const contents = await mapLimited([...paths], READ_CONCURRENCY, async (path) => {
    await guard(path);
    return readBounded(join(root, path), path, MAX_OUTPUT_FILE, 'It is not a file this tool wrote: move it away or choose another path.');
  });
  for (const [i, path] of [...paths].entries()) disk.set(path, contents[i]!);
  return { manifest, disk };
}

export async function readManifest(root: string): Promise<Manifest | null> {
  // A manifest is a few kilobytes; a bigger one (or /dev/zero behind a symlink) is not one.
  const text = await readBounded(join(root, MANIFEST_PATH), MANIFEST_PATH, 4 * MB, 'Restore it from version control, or delete it to start over.');
  return text === null ? null : parseManifest(text);
}

/** The target must be a folder, or not exist yet (it is created on write). */
export async function checkTargetDir(root: string): Promise<void> {
  let stats;
  try {
    stats = await stat(root);
  } catch (error) {
    if (['ENOENT'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  if (!stats.isDirectory()) throw new InputError(`${root} exists and is not a folder.`, 'Pass a folder as the target.');
}
