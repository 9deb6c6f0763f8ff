/**
 * Deciding what to write from a plan and the user's choice for each conflict: overwrite it, or keep
 * theirs. Pure; the edge applies the result. A kept file keeps the manifest's previous record (or
 * none, for a file the tool never wrote), so it stays a conflict on later runs and is never
 * overwritten silently.
 */
import type { Manifest } from '../manifest.js';
import { serializeManifest } from '../manifest.js';
import { MANIFEST_PATH } from '../paths.js';
import type { Change, Plan } from './plan.js';

export type ConflictChoice = 'overwrite' | 'keep';

export interface FileWrite {
  path: string;
  content: string;
}

export interface WriteDecision {
  /** What to write, in plan order (the edge writes the manifest last); empty while any conflict is unresolved. */
  writes: FileWrite[];
  /** Conflicts kept as the user has them. */
  kept: string[];
  /** Conflicts nobody decided: nothing may be written while any remain. */
  unresolved: Change[];
}

/** A choice per conflicting path; a path without one is unresolved. */
export type ConflictChoices = ReadonlyMap<string, ConflictChoice>;

/** Every conflict overwritten (--force). */
export function overwriteAll(plan: Plan): ConflictChoices {
  return new Map(plan.changes.filter((c) => c.kind === 'conflict').map((c) => [c.path, 'overwrite' as const]));
}

export function decideWrites(plan: Plan, choices: ConflictChoices, previous: Manifest | null): WriteDecision {
  const conflicts = plan.changes.filter((c) => c.kind === 'conflict');
  const unresolved = conflicts.filter((c) => !choices.has(c.path));
  const kept = conflicts.filter((c) => choices.get(c.path) === 'keep').map((c) => c.path);
  if (unresolved.length > 0) return { writes: [], kept, unresolved };

  const writes: FileWrite[] = [];
  for (const change of plan.changes) {
    if (change.path === MANIFEST_PATH) {
      const content = kept.length > 0 ? withKeptRecords(change.after, kept, previous) : change.after;
      if (content !== change.before) writes.push({ path: change.path, content });
    } else if (change.kind === 'create' || change.kind === 'update' || (change.kind === 'conflict' && choices.get(change.path) === 'overwrite')) {
      writes.push({ path: change.path, content: change.after });
    }
  }
  return { writes, kept, unresolved: [] };
}

/** The new manifest, with each kept file recorded as the previous manifest had it (or not at all). */
function withKeptRecords(manifestText: string, kept: readonly string[], previous: Manifest | null): string {
  const manifest = JSON.parse(manifestText) as Manifest;
  const files: Record<string, string> = { ...manifest.files };
  for (const path of kept) {
    const recorded = previous?.files[path];
    if (recorded === undefined) delete files[path];
    else files[path] = recorded;
  }
  return serializeManifest({ ...manifest, files });
}
