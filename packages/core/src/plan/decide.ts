/**
 * Deciding what to write from a plan and the user's choice for each conflict (`--conflict`, or the
 * wizard per file). Pure; the edge writes the result and nothing else.
 *
 * - markers: git-style markers in the file; the run still applies everything and exits 2, and later
 *   runs refuse the file until the markers are gone (plan.ts: reason `markers`).
 * - mine: the user's side of each conflicting hunk; new content elsewhere still merges in.
 * - theirs: the new rendering.
 * Each records the new rendering as the base (plan.ts), so repeating the run is a no-op.
 * A conflict without a choice (`stop`) means nothing is written at all.
 */
import type { Resolution } from './merge.js';
import type { Change, Plan } from './plan.js';

export type ConflictChoice = Resolution;
export type ConflictMode = 'stop' | Resolution;
export const CONFLICT_MODES: readonly ConflictMode[] = ['stop', 'markers', 'mine', 'theirs'];

export interface FileWrite {
  path: string;
  content: string;
}

export interface WriteDecision {
  /** What to write, in plan order (the edge writes the manifest last); empty while any conflict is unresolved. */
  writes: FileWrite[];
  /** Files that move: removed once their new path is written. */
  removes: string[];
  /** Conflicts written with markers: the run exits 2 so CI notices. */
  markers: string[];
  /** Conflicts resolved with the user's side. */
  kept: string[];
  /** Conflicts nobody decided, and files still holding markers: nothing may be written while any remain. */
  unresolved: Change[];
}

/** A choice per conflicting path; a path without one is unresolved. */
export type ConflictChoices = ReadonlyMap<string, ConflictChoice>;

/** One resolution for every conflict (`--conflict mine|theirs|markers`); `stop` chooses none. */
export function resolveAll(plan: Plan, mode: ConflictMode): ConflictChoices {
  if (mode === 'stop') return new Map();
  return new Map(plan.changes.filter((c) => c.kind === 'conflict' && c.resolutions).map((c) => [c.path, mode]));
}

/** Every conflict takes the new rendering (`--force`, `--conflict theirs`). */
export function overwriteAll(plan: Plan): ConflictChoices {
  return resolveAll(plan, 'theirs');
}

const WRITTEN = new Set(['create', 'update', 'merged', 'moved']);

export function decideWrites(plan: Plan, choices: ConflictChoices): WriteDecision {
  const conflicts = plan.changes.filter((c) => c.kind === 'conflict');
  // A file still holding markers has no resolution to choose: it must be resolved by hand first.
  const unresolved = conflicts.filter((c) => !c.resolutions || !choices.has(c.path));
  const chosen = (how: ConflictChoice) => conflicts.filter((c) => choices.get(c.path) === how).map((c) => c.path);
  const none: WriteDecision = { writes: [], removes: [], markers: [], kept: [], unresolved };
  if (unresolved.length > 0) return none;

  const writes: FileWrite[] = [];
  const removes: string[] = [];
  for (const change of plan.changes) {
    const choice = choices.get(change.path);
    if (change.kind === 'conflict' && change.resolutions && choice) writes.push({ path: change.path, content: change.resolutions[choice] });
    else if (WRITTEN.has(change.kind)) writes.push({ path: change.path, content: change.after });
    else continue;
    if (change.from !== undefined) removes.push(change.from);
  }
  return { writes, removes, markers: chosen('markers'), kept: chosen('mine'), unresolved: [] };
}
