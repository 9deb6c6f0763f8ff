/**
 * The plop generators of create-backend-agent, for plop and `turbo gen` users: `backend-agent` (the
 * whole scaffold), `runbook`, `test-strategy` and `adr`. Bundled as dist/plopfile.js, the package's
 * main (a second entry point of the CLI's build, sharing its chunks), so a plopfile loads them with
 * `plop.load('create-backend-agent')`.
 *
 * Prompts come from the question catalog (prompts.ts); `adr`'s are `add adr`'s options. The actions
 * never write on their own: they are custom action types that run the CLI's own steps (scaffold.ts,
 * new-adr.ts): render into the in-memory tree, plan it against the disk, apply. A file the user
 * edited merges with the new rendering as in the CLI; overlapping edits fail the action (plop exits 1)
 * unless plop's --force (the new version) or BACKEND_AGENT_CONFLICT=markers|mine|theirs says how they end.
 *
 * Without a terminal (CI, a coding agent, `turbo gen --args`) nothing is asked: what bypass
 * arguments do not give comes from the repository, the last run and the defaults, as with `--yes`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  catalog, findQuestion, getPath, library, outputPaths, resolveAll, resolveAnswers, summarize, CONFLICT_MODES,
  type ConflictMode,
  type AnswerLayer, type Answers, type Plain, type Question,
} from '@create-backend-agent/core';
import type { NodePlopAPI } from 'plop';
import { applyScaffold, readRepo, renderScaffold, type Repo } from '../packages/create-backend-agent/src/scaffold.js';
import { applyAdr, checkAdrDate, prepareAdr } from '../packages/create-backend-agent/src/new-adr.js';
import { ADR_OPTIONS, ADR_TITLE, type AdrField } from '../packages/create-backend-agent/src/adr-options.js';
import { detectAutomation } from '../packages/create-backend-agent/src/edge/automation.js';
import { withTarget } from '../packages/create-backend-agent/src/edge/guard.js';
import { planLines } from '../packages/create-backend-agent/src/report.js';
import { layerFromAnswers, promptFor, type PlopPrompt } from './prompts.js';

/** Fixes the date the docs carry when a runner passes no named arguments (`turbo gen --args`). */
export const DATE_VARIABLE = 'BACKEND_AGENT_DATE';

/** How overlapping edits end in a generator run (plop has no option of ours): stop, markers, mine or theirs. */
export const CONFLICT_VARIABLE = 'BACKEND_AGENT_CONFLICT';

function conflictMode(force: boolean): ConflictMode {
  const given = process.env[CONFLICT_VARIABLE]?.trim().toLowerCase();
  if (given === undefined || given === '') return force ? 'theirs' : 'stop';
  const mode = CONFLICT_MODES.find((m) => m === given);
  if (mode === undefined) throw new Error(`${CONFLICT_VARIABLE}=${given}: not a mode. Use one of ${CONFLICT_MODES.join(', ')}.`);
  return mode;
}

/** Answers as plop hands them to an action: bypassed ones under flat dotted keys, asked ones nested. */
type PlopAnswers = Record<string, unknown>;

/** The local date, as the CLI's entry point reads it (cli.ts imports this module, so it is not imported back). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * plop's --force. node-plop gives it to the actions of the plopfile plop itself ran, but not to
 * those of a plopfile loaded with plop.load() (its runner is built without it), so plop's own
 * arguments (those before "--") are read too.
 */
function forceRequested(config: { force?: boolean }): boolean {
  if (config.force === true) return true;
  const args = process.argv.slice(2);
  const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return own.includes('--force') || own.includes('-f');
}

/** A date given as the `date` prompt, else by the environment variable, else none (the last run's, else today). */
function givenDate(answers: PlopAnswers): string | undefined {
  const value = typeof answers.date === 'string' && answers.date.trim() !== '' ? answers.date.trim() : process.env[DATE_VARIABLE]?.trim();
  return value === '' ? undefined : value;
}

const DATE_PROMPT: PlopPrompt = {
  type: 'input',
  name: 'date',
  message: "The date the docs carry, YYYY-MM-DD (default: the last run's date, else today)",
  // Never asked: the default is nearly always right; `-- --date` or BACKEND_AGENT_DATE set it.
  when: false,
  validate: (value) => (value === undefined || value === '' || /^\d{4}-\d{2}-\d{2}$/.test(String(value).trim()) ? true : `date: "${String(value)}" is not YYYY-MM-DD.`),
  filter: (value) => (typeof value === 'string' ? value.trim() : value),
};

interface Scaffold {
  /** The catalog questions the generator prompts for, in bypass order. */
  questions: readonly Question[];
  /** Of those, the ones asked in a terminal. */
  asked: (q: Question) => boolean;
  /** What the generator always sets, above the answers (a partial generator turns its document on). */
  fixed?: Plain;
  only?: (answers: Answers) => readonly string[];
}

