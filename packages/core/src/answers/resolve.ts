/**
 * Answers resolution: layers (defaults < detected < preset < answers file < flags) merged,
 * normalised (aliases, retired tool names) and validated into one Answers value.
 */
import { AnswersSchema, RETIRED_TOOLS, type Answers } from './schema.js';
import { mergeLayers, getPath, isPlainObject, setPath, type Plain } from './paths.js';
import { didYouMean } from '../closest.js';
import { InputError, InternalError } from '../errors.js';
import { catalog, findQuestion } from '../catalog.js';
import { findFacet, facetsOfKind, type Library } from '../library/index.js';
import type { FacetKind } from '../library/schema.js';

export interface AnswerLayer {
  /** Where the values came from, for error messages: "preset go-kafka-aws", "answers.yaml", "--set". */
  source: string;
  values: Plain;
}

export interface ResolvedAnswers {
  answers: Answers;
  warnings: string[];
}

/** Stack answers and the facet kind each holds. */
export const STACK_KINDS: ReadonlyArray<readonly [string, FacetKind]> = [
  ['stack.languages', 'language'],
  ['stack.frameworks', 'framework'],
  ['stack.datastores', 'datastore'],
  ['stack.messaging', 'messaging'],
  ['stack.cloud', 'cloud'],
  ['stack.infrastructure', 'infrastructure'],
  ['stack.apiStyles', 'api'],
  ['compliance', 'compliance'],
];

export function resolveAnswers(layers: readonly AnswerLayer[], lib: Library): ResolvedAnswers {
  for (const layer of layers) {
    if (!isPlainObject(layer.values)) throw new InputError(`${layer.source} must hold an object of answers.`);
  }
  const warnings: string[] = [];
  const services = layeredServices(layers);
  const withServices = (values: Plain) => (services === undefined ? values : { ...values, services });
  const merged = withoutDefaultStack(normaliseTools(withServices(mergeLayers(...layers.map((l) => withoutKey(l.values, 'services')))), warnings));

  const problems = [...schemaProblems(merged, layers), ...stackProblems(merged, lib, layers)];
  if (problems.length > 0) throw answersError(problems);
  const result = AnswersSchema.safeParse(merged);
  if (!result.success) throw new InternalError(`Answers failed validation without a reported problem: ${result.error.message}`);
  // After parsing, so that defaults are checked against the library too.
  const normalised = normaliseStack(result.data as unknown as Plain, lib);
  return { answers: withServiceStacks(addImplied(normalised, lib, warnings), lib) as unknown as Answers, warnings };
}

const withoutKey = (values: Plain, key: string): Plain => {
  if (!(key in values)) return values;
  const { [key]: _dropped, ...rest } = values;
  return rest;
};

/**
 * The services list through the layers, later winning: a list replaces the one below (as every list
 * answer does); a list of names keeps those services of the list below, in that order (`--set
 * services=orders,payments`); an object of services by name edits them in the list below, adding a
 * service not in it (`--set services.orders.team=payments-team`).
 */
function layeredServices(layers: readonly AnswerLayer[]): unknown {
  let list: unknown;
  for (const layer of layers) {
    const value = layer.values.services;
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
      const below = Array.isArray(list) ? list.filter(isPlainObject) : [];
      const unknown = value.filter((name) => !below.some((s) => s.name === name));
      if (unknown.length > 0) {
        throw new InputError(
          `services (from ${layer.source}) names ${unknown.map((n) => JSON.stringify(n)).join(', ')}, not among the services: ${below.map((s) => String(s.name)).join(', ') || 'none'}.`,
          'A list of names keeps those services; add a service with --set services.<name>.path=<folder>.',
        );
      }
      list = value.map((name) => below.find((s) => s.name === name));
    } else if (isPlainObject(value)) {
      const next = Array.isArray(list) ? [...list] : [];
      for (const [name, patch] of Object.entries(value)) {
        if (!isPlainObject(patch)) throw new InputError(`services.${name} (from ${layer.source}) must be an object of answers (path, package, team, stack, targets).`);
        const at = next.findIndex((s) => isPlainObject(s) && s.name === name);
        if (at >= 0) next[at] = mergeLayers(next[at] as Plain, patch);
        else next.push({ name, ...patch });
      }
      list = next;
    } else {
      list = value;
    }
  }
  return list;
}

/**
 * Each service's stack in facet ids with what it implies (Gin adds Go), and the repository's stack
 * holding every service's: the agent and the skills serve the whole repository.
 */
function withServiceStacks(answers: Plain, lib: Library): Plain {
  const services = answers.services as Plain[] | undefined;
  if (!services || services.length === 0) return answers;
  let out = answers;
  const normalised = services.map((service) => {
    const own = addImplied(normaliseStack({ stack: service.stack } as Plain, lib), lib, [], { onlyStack: true });
    return { ...service, stack: own.stack };
  });
  for (const service of normalised) {
    for (const [path] of STACK_KINDS.filter(([p]) => p.startsWith('stack.'))) {
      const ids = (getPath(service, path) as string[] | undefined) ?? [];
      const root = (getPath(out, path) as string[] | undefined) ?? [];
      const missing = ids.filter((id) => !root.includes(id));
      if (missing.length > 0) out = setPath(out, path, [...root, ...missing]);
    }
  }
  return { ...out, services: normalised };
}

