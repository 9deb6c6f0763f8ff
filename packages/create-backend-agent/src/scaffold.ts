/**
 * The scaffold without a front end: read the target, render the answers into the in-memory tree,
 * plan it against the disk, apply what may be written. `create` (flags and the wizard) and the plop
 * generators (generators/plopfile.ts) both go through these three steps, so a file is written the
 * same way, and a conflict refused the same way, whoever asked. Nothing here prints.
 */
import { basename } from 'node:path';
import {
  generate, resolveAnswers, planChanges, outputPaths, findAdrLog, readAdrLog, detectRepo, detectedAnswers,
  mergeLayers, decideWrites, restrictTree, toSlug, decodeBases, basesFromTree, BASES_PATH, readApiOperations, servicePaths, type AdrLog,
  type AnswerLayer, type Bases, type Answers, type ConflictChoices, type Detection, type DetectedAnswers, type Library, type Manifest, type Plain,
  type Plan, type RepoView, type Tree, type WriteDecision,
} from '@create-backend-agent/core';
import { diskRepoView } from './edge/repo-view.js';
import { checkTargetDir, readManifest, readTarget } from './edge/target.js';
import { writeFilesAtomically } from './edge/apply.js';
import { readAgentsMd } from './edge/agents-md.js';
import { libraryWithPacks, requestedPacks } from './edge/packs.js';
import { VERSION } from './version.js';
import { phase } from './profile.js';

/** What the target holds before anything is asked: its last run, what it shows, what that suggests. */
export interface Repo {
  dir: string;
  previous: Manifest | null;
  view: RepoView;
  detection: Detection;
  detected: DetectedAnswers;
  /** The folder name, the detected stack, the ADR log, the last run: below anything given. */
  suggested: AnswerLayer[];
  /** The built-in library with the team packs composed in (edge/packs.ts): detection knows their facets. */
  lib: Library;
}

/**
 * `given` (an answers file, --set) may name packs; they are read before detection, so that a pack's
 * facet aliases are detected like the library's own.
 */
export async function readRepo(dir: string, given: readonly AnswerLayer[] = []): Promise<Repo> {
  await checkTargetDir(dir);
  const previous = await readManifest(dir);
  const view = diskRepoView(dir);
  const lastRun = previous ? [{ source: 'the last run', values: previous.answers as unknown as Plain }] : [];
  const { lib } = await libraryWithPacks(dir, requestedPacks(dir, [...lastRun, ...given]));
  const detection = detectRepo(view, lib);
  const detected = detectedAnswers(detection);
  phase('read');
  return { dir, previous, view, detection, detected, suggested: suggestedLayers(dir, previous?.answers, view, detected), lib };
}

/** What the folder name suggests as the service name, when it is a valid one. */
function detectedLayer(dir: string): Plain {
  const name = toSlug(basename(dir));
  return name ? { service: { name } } : {};
}

/**
 * What the repository and the last run suggest: the folder name and the detected stack (above the
 * defaults), the ADR log, the last run's answers. The wizard shows these as defaults.
 */
export function suggestedLayers(dir: string, previous: Answers | undefined, view: RepoView, detected: DetectedAnswers = detectedAnswers(detectRepo(view))): AnswerLayer[] {
  const layers: AnswerLayer[] = [{ source: 'the repository (detected)', values: mergeLayers(detectedLayer(dir), detected.values) }];
  // An ADR log already in the repository is continued in its own folder.
  const adrLog = findAdrLog(view);
  if (adrLog) layers.push({ source: `the ADR log in ${adrLog.dir}/`, values: { outputs: { paths: { adrDir: adrLog.dir } } } });
  if (previous) layers.push({ source: 'the last run (.backend-agent/manifest.json)', values: previous as unknown as Plain });
  return layers;
}

export interface RenderOptions {
  /** --date; otherwise the last run's date, else today. */
  date?: string | undefined;
  /** Today's date, YYYY-MM-DD, read from the clock at the edge. */
  today: string;
  /** Only these outputs (a partial generator); every other file keeps its manifest record. */
  only?: (answers: Answers) => readonly string[];
  /** Generated files the user deleted that this run writes again (`--restore`). */
  restore?: readonly string[];
}

export interface Rendered {
  dir: string;
  answers: Answers;
  warnings: string[];
  date: string;
  tree: Tree;
  plan: Plan;
  /** The manifest on disk now. */
  manifest: Manifest | null;
}