const byId = (ids: readonly string[]): Question[] => ids.map((id) => {
  const q = findQuestion(id);
  if (!q) throw new Error(`generators: no question "${id}" in the catalog`);
  return q;
});

/**
 * `backend-agent`: the wizard's questions in the wizard's order (name and seniority first, so
 * `plop backend-agent my-agent staff` reads naturally), then the answers only flags set, in catalog order.
 */
// The wizard's optional operations step is one "keep these?" there; as a dozen plop prompts it
// would not be optional, so its answers come as arguments only, like the answers only flags set.
const wizardAsks = (q: Question) => q.step !== undefined && q.step !== 'operations';
const FULL: Scaffold = {
  questions: [...catalog.filter(wizardAsks), ...catalog.filter((q) => !wizardAsks(q))],
  asked: wizardAsks,
};

const RUNBOOK: Scaffold = {
  questions: byId(['service.name', 'service.team', 'service.tier', 'outputs.paths.runbookDir']),
  asked: () => true,
  fixed: { outputs: { docs: { runbook: true } } },
  only: (answers) => [outputPaths(answers).runbook, ...(answers.outputs.docs.alertRules ? [outputPaths(answers).alertRules] : [])],
};

const TEST_STRATEGY: Scaffold = {
  questions: byId(['outputs.paths.testStrategy', 'targets.coverage', 'targets.p99LatencyMs', 'targets.throughputRps']),
  asked: () => true,
  fixed: { outputs: { docs: { testStrategy: true } } },
  only: (answers) => [outputPaths(answers).testStrategy, outputPaths(answers).loadTest],
};

/** The result line plop prints after ✔: the plan, as the CLI prints it, and any warnings. */
function resultText(dir: string, lines: readonly string[], counts: string, warnings: readonly string[]): string {
  return [`${dir}: ${counts || 'nothing to write'}`, ...lines, ...warnings.map((w) => `  warning ${w}`)].join('\n');
}

/**
 * plop writes into the plopfile's own folder unless told otherwise: run with --plopfile pointing
 * into this package and no --dest, that is node_modules/create-backend-agent/dist. Refused.
 */
function target(dest: string): string {
  const dir = resolve(dest);
  if (dir === dirname(fileURLToPath(import.meta.url))) {
    throw new Error(`plop's destination is the generators' own folder (${dir}). Pass --dest with the repository, e.g. --dest .`);
  }
  return dir;
}

async function runScaffold(spec: Scaffold, answers: PlopAnswers, config: { force?: boolean }, dest: string): Promise<string> {
  const dir = target(dest);
  return withTarget(dir, { write: true, command: "plop (create-backend-agent generators)" }, () => scaffoldIn(dir, spec, answers, config));
}

async function scaffoldIn(dir: string, spec: Scaffold, answers: PlopAnswers, config: { force?: boolean }): Promise<string> {
  const repo = await readRepo(dir);
  const layers: AnswerLayer[] = [...repo.suggested, { source: 'the plop answers', values: layerFromAnswers(answers, spec.questions) }];
  if (spec.fixed) layers.push({ source: 'the generator', values: spec.fixed });
  const rendered = await renderScaffold(repo, layers, { date: givenDate(answers), today: today(), ...(spec.only ? { only: spec.only } : {}) });
  // The CLI's merge: the user's edits and the new rendering both kept; only overlapping hunks need a say.
  const mode = conflictMode(forceRequested(config));
  const decision = await applyScaffold(rendered, resolveAll(rendered.plan, mode), { dryRun: false });
  if (decision.unresolved.length > 0) {
    const n = decision.unresolved.length;
    const files = decision.unresolved.map((c) => `${c.path} (${c.reason === 'markers' ? 'still holds conflict markers: resolve them first' : c.reason === 'edited' ? 'you and the new version changed the same lines' : 'not written by this tool'})`).join(', ');
    throw new Error(`${n} ${n === 1 ? 'file has' : 'files have'} conflicting changes, so nothing was written: ${files}. Re-run with ${CONFLICT_VARIABLE}=markers|mine|theirs (or --force for theirs).`);
  }
  const counts = summarize(rendered.plan);
  const done = [
    counts.create && `${counts.create} created`, counts.update && `${counts.update} updated`, counts.merged && `${counts.merged} merged with your edits`,
    counts.moved && `${counts.moved} moved`, counts.conflict && `${counts.conflict} conflicts resolved (${mode})`, counts.unchanged && `${counts.unchanged} unchanged`,
  ].filter(Boolean).join(', ');
  if (decision.markers.length > 0) throw new Error(`Conflict markers written in ${decision.markers.join(', ')}: edit each <<<<<<< yours … >>>>>>> place, then run again.`);
  return resultText(dir, planLines(rendered.plan), decision.writes.length === 0 ? 'everything is up to date' : done, rendered.warnings);
}

