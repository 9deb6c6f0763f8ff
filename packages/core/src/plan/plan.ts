/**
 * Planning: compares the rendered tree with what is on disk and says, per file, what applying would
 * do. Pure: the edge reads the disk into a snapshot first (the way changesets plans before it applies).
 */
import { sha256 } from '../hash.js';
import type { Manifest } from '../manifest.js';
import type { Tree } from '../tree.js';
import { MANIFEST_PATH } from '../paths.js';
import { AGENTS_MD_PATH, ownedContent } from '../formats/agents-md.js';

export type ChangeKind = 'create' | 'update' | 'unchanged' | 'conflict';
export type ConflictReason = 'edited' | 'unmanaged';

export interface Change {
  path: string;
  kind: ChangeKind;
  /** For conflicts: the user edited a file we wrote, or the file exists but we never wrote it. */
  reason?: ConflictReason;
  before: string | null;
  after: string;
}

/** What is on disk at each path of the tree (null: no such file). */
export type DiskSnapshot = ReadonlyMap<string, string | null>;

export interface Plan {
  changes: Change[];
}

export function planChanges(tree: Tree, disk: DiskSnapshot, manifest: Manifest | null): Plan {
  const changes: Change[] = [];
  for (const [path, after] of tree) {
    const before = disk.get(path) ?? null;
    changes.push({ path, after, before, ...classify(path, before, after, manifest) });
  }
  return { changes };
}

function classify(path: string, before: string | null, after: string, manifest: Manifest | null): Pick<Change, 'kind' | 'reason'> {
  if (before === null) return { kind: 'create' };
  if (before === after) return { kind: 'unchanged' };
  // The manifest is the tool's own bookkeeping, never the user's text.
  if (path === MANIFEST_PATH) return { kind: 'update' };
  const recorded = manifest?.files[path];
  // Of a file shared with the user (AGENTS.md) only the tool's block counts: edits around it are
  // the user's to make, and a file without the block simply gets it appended.
  const owned = ownedContent(path, before);
  if (path === AGENTS_MD_PATH && owned === null && recorded === undefined) return { kind: 'update' };
  if (recorded === undefined) return { kind: 'conflict', reason: 'unmanaged' };
  if (owned === null || recorded !== sha256(owned)) return { kind: 'conflict', reason: 'edited' };
  return { kind: 'update' };
}

export function summarize(plan: Plan): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { create: 0, update: 0, unchanged: 0, conflict: 0 };
  for (const c of plan.changes) counts[c.kind]++;
  return counts;
}
