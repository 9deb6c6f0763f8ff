/**
 * The question catalog as plop (inquirer 9) prompts, and plop's answers back as an answers layer.
 * Pure: the plopfiles decide whether a terminal is there and what the repository suggests.
 *
 * Plop's bypass (`plop backend-agent my-agent staff`, or `-- --agent.name my-agent`) refuses prompts
 * whose `when` is a function, so `when` is always a plain boolean here: a prompt is asked only in a
 * terminal, and only if the generator asks it at all (the rest are set by bypass or not at all).
 * Bypassed values arrive as strings under flat keys ("agent.name": "x"); answered prompts arrive typed,
 * and inquirer nests dotted names ({ agent: { name: "x" } }). Both are read the way `--set` reads a
 * value, so a plop answer means what the same `--set` means.
 */
import { getPath, parseSetFlag, setPath, type Plain, type Question } from '@create-backend-agent/core';

export interface PlopChoice {
  name: string;
  value: string;
}

/** The subset of an inquirer 9 question the generators use. */
export interface PlopPrompt {
  type: 'input' | 'number' | 'list' | 'checkbox' | 'confirm';
  name: string;
  message: string;
  choices?: PlopChoice[];
  /** A value, or a function inquirer calls (and awaits) only when it asks the question. */
  default?: unknown;
  when: boolean;
  validate: (value: unknown) => true | string;
  filter: (value: unknown) => unknown;
}

export interface PromptOptions {
  /** Asked in a terminal (when false, only bypass sets it). */
  asked: boolean;
  /** The value suggested for the question (detected, last run, default), computed when it is asked. */
  suggest?: (id: string) => Promise<unknown>;
}

/** Lists a plop user types as one comma-separated line. */
const typedAsList = (q: Question) => q.kind === 'list' || (q.kind === 'multiselect' && q.openChoices === true);

export function promptType(q: Question): PlopPrompt['type'] {
  switch (q.kind) {
    case 'number':
      return 'number';
    case 'confirm':
      return 'confirm';
    case 'select':
      return q.openChoices ? 'input' : 'list';
    case 'multiselect':
      return q.openChoices ? 'input' : 'checkbox';
    default:
      return 'input';
  }
}

/**
 * An answer as plop hands it over, read as the answers schema wants it: strings the way `--set`
 * reads them (numbers, yes/no, comma-separated lists), typed values as they are.
 */
export function answerValue(q: Question, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  if (q.kind === 'text' || q.kind === 'select') return raw.trim();
  try {
    return getPath(parseSetFlag(`${q.id}=${raw}`), q.id);
  } catch (error) {
    // parseSetFlag speaks of --set; here the value came from a prompt or a bypass argument.
    throw new Error((error as Error).message.replace(/^--set /, ''));
  }
}

function check(q: Question, raw: unknown): true | string {
  let value: unknown;
  try {
    value = answerValue(q, raw);
  } catch (error) {
    return (error as Error).message;
  }
  const verdict = q.validate(value);
  return verdict === true ? true : `${q.id}: ${verdict}`;
}

/** The suggestion in the prompt's own shape: one line for typed lists. */
function shown(q: Question, value: unknown): unknown {
  if (typedAsList(q)) return Array.isArray(value) ? value.join(', ') : value;
  return value;
}

export function promptFor(q: Question, options: PromptOptions): PlopPrompt {
  const type = promptType(q);
  const suggest = options.suggest;
  const prompt: PlopPrompt = {
    type,
    name: q.id,
    message: typedAsList(q) && !/comma-separated/.test(q.message) ? `${q.message} (comma-separated)` : q.message,
    when: options.asked,
    validate: (value) => check(q, value),
    filter: (value) => {
      try {
        return answerValue(q, value);
      } catch {
        return value; // validate reports it
      }
    },
  };
  if (type === 'list' || type === 'checkbox') prompt.choices = (q.choices ?? []).map((c) => ({ name: c.name, value: c.value }));
  if (suggest) prompt.default = async () => shown(q, await suggest(q.id));
  return prompt;
}

/** The answers plop collected (bypassed or asked), for the questions given, as a layer of answers. */
export function layerFromAnswers(answers: Readonly<Record<string, unknown>>, questions: readonly Question[]): Plain {
  let values: Plain = {};
  for (const q of questions) {
    const raw = Object.hasOwn(answers, q.id) ? answers[q.id] : getPath(answers as Plain, q.id);
    if (raw === undefined) continue;
    values = setPath(values, q.id, answerValue(q, raw));
  }
  return values;
}