/** The suggestion for each question: the answers the target resolves to with nothing given. */
function suggester(dest: () => string): (id: string) => Promise<unknown> {
  let suggested: Promise<Answers> | undefined;
  return async (id) => {
    suggested ??= readRepo(resolve(dest())).then((repo: Repo) => resolveAnswers(repo.suggested, library).answers);
    return getPath(await suggested, id);
  };
}

/** `add adr`'s options as prompts: the same fields the CLI parses and documents. */
function adrPrompt(name: string, field: AdrField, interactive: boolean): PlopPrompt {
  const list = field.multiple === true;
  const choices = field.choices;
  return {
    type: choices ? 'list' : 'input',
    name,
    message: field.message,
    when: interactive && field.asked,
    ...(choices ? { choices: choices.map((c) => ({ name: c, value: c })) } : {}),
    ...(field.default !== undefined ? { default: field.default } : {}),
    validate: (value) => {
      if (name === 'title' && (typeof value !== 'string' || value.trim() === '')) return 'title: give the decision a title.';
      if (choices && value !== undefined && !choices.includes(String(value).trim().toLowerCase())) return `${name}: one of ${choices.join(', ')}.`;
      return true;
    },
    filter: (value) => (list && typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s !== '') : typeof value === 'string' ? value.trim() : value),
  };
}

async function runAdr(answers: PlopAnswers, dest: string): Promise<string> {
  const title = typeof answers.title === 'string' ? answers.title.trim() : '';
  // Never asked without a terminal: without a title there is nothing to write.
  if (title === '') throw new Error('No title given. Pass it first: plop adr "Use NATS for internal events" (or -- --title "…").');
  const supersedes = Array.isArray(answers.supersedes) ? answers.supersedes.map(String) : typeof answers.supersedes === 'string' ? answers.supersedes.split(',').map((s) => s.trim()).filter(Boolean) : [];
  const date = checkAdrDate(givenDate(answers) ?? today());
  const dir = target(dest);
  const prepared = await withTarget(dir, { write: true, command: 'plop adr' }, async () => {
    const next = await prepareAdr(dir, { title, status: typeof answers.status === 'string' ? answers.status : ADR_OPTIONS.status.default, date, supersedes });
    await applyAdr(next);
    return next;
  });
  const superseded = prepared.changes.length > 1 ? ` It supersedes ${prepared.changes.slice(1).map((c) => c.path).join(', ')}.` : '';
  return `${prepared.adr.path} (${prepared.adr.status}).${superseded} Fill in its Context, Decision and Consequences.\n${planLines({ changes: prepared.changes }).join('\n')}`;
}

export default function backendAgentGenerators(plop: NodePlopAPI): void {
  // Asked only with someone to answer: a terminal on both ends, and no CI or coding agent.
  const interactive = Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY) && detectAutomation(process.env) === null;
  const suggest = suggester(() => plop.getDestBasePath());

  const SCAFFOLDS = { 'backend-agent': FULL, runbook: RUNBOOK, 'test-strategy': TEST_STRATEGY } as const;
  type ScaffoldConfig = { type: 'backend-agent'; generator: keyof typeof SCAFFOLDS; force?: boolean };
  plop.setActionType('backend-agent', (answers, config, api) =>
    runScaffold(SCAFFOLDS[(config as unknown as ScaffoldConfig).generator], answers, config, api.getDestBasePath()));
  plop.setActionType('backend-agent-adr', (answers, _config, api) => runAdr(answers, api.getDestBasePath()));

  const describe: Record<keyof typeof SCAFFOLDS, string> = {
    'backend-agent': 'the backend staff engineer agent and its ADRs, runbook and test strategy',
    runbook: "the service's on-call runbook, tailored to the stack",
    'test-strategy': 'the test strategy, with the stack\'s tools and gates',
  };
  for (const [name, spec] of Object.entries(SCAFFOLDS) as Array<[keyof typeof SCAFFOLDS, Scaffold]>) {
    plop.setGenerator(name, {
      description: describe[name],
      prompts: [...spec.questions.map((q) => promptFor(q, { asked: interactive && spec.asked(q), suggest })), DATE_PROMPT] as never,
      actions: [{ type: 'backend-agent', generator: name } as ScaffoldConfig],
    });
  }
  plop.setGenerator('adr', {
    description: 'the next Architecture Decision Record of the repository\'s log',
    prompts: [adrPrompt('title', ADR_TITLE, interactive), ...Object.entries(ADR_OPTIONS).map(([name, field]) => adrPrompt(name, field as AdrField, interactive))] as never,
    actions: [{ type: 'backend-agent-adr' }],
  });
}
