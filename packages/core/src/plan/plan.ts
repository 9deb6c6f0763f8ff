/**
 * Planning: compares the rendered tree with what is on disk and says, per file, what applying would
 * do. Pure: the edge reads the disk into a snapshot first (the way changesets plans before it applies).
 *
 * A generated file is co-owned: the tool owns what it rendered, the user owns their edits. Each file
 * is merged three ways (merge.ts): base (what the tool wrote last, from the bases file) → the file on
 * disk, and base → the new rendering. Only lines both sides changed are a conflict; how each ends is
 * the user's choice (decide.ts), and every choice records the new rendering as the next base, so a
 * conflict is never met twice.
 */
import { sha256 } from '../hash.js';
import type { Manifest } from '../manifest.js';
import { serializeManifest } from '../manifest.js';
import type { Answers } from '../answers/schema.js';
import type { Tree } from '../tree.js';
import { MANIFEST_PATH } from '../paths.js';
import { findBlock, isAgentsMdPath, ownedContent } from '../formats/agents-md.js';
import { BASES_PATH, encodeBases, type Bases } from './bases.js';
import { hasConflictMarkers, mergeThree, type ConflictHunk, type Resolution } from './merge.js';
import { findMoves, serviceOfOutput } from './moves.js';

export type ChangeKind = 'create' | 'update' | 'merged' | 'unchanged' | 'conflict' | 'deleted-by-you' | 'moved';
/**
 * edited: both the user and the new rendering changed the same lines; unmanaged: the file exists but
 * the tool never wrote it; markers: it still holds the conflict markers an earlier run wrote.
 */
export type ConflictReason = 'edited' | 'unmanaged' | 'markers';

export interface Change {
  path: string;
  kind: ChangeKind;
  reason?: ConflictReason;
  /** The file on disk (for a move: at `from`). */
  before: string | null;
  /** What applying writes: the merge for `merged`, the new rendering for a conflict (see `resolutions`). */
  after: string;
  /** A move: the path the file leaves (removed once it is written at `path`). */
  from?: string;
  /** A conflict's overlapping hunks. */
  hunks?: ConflictHunk[];
  /** A conflict's whole file under each resolution (none for `markers`: it must be resolved by hand). */
  resolutions?: Record<Resolution, string>;
}

/** What is on disk at each path of the tree and of the last manifest (null: no such file). */
export type DiskSnapshot = ReadonlyMap<string, string | null>;

export interface Plan {
  changes: Change[];
  /**
   * Files of services the last run wrote and this one does not (a service removed from the answers):
   * left on disk as they are, never deleted, and reported so the user can decide.
   */
  noLongerGenerated?: string[];
}

export interface PlanOptions {
  /** The bases the last run left (decodeBases / basesFromTree); without them an edited file conflicts as a whole. */
  bases?: Bases | null;
  /** Paths deleted by the user that this run writes again (`--restore`). */
  restore?: readonly string[];
}

/** The tool's own bookkeeping: never the user's text, never drift on its own. */
export const BOOKKEEPING_PATHS: readonly string[] = [MANIFEST_PATH, BASES_PATH];

export function planChanges(tree: Tree, disk: DiskSnapshot, manifest: Manifest | null, options: PlanOptions = {}): Plan {
  const generated = JSON.parse(tree.get(MANIFEST_PATH) ?? 'null') as (Manifest & { answers: Answers }) | null;
  const toolVersion = generated?.tool.version ?? '0.0.0';
  const bases = options.bases ?? new Map<string, string>();
  const restore = new Set(options.restore ?? []);
  const records = manifest?.files ?? {};
  const outputs = [...tree.keys()].filter((p) => p !== MANIFEST_PATH);
  const moves = manifest && generated ? findMoves(outputs, generated.answers, Object.keys(records), manifest.answers) : new Map<string, string>();

  const changes: Change[] = [];
  /** Paths whose last record stays (a file the user deleted stays deleted on later runs too). */
  const keptRecords: string[] = [];
  for (const path of outputs) {
    const after = tree.get(path)!;
    const from = moves.get(path);
    const source = from !== undefined && disk.get(path) == null ? from : path;
    const before = disk.get(source) ?? null;
    const base = bases.get(source) ?? null;
    const recorded = records[source];
    const change = classify({ path, before, after, base, recorded, toolVersion, restore: restore.has(path) });
    if (change.kind === 'deleted-by-you') keptRecords.push(source);
    changes.push(source === path || change.kind === 'deleted-by-you' ? change : withMove(change, source));
  }
  changes.push(...bookkeeping(tree, disk, manifest, generated, bases, keptRecords));
  const movedFrom = new Set(moves.values());
  // The files of a service the answers dropped; other outputs left behind (a record retired by a
  // supersession) are not news.
  const kept = new Set(generated?.answers.services.map((s) => s.path) ?? []);
  const dropped = (p: string) => {
    const service = manifest ? serviceOfOutput(p, manifest.answers) : undefined;
    return service !== undefined && !kept.has(service);
  };
  const noLongerGenerated = Object.keys(records).filter((p) => !tree.has(p) && !movedFrom.has(p) && disk.get(p) != null && dropped(p)).sort();
  return noLongerGenerated.length > 0 ? { changes, noLongerGenerated } : { changes };
}

