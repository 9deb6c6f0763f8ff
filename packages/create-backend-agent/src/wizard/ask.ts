/**
 * The wizard's questions, driven by the question catalog: each step asks the catalog's questions for
 * it, in catalog order. For every question, an answer given on the command line (preset, answers
 * file, --set) wins and is not asked; otherwise the default shown is what the repository or the last
 * run suggests (with the evidence), else the catalog default. Validation is the catalog's, shown at
 * the prompt.
 */
import {
  WIZARD_STEPS, catalog, evaluateCondition, getPath, library as builtInLibrary, resolveAnswers, setPath,
  type AnswerLayer, type Answers, type DetectedAnswers, type Library, type Plain, type Question,
} from '@create-backend-agent/core';
import { pc, type Output } from '../report.js';
import type { Prompter } from './prompter.js';

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
};

export async function askAnswers(prompter: Prompter, context: AskContext, output: Output): Promise<AnswerLayer> {
  const lib = context.lib ?? builtInLibrary;
  let values: Plain = {};
  const current = (): Answers => resolveAnswers([...context.suggested, ...context.given, { source: WIZARD_SOURCE, values }], lib).answers;
  const given = (q: Question) => context.given.some((layer) => getPath(layer.values, q.id) !== undefined);

  for (const step of WIZARD_STEPS) {
    const questions = catalog.filter((q) => q.step === step.id && !given(q));
    if (questions.length === 0) continue;
    output.out(`\n${pc.cyan('◆')} ${pc.bold(step.title)}`);
    // Defaults come from the answers as the step starts, so changing one stack list does not empty
    // the others (one stack answer makes the unanswered ones empty, see resolveAnswers).
    const start = current();
    if (step.summarised) {
      const shown = questions.filter((q) => evaluateCondition(q.askWhen, start));
      for (const line of summaryLines(shown, start, context, lib)) output.out(line);
      if (await prompter.confirm({ message: KEEP[step.id] ?? 'Keep these answers?', default: true })) continue;
      for (const q of shown) values = setPath(values, q.id, getPath(start, q.id));
    }
    for (const q of questions) {
      if (!evaluateCondition(q.askWhen, current())) continue;
      values = setPath(values, q.id, await askOne(prompter, q, getPath(start, q.id), context));
    }
  }
  return { source: WIZARD_SOURCE, values };
}

/** One question, by its kind, with the catalog's validation and the suggestion's evidence. */
export async function askOne(prompter: Prompter, q: Question, value: unknown, context: AskContext): Promise<unknown> {
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
    case 'list': {
      const list = Array.isArray(value) ? value.map(String) : [];
      const answer = await prompter.text({ message, note, default: list.join(', '), validate: (s) => q.validate(splitList(s)) });
      return splitList(answer);
    }
    case 'multiselect': {
      const selected = Array.isArray(value) ? value.map(String) : [];
      const known = q.choices ?? [];
      // Values outside the choices (an MCP tool, say) stay visible and selected.
      const extra = selected.filter((v) => !known.some((c) => c.value === v)).map((v) => ({ value: v, name: v }));
      const choices = [...known, ...extra].map((c) => {
        const why = evidenceFor(q.id, c.value, context);
        return { value: c.value, name: c.name, checked: selected.includes(c.value), ...(why ? { description: why } : {}) };
      });
      return prompter.checkbox({ message, note, choices, validate: (list) => q.validate(list) });
    }
  }
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
    return { label: q.label ?? q.message, value: display(q, value, lib), note: origin(q.id, value, context) ?? '' };
  });
  const labelW = Math.max(...rows.map((r) => r.label.length));
  const valueW = Math.min(36, Math.max(...rows.map((r) => r.value.length)));
  return rows.map((r) => `  ${r.label.padEnd(labelW)}  ${r.value.padEnd(valueW)}  ${pc.dim(r.note)}`.trimEnd());
}

export function display(q: Question, value: unknown, lib: Library): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return q.id === 'focus' ? 'all that apply' : '–';
    return value.map((v) => q.choices?.find((c) => c.value === v)?.name ?? lib.facets.find((f) => f.id === v)?.name ?? String(v)).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value === undefined || value === '' ? '–' : String(value);
}