export async function renderScaffold(repo: Repo, layers: readonly AnswerLayer[], options: RenderOptions): Promise<Rendered> {
  const { answers, warnings } = resolveAnswers(layers, repo.lib);
  phase('answers');
  const date = options.date ?? repo.previous?.date ?? options.today;
  const agentsMd = answers.outputs.formats.includes('agents-md') ? await readAgentsMd(repo.dir) : null;
  // The ADR log is continued: next number, same width; this tool's own records come from the manifest.
  const adrLog = readAdrLog(repo.view, outputPaths(answers).adrDir);
  // The load test sends the operations of the repository's API contracts (OpenAPI, .proto).
  const apiOperations = readApiOperations(repo.view);
  const around = await serviceFiles(repo, answers);
  const full = generate(answers, { date, toolVersion: VERSION, library: repo.lib, agentsMd, adrLog, apiOperations, ...around, writtenBefore: Object.keys(repo.previous?.files ?? {}), onPhase: phase });
  phase('render');
  const tree = options.only ? restrictTree(full, options.only(answers), repo.previous) : full;
  const state = await readTarget(repo.dir, tree);
  const bases = await lastBases(repo, state.manifest, state.disk.get(BASES_PATH) ?? null, agentsMd, warnings);
  const plan = planChanges(tree, state.disk, state.manifest, { bases, restore: options.restore ?? [] });
  phase('plan');
  return { dir: repo.dir, answers, warnings, date, tree, plan, manifest: state.manifest };
}

/**
 * What the last run wrote, for the three-way merge: the bases file, checked against the manifest's
 * hashes. Without it (a manifest older than bases, or the file deleted), the same tool version
 * renders the recorded answers again: same answers, same bytes, and the hashes prove it file by file.
 */
async function lastBases(repo: Repo, manifest: Manifest | null, text: string | null, agentsMd: string | null, warnings: string[]): Promise<Bases | null> {
  if (manifest === null) return null;
  const stored = text === null ? null : decodeBases(text, manifest.files);
  if (text !== null && stored === null) warnings.push(`${BASES_PATH} is damaged; edited files are merged without it (restore it from version control to merge them line by line).`);
  if (stored !== null || manifest.tool.version !== VERSION) return stored;
  try {
    const adrLog = readAdrLog(repo.view, outputPaths(manifest.answers).adrDir);
    // A contract changed since the last run changes the load test's base only: that file then has none.
    const again = generate(manifest.answers, { date: manifest.date, toolVersion: VERSION, library: repo.lib, agentsMd, adrLog, apiOperations: readApiOperations(repo.view), ...(await serviceFiles(repo, manifest.answers)), writtenBefore: Object.keys(manifest.files) });
    return basesFromTree(again, manifest.files);
  } catch {
    return null; // Answers this version cannot render any more: no bases, so edited files conflict as a whole.
  }
}

/** What each service folder already holds that generation continues: its ADR log, its AGENTS.md. */
async function serviceFiles(repo: Repo, answers: Answers): Promise<{ serviceAdrLogs: Map<string, AdrLog>; nestedAgentsMd: Map<string, string | null> }> {
  const serviceAdrLogs = new Map<string, AdrLog>();
  const nestedAgentsMd = new Map<string, string | null>();
  const withAgentsMd = answers.outputs.formats.includes('agents-md');
  for (const service of answers.services) {
    const paths = servicePaths(answers, service);
    const log = readAdrLog(repo.view, paths.adrDir);
    if (log) serviceAdrLogs.set(paths.adrDir, log);
    if (withAgentsMd) nestedAgentsMd.set(paths.agentsMd, await readAgentsMd(repo.dir, paths.agentsMd));
  }
  return { serviceAdrLogs, nestedAgentsMd };
}

/**
 * Decides from the plan and a choice per conflict (markers, mine or theirs; none: unresolved), and writes
 * unless it is a dry run or a conflict is unresolved: then nothing is written at all.
 */
export async function applyScaffold(rendered: Rendered, choices: ConflictChoices, options: { dryRun: boolean }): Promise<WriteDecision> {
  const decision = decideWrites(rendered.plan, choices);
  if (!options.dryRun && decision.unresolved.length === 0 && decision.writes.length > 0) {
    await writeFilesAtomically(rendered.dir, decision.writes, decision.removes);
  }
  phase('apply');
  return decision;
}