/**
 * Every invalid answer at once, one line each (what, where it came from, the fix), so an answers
 * file with four mistakes takes one run to fix, not four.
 */
function answersError(problems: readonly string[]): InputError {
  if (problems.length === 1) return new InputError(problems[0]!);
  return new InputError(`${problems.length} invalid answers:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

/** Names the layer a key came from (the last one that sets it wins, so it is the one to fix). */
function origin(key: string, layers: readonly AnswerLayer[]): string {
  for (let i = layers.length - 1; i >= 0; i--) {
    if (getPath(layers[i]!.values, key) !== undefined) return ` (from ${layers[i]!.source})`;
  }
  return '';
}

function schemaProblems(merged: Plain, layers: readonly AnswerLayer[]): string[] {
  const result = AnswersSchema.safeParse(merged);
  if (result.success) return [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    // A bad item of a list is reported on the list, with the value: "outputs.formats.1" is no key.
    const listIndex = issue.path.findIndex((part) => typeof part === 'number');
    const keyPath = (listIndex >= 0 ? issue.path.slice(0, listIndex) : issue.path).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const full = keyPath ? `${keyPath}.${key}` : key;
        problems.push(`Unknown answer "${full}"${origin(full, layers)}.${didYouMean(full, catalog.map((q) => q.id))} Run with --help answers to see the answers you can set.`);
      }
      continue;
    }
    if (seen.has(keyPath)) continue;
    seen.add(keyPath);
    const question = findQuestion(keyPath);
    const list = listIndex >= 0 ? getPath(merged, keyPath) : undefined;
    const got = Array.isArray(list) ? list[issue.path[listIndex] as number] : getPath(merged, keyPath);
    // One line, even for a value of a megabyte.
    const json = got === undefined ? '' : JSON.stringify(got) ?? String(got);
    const shown = got === undefined ? '' : ` (got ${json.length > 120 ? `${json.slice(0, 117)}...` : json})`;
    const allowed = question?.choices?.length ? ` Allowed: ${question.choices.map((c) => c.value).join(', ')}.` : '';
    const what = issue.code === 'invalid_value' ? 'not one of the allowed values' : issue.message.replace(/^Invalid input: /, '').replace(/\.$/, '');
    problems.push(`Invalid ${keyPath || 'answers'}${origin(keyPath, layers)}: ${what}${shown}. Fix it with --set ${keyPath}=… or in your answers file.${allowed}`);
  }
  return problems;
}

/** Unknown technology ids, checked on the raw answers so they are reported with the schema's problems. */
function stackProblems(merged: Plain, lib: Library, layers: readonly AnswerLayer[]): string[] {
  const problems: string[] = [];
  const services = Array.isArray(merged.services) ? merged.services.filter(isPlainObject) : [];
  const lists: Array<[string, FacetKind, unknown]> = [
    ...STACK_KINDS.map(([path, kind]): [string, FacetKind, unknown] => [path, kind, getPath(merged, path)]),
    ...services.flatMap((service) =>
      STACK_KINDS.filter(([p]) => p.startsWith('stack.')).map(([path, kind]): [string, FacetKind, unknown] => [`services.${String(service.name)}.${path}`, kind, getPath(service, path)]),
    ),
  ];
  for (const [path, kind, value] of lists) {
    if (!Array.isArray(value)) continue;
    const known = facetsOfKind(lib, kind).map((f) => f.id);
    for (const item of value) {
      if (typeof item === 'string' && findFacet(lib, kind, item)) continue;
      problems.push(`Unknown ${kind} ${JSON.stringify(item)} in ${path}${origin(path.startsWith('services.') ? 'services' : path, layers)}.${didYouMean(String(item), known)} Known: ${known.join(', ')}.`);
    }
  }
  return problems;
}

function normaliseStack(answers: Plain, lib: Library): Plain {
  let out = answers;
  for (const [path, kind] of STACK_KINDS) {
    const value = getPath(out, path);
    if (value === undefined) continue;
    if (!Array.isArray(value)) throw new InputError(`Invalid ${path}: expected a list of ${kind} ids.`, `e.g. --set ${path}=a,b`);
    const ids: string[] = [];
    for (const item of value) {
      const facet = typeof item === 'string' ? findFacet(lib, kind, item) : undefined;
      if (!facet) {
        const known = facetsOfKind(lib, kind).map((f) => f.id);
        throw new InputError(
          `Unknown ${kind} ${JSON.stringify(item)} in ${path}.${didYouMean(String(item), known)}`,
          `Known: ${known.join(', ')}.`,
        );
      }
      if (!ids.includes(facet.id)) ids.push(facet.id);
    }
    out = setPath(out, path, ids);
  }
  return out;
}

/**
 * The default stack is one example, not a set of independent guesses: once any stack answer is given,
 * the stack lists not given are empty, so "--set stack.languages=go" never drags in a default framework.
 */
function withoutDefaultStack(answers: Plain): Plain {
  // Services bring their own stacks: the repository's is theirs, never the default example.
  const hasServices = Array.isArray(answers.services) && answers.services.length > 0;
  const stack = isPlainObject(answers.stack) ? answers.stack : hasServices ? {} : undefined;
  if (stack === undefined || (Object.keys(stack).length === 0 && !hasServices)) return answers;
  const empty = Object.fromEntries(STACK_KINDS.filter(([p]) => p.startsWith('stack.')).map(([p]) => [p.slice('stack.'.length), []]));
  return { ...answers, stack: { ...empty, ...stack } };
}

/**
 * Adds what chosen technologies imply (Gin -> Go), after the lists they belong to. An implied API
 * style (a web framework's REST) is only a default: any API style given, gRPC alone included, wins.
 */
function addImplied(answers: Plain, lib: Library, warnings: string[], options: { onlyStack?: boolean } = {}): Plain {
  let out = answers;
  const kinds = options.onlyStack ? STACK_KINDS.filter(([p]) => p.startsWith('stack.')) : STACK_KINDS;
  const apiGiven = ((getPath(answers, 'stack.apiStyles') as string[] | undefined) ?? []).length > 0;
  const pathOf = new Map(STACK_KINDS.map(([path, kind]) => [kind, path]));
  for (let changed = true; changed; ) {
    changed = false;
    const chosen = kinds.flatMap(([path, kind]) => ((getPath(out, path) as string[]) ?? []).map((id) => findFacet(lib, kind, id)!));
    const ids = new Set(chosen.map((f) => f.id));
    for (const facet of chosen) {
      for (const implied of facet.implies) {
        if (ids.has(implied)) continue;
        const target = lib.facets.find((f) => f.id === implied)!;
        if (target.kind === 'api' && apiGiven) continue;
        const path = pathOf.get(target.kind)!;
        if (options.onlyStack && !path.startsWith('stack.')) continue;
        out = setPath(out, path, [...((getPath(out, path) as string[]) ?? []), implied]);
        ids.add(implied);
        changed = true;
        warnings.push(`${facet.name} implies ${target.name}; added it to ${path}.`);
      }
    }
  }
  return out;
}

function normaliseTools(answers: Plain, warnings: string[]): Plain {
  const tools = getPath(answers, 'agent.tools');
  if (!Array.isArray(tools)) return answers;
  const mapped: unknown[] = [];
  for (const tool of tools) {
    const current = typeof tool === 'string' ? RETIRED_TOOLS[tool] : undefined;
    if (current) warnings.push(`agent.tools: "${tool}" is no longer a Claude Code tool; using "${current}".`);
    const name = current ?? tool;
    if (!mapped.includes(name)) mapped.push(name);
  }
  return setPath(answers, 'agent.tools', mapped);
}

/** Parses one `--set key=value` into a layer, typed by the question the key names. */
export function parseSetFlag(expression: string): Plain {
  const eq = expression.indexOf('=');
  if (eq <= 0) throw new InputError(`--set expects key=value, got "${expression}".`, 'e.g. --set agent.name=payments-staff');
  const key = expression.slice(0, eq).trim();
  const raw = expression.slice(eq + 1);
  const service = /^services\.([^.]+)\.(.+)$/.exec(key);
  if (service) return { services: { [service[1]!]: setPath({}, service[2]!, coerce(raw, serviceKeyKind(service[2]!, key), key)) } };
  const question = findQuestion(key);
  if (!question) {
    throw new InputError(`Unknown answer "${key}" in --set.${didYouMean(key, catalog.map((q) => q.id))}`, 'Run with --help to see the answers you can set.');
  }
  return setPath({}, key, coerce(raw, question.kind, key));
}

/** What a service key holds: its stack lists are lists, its targets numbers, the rest text. */
function serviceKeyKind(sub: string, key: string): string {
  if (['path', 'package', 'team'].includes(sub)) return 'text';
  const root = findQuestion(sub);
  if (root && (sub.startsWith('stack.') || sub.startsWith('targets.'))) return root.kind;
  throw new InputError(
    `Unknown service answer "${key}" in --set.`,
    'A service takes path, package, team, stack.<list> (languages, frameworks, datastores, messaging, cloud, infrastructure, apiStyles) and targets.<target>, e.g. --set services.orders.team=checkout.',
  );
}

function coerce(raw: string, kind: string, key: string): unknown {
  switch (kind) {
    case 'number': {
      const n = Number(raw.trim());
      if (raw.trim() === '' || !Number.isFinite(n)) throw new InputError(`--set ${key} expects a number, got "${raw}".`);
      return n;
    }
    case 'confirm': {
      const v = raw.trim().toLowerCase();
      if (['true', 'yes', 'y', '1'].includes(v)) return true;
      if (['false', 'no', 'n', '0'].includes(v)) return false;
      throw new InputError(`--set ${key} expects true or false, got "${raw}".`);
    }
    case 'multiselect':
    case 'list':
      return raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    default:
      return raw;
  }
}