interface FileState {
  path: string;
  before: string | null;
  after: string;
  base: string | null;
  recorded: string | undefined;
  toolVersion: string;
  restore: boolean;
}

function classify(s: FileState): Change {
  const { path, before, after } = s;
  // A file the tool wrote and the user deleted stays deleted (until --restore).
  if (before === null) return { path, before, after, kind: s.recorded !== undefined && !s.restore ? 'deleted-by-you' : 'create' };
  const yours = ownedContent(path, before);
  if (yours !== null && hasConflictMarkers(yours)) return { path, before, after, kind: 'conflict', reason: 'markers' };
  if (before === after) return { path, before, after, kind: 'unchanged' };
  // AGENTS.md without the tool's block: appended on a first run; removed by the user after one, so it stays out.
  if (yours === null) return { path, before, after, kind: s.recorded === undefined || s.restore ? 'update' : 'deleted-by-you' };
  const theirs = ownedContent(path, after) ?? after;
  // The base is what the tool wrote last: from the bases file, or the file itself when it still
  // matches the record. Without one, nothing is common ground: the whole file is the user's change.
  const base = s.base ?? (s.recorded === sha256(yours) ? yours : '');
  if (yours === base) return { path, before, after, kind: 'update' };
  if (theirs === base) return { path, before, after: before, kind: 'unchanged' };
  const outcome = mergeThree(base, yours, theirs, s.toolVersion);
  if (outcome.clean) {
    const merged = withOwned(path, after, outcome.text);
    return { path, before, after: merged, kind: merged === before ? 'unchanged' : 'merged' };
  }
  return {
    path, before, after,
    kind: 'conflict',
    reason: s.recorded === undefined ? 'unmanaged' : 'edited',
    hunks: outcome.hunks,
    resolutions: { markers: withOwned(path, after, outcome.resolve('markers')), mine: withOwned(path, after, outcome.resolve('mine')), theirs: after },
  };
}

/** A planned change that also moves the file from `from` (a conflict keeps its kind and says where from). */
function withMove(change: Change, from: string): Change {
  return { ...change, from, kind: change.kind === 'conflict' ? 'conflict' : 'moved' };
}

/** The file with the part the tool owns replaced (the block, in AGENTS.md; all of any other file). */
function withOwned(path: string, file: string, owned: string): string {
  if (!isAgentsMdPath(path)) return owned;
  const span = findBlock(file);
  return span ? file.slice(0, span.start) + owned + file.slice(span.end) : owned;
}

/**
 * The manifest and the bases file this run leaves. Whatever the user chooses for a conflict, the
 * new rendering is the next base, so both are the same for every choice: the records are generate()'s,
 * except that a file the user deleted keeps its old record (and base), so it stays deleted.
 */
function bookkeeping(tree: Tree, disk: DiskSnapshot, previous: Manifest | null, generated: Manifest | null, bases: Bases, keptRecords: readonly string[]): Change[] {
  const manifestText = tree.get(MANIFEST_PATH);
  if (manifestText === undefined || generated === null) return [];
  const files: Record<string, string> = { ...generated.files };
  for (const path of keptRecords) files[path] = previous!.files[path]!;
  const sorted = Object.fromEntries(Object.keys(files).sort().map((p) => [p, files[p]!]));
  // Parsed as generate() wrote it, so the answers keep their order byte for byte.
  const manifestAfter = keptRecords.length === 0 ? manifestText : serializeManifest({ ...(JSON.parse(manifestText) as Manifest), files: sorted });

  const nextBases = new Map<string, string>();
  for (const path of Object.keys(sorted)) {
    const rendered = tree.get(path);
    const content = rendered !== undefined ? ownedContent(path, rendered) : bases.get(path);
    if (content !== null && content !== undefined && sha256(content) === sorted[path]) nextBases.set(path, content);
  }
  const basesBefore = disk.get(BASES_PATH) ?? null;
  // The same bases as last time keep the same bytes (no re-compression, so no churn in git).
  const sameBases = basesBefore !== null && nextBases.size === bases.size && [...nextBases].every(([p, c]) => bases.get(p) === c);
  const basesAfter = sameBases ? basesBefore : encodeBases(nextBases);

  const manifestBefore = disk.get(MANIFEST_PATH) ?? null;
  const kind = (before: string | null, after: string): ChangeKind => (before === null ? 'create' : before === after ? 'unchanged' : 'update');
  return [
    { path: BASES_PATH, kind: kind(basesBefore, basesAfter), before: basesBefore, after: basesAfter },
    { path: MANIFEST_PATH, kind: kind(manifestBefore, manifestAfter), before: manifestBefore, after: manifestAfter },
  ];
}

export function summarize(plan: Plan): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { create: 0, update: 0, merged: 0, unchanged: 0, conflict: 0, 'deleted-by-you': 0, moved: 0 };
  for (const c of plan.changes) counts[c.kind]++;
  return counts;
}

/** What a re-run would change in the user's files: `--check`'s drift. Kept edits and deleted files are not drift. */
export function drift(plan: Plan): Change[] {
  return plan.changes.filter((c) => !BOOKKEEPING_PATHS.includes(c.path) && c.kind !== 'unchanged' && c.kind !== 'deleted-by-you');
}
