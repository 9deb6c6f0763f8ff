/**
 * The wizard's questions, driven by the question catalog: each step asks the catalog's questions for
 * it, in catalog order. For every question, an answer given on the command line (preset, answers
 * file, --set) wins and is not asked; otherwise the default shown is what the repository or the last
 * run suggests (with the evidence), else the catalog default. Validation is the catalog's, shown at
 * the prompt.
 */
import {
  STACK_KINDS, WIZARD_STEPS, catalog, evaluateCondition, getPath, library as builtInLibrary, resolveAnswers, setPath,
  type AnswerLayer, type Answers, type Choice, type DetectedAnswers, type Library, type Plain, type Question, type WizardStepInfo,
} from '@create-backend-agent/core';
import { pc, type Output } from '../report.js';
import type { Prompter } from './prompter.js';
import { askServices } from './services.js';

export interface AskContext {
  /** What the repository and the last run suggest: shown as defaults. */
  suggested: readonly AnswerLayer[];
  /** What the command line gave (preset, answers file, --set): never asked. */
  given: readonly AnswerLayer[];
  /** Why detected values are suggested, by answer path then value. */
  evidence: DetectedAnswers['evidence'];
  /** The last run's answers, when the target has a manifest. */
  lastRun?: Plain;
  lib?: Library;
}

export const WIZARD_SOURCE = 'the wizard';

const KEEP: Record<string, string> = {
  stack: 'Keep this stack?',
  targets: 'Keep these targets?',
  collaboration: 'Keep these collaborators?',
  outputs: 'Keep these outputs?',
  operations: 'Keep these operations details (an empty one stays a placeholder in the docs)?',
};

export async function askAnswers(prompter: Prompter, context: AskContext, output: Output): Promise<AnswerLayer> {
  const lib = context.lib ?? builtInLibrary;
  let values: Plain = {};
  const current = (): Answers => resolveAnswers([...context.suggested, ...context.given, { source: WIZARD_SOURCE, values }], lib).answers;
  const given = (q: Question) => context.given.some((layer) => getPath(layer.values, q.id) !== undefined);

  const askStep = async (step: WizardStepInfo, summarised: boolean): Promise<void> => {
    const questions = catalog.filter((q) => q.step === step.id && !given(q));
    output.out(`\n${pc.cyan('◆')} ${pc.bold(step.title)}`);
    // Defaults come from the answers as the step starts, so changing one stack list does not empty
    // the others (one stack answer makes the unanswered ones empty, see resolveAnswers).
    const start = current();
    if (step.id === 'services') {
      const services = await askServices(prompter, start, lib, output, summarised);
      if (services) values = setPath(values, 'services', services);
      return;
    }
    if (summarised) {
      const shown = questions.filter((q) => evaluateCondition(q.askWhen, start));
      // Nothing of it applies (no runbook for the operations step): nothing to keep or change.
      if (shown.length === 0) return;
      for (const line of summaryLines(shown, start, context, lib)) output.out(line);
      if (await prompter.confirm({ message: KEEP[step.id] ?? 'Keep these answers?', default: true })) return;
      for (const q of shown) values = setPath(values, q.id, getPath(start, q.id));
    }
    for (const q of questions) {
      const now = current();
      if (!evaluateCondition(q.askWhen, now)) continue;
      values = setPath(values, q.id, await askOne(prompter, q, getPath(start, q.id), context, now));
    }
  };

  // A step whose questions do not apply to these answers (services in a one-service repository) is not offered.
  const steps = WIZARD_STEPS.filter((step) => catalog.some((q) => q.step === step.id && !given(q) && evaluateCondition(q.askWhen, current())));
  for (const step of steps) await askStep(step, step.summarised);
  // Going back: any step can be asked again, in full, with what was answered as its defaults.
  for (;;) {
    const next = await prompter.select({
      message: 'Review the files to write, or change a step?',
      choices: [{ value: 'review', name: 'Review the files' }, ...steps.map((step) => ({ value: step.id, name: `Change: ${step.title}` }))],
      default: 'review',
    });
    if (next === 'review') break;
    await askStep(steps.find((step) => step.id === next)!, false);
  }
  return { source: WIZARD_SOURCE, values };
}

