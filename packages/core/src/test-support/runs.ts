/**
 * Runs of the whole pure pipeline against an in-memory disk, as the CLI does against a real one:
 * generate, read the bases, plan, decide, apply. For the core's tests of re-runs and upgrades.
 */
import type { Answers } from '../answers/schema.js';
import { generate } from '../generate.js';
import type { Library } from '../library/index.js';
import { parseManifest, type Manifest } from '../manifest.js';
import { MANIFEST_PATH } from '../paths.js';
import { BASES_PATH, decodeBases } from '../plan/bases.js';
import { decideWrites, resolveAll, type ConflictMode, type WriteDecision } from '../plan/decide.js';
import { planChanges, type Plan } from '../plan/plan.js';
import { TEST_DATE } from './answers.js';

export type Disk = Map<string, string>;

export interface Run {
  plan: Plan;
  decision: WriteDecision;
  /** The disk after the run (unchanged when anything was unresolved). */
  disk: Disk;
  kind: (path: string) => string | undefined;
}

export function manifestOn(disk: ReadonlyMap<string, string>): Manifest | null {
  const text = disk.get(MANIFEST_PATH);
  return text === undefined ? null : parseManifest(text);
}

export function run(disk: ReadonlyMap<string, string>, answers: Answers, options: { library?: Library; toolVersion?: string; conflict?: ConflictMode; restore?: string[] } = {}): Run {
  const manifest = manifestOn(disk);
  const tree = generate(answers, {
    date: TEST_DATE, toolVersion: options.toolVersion ?? '0.1.0', ...(options.library ? { library: options.library } : {}),
    agentsMd: disk.get('AGENTS.md') ?? null, nestedAgentsMd: new Map([...disk].filter(([p]) => p.endsWith('/AGENTS.md'))), writtenBefore: Object.keys(manifest?.files ?? {}),
  });
  const basesText = disk.get(BASES_PATH);
  const bases = manifest && basesText !== undefined ? decodeBases(basesText, manifest.files) : null;
  const plan = planChanges(tree, new Map([...disk].map(([p, c]) => [p, c] as const)), manifest, { bases, restore: options.restore ?? [] });
  const decision = decideWrites(plan, resolveAll(plan, options.conflict ?? 'stop'));
  const next = new Map(disk);
  if (decision.unresolved.length === 0) {
    for (const w of decision.writes) next.set(w.path, w.content);
    for (const p of decision.removes) next.delete(p);
  }
  return { plan, decision, disk: next, kind: (path) => plan.changes.find((c) => c.path === path)?.kind };
}