/** One question, by its kind, with the catalog's validation and the suggestion's evidence. */
export async function askOne(prompter: Prompter, q: Question, value: unknown, context: AskContext, answers?: Answers): Promise<unknown> {
  const note = origin(q.id, value, context);
  const message = q.message;
  switch (q.kind) {
    case 'text':
      return prompter.text({ message, note, default: typeof value === 'string' ? value : '', validate: (s) => q.validate(s.trim()) }).then((s) => s.trim());
    case 'number':
      return prompter.number({ message, note, default: typeof value === 'number' ? value : undefined, validate: (n) => q.validate(n) });
    case 'select':
      return prompter.select({ message, note, choices: q.choices ?? [], default: typeof value === 'string' ? value : undefined });
    case 'confirm':
      return prompter.confirm({ message, note, default: Boolean(value) });
    case 'json': {
      const answer = await prompter.text({ message, note, default: JSON.stringify(value ?? []), validate: (s) => { try { return q.validate(JSON.parse(s)); } catch { return 'Enter JSON, e.g. []'; } } });
      return JSON.parse(answer) as unknown;
    }
    case 'list': {
      const list = Array.isArray(value) ? value.map(String) : [];
      const answer = await prompter.text({ message, note, default: list.join(', '), validate: (s) => q.validate(splitList(s)) });
      return splitList(answer);
    }
    case 'multiselect': {
      const selected = Array.isArray(value) ? value.map(String) : [];
      const known = q.choices ?? [];
      // Values outside the choices (an MCP tool, say) stay visible and selected.
      const extra: Array<Choice & { fits?: boolean }> = selected.filter((v) => !known.some((c) => c.value === v)).map((v) => ({ value: v, name: v }));
      const ranked: Array<Choice & { fits?: boolean }> = answers && q.group === 'stack' ? rankChoices(known, answers, context.lib ?? builtInLibrary) : [...known];
      const choices = [...ranked, ...extra].map((c) => {
        const why = evidenceFor(q.id, c.value, context);
        // A default that no longer fits (Fastify after switching the language to Go) is not pre-checked.
        const checked = selected.includes(c.value) && (c.fits !== false || why !== undefined);
        return { value: c.value, name: c.name, ...(c.name === c.value ? {} : { short: c.value }), checked, ...(why ? { description: why } : {}) };
      });
      // Answers keep the catalog's order whatever order the choices were shown in.
      const order = (v: string) => (known.findIndex((c) => c.value === v) + known.length + 1) % (known.length + 1);
      const picked = await prompter.checkbox({ message, note, choices, validate: (list) => q.validate(list) });
      return [...picked].sort((a, b) => order(a) - order(b));
    }
  }
}

/**
 * Technology choices that fit the answers so far come first: those whose requirements (a
 * framework's language, a broker's cloud) are chosen, then those that need nothing, then the ones
 * that need something not chosen, named with what they need (Django for a Go service reads
 * "Django (needs Python)").
 */
export function rankChoices(choices: readonly Choice[], answers: Answers, lib: Library): Array<Choice & { fits: boolean }> {
  const chosen = new Set(STACK_KINDS.flatMap(([path]) => (getPath(answers, path) as string[] | undefined) ?? []));
  const ranked = choices.map((choice, index) => {
    const facet = lib.facets.find((f) => f.id === choice.value);
    // What it runs on (a language, a cloud, a datastore); the API style a web framework implies is a
    // default it brings, not a requirement.
    const needs = (facet?.implies ?? []).map((id) => lib.facets.find((f) => f.id === id)).filter((f): f is NonNullable<typeof f> => f !== undefined && f.kind !== 'api');
    const missing = needs.filter((f) => !chosen.has(f.id));
    const rank = needs.length > 0 && missing.length === 0 ? 0 : missing.length === 0 ? 1 : 2;
    const name = missing.length > 0 ? `${choice.name} (needs ${missing.map((f) => f.name).join(', ')})` : choice.name;
    return { choice: { value: choice.value, name, fits: missing.length === 0 }, rank, index };
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.choice);
}

export const splitList = (text: string): string[] => text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

/** Where a suggested value comes from, in a few words: the last run, or the file that said so. */
function origin(id: string, value: unknown, context: AskContext): string | undefined {
  if (context.lastRun && getPath(context.lastRun, id) !== undefined) return 'as in the last run';
  const values = Array.isArray(value) ? value.map(String) : [String(value)];
  const found = values.map((v) => context.evidence[id]?.[v]).filter((e) => e && e.length > 0);
  if (found.length === 0) return undefined;
  const first = found[0]![0]!;
  const more = found.reduce((n, list) => n + list!.length, 0) - 1;
  return `detected: ${first.file}: ${first.detail}${more > 0 ? `, +${more} more` : ''}`;
}

function evidenceFor(id: string, value: string, context: AskContext): string | undefined {
  const list = context.evidence[id]?.[value];
  if (!list || list.length === 0) return undefined;
  return `Detected: ${list.slice(0, 3).map((e) => `${e.file} (${e.detail})`).join('; ')}${list.length > 3 ? `; +${list.length - 3} more` : ''}`;
}

/** A summarised step: one aligned row per answer, its value and where it comes from. */
function summaryLines(questions: readonly Question[], answers: Answers, context: AskContext, lib: Library): string[] {
  const rows = questions.map((q) => {
    const value = getPath(answers, q.id);
    // Said outright, so that a default stack in an empty folder never reads like a detection.
    return { label: q.label ?? q.message, value: display(q, value, lib), note: origin(q.id, value, context) ?? (isDefault(q, value) ? 'default' : '') };
  });
  const labelW = Math.max(...rows.map((r) => r.label.length));
  const valueW = Math.min(36, Math.max(...rows.map((r) => r.value.length)));
  return rows.map((r) => `  ${r.label.padEnd(labelW)}  ${r.value.padEnd(valueW)}  ${pc.dim(r.note)}`.trimEnd());
}

function isDefault(q: Question, value: unknown): boolean {
  return JSON.stringify(value) === JSON.stringify(q.default);
}

export function display(q: Question, value: unknown, lib: Library): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return q.id === 'focus' ? 'none first (library order)' : '–';
    return value.map((v) => q.choices?.find((c) => c.value === v)?.name ?? lib.facets.find((f) => f.id === v)?.name ?? String(v)).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value === undefined || value === '' ? '–' : String(value);
}

