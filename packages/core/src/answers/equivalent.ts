/**
 * The non-interactive equivalent of a set of answers: the `--set key=value` expressions that, on top
 * of what the repository and the last run already suggest, resolve to exactly those answers. It
 * starts from the answers that differ from the defaults (create-next-app prints the same kind of
 * line) and adds whatever the suggestions would otherwise change, so the command is exact.
 * Under --yes in the same repository it gives the same answers; elsewhere, the same except where
 * that repository's own suggestions fill an answer left at its default.
 */
import { catalog } from '../catalog.js';
import type { Library } from '../library/index.js';
import type { Answers } from './schema.js';
import { getPath } from './paths.js';
import { parseSetFlag, resolveAnswers, type AnswerLayer } from './resolve.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One `key=value` as --set reads it back: lists comma-separated, the rest as text. */
export function setExpression(id: string, value: unknown): string {
  return `${id}=${Array.isArray(value) ? value.join(',') : String(value)}`;
}

export function equivalentSets(answers: Answers, suggested: readonly AnswerLayer[], lib: Library): string[] {
  // Services are a list of objects: spelled out key by key (serviceSets), after the rest.
  const ids = catalog.map((q) => q.id).filter((id) => id !== 'services');
  const defaults = resolveAnswers([], lib).answers;
  let chosen = new Set(ids.filter((id) => !same(getPath(answers, id), getPath(defaults, id))));
  // One stack answer empties the stack lists not given (resolveAnswers), so a changed stack is
  // spelled out whole: the command then means the same in any repository.
  if ([...chosen].some((id) => id.startsWith('stack.'))) {
    for (const id of ids) if (id.startsWith('stack.') && (getPath(answers, id) as unknown[]).length > 0) chosen.add(id);
  }
  // Each pass adds the answers the suggestions still change; one or two passes settle it.
  for (let pass = 0; pass < ids.length; pass++) {
    const sets = ids.filter((id) => chosen.has(id)).map((id) => ({ source: '--set', values: parseSetFlag(setExpression(id, getPath(answers, id))) }));
    const resolved = resolveAnswers([...suggested, ...sets], lib).answers;
    const off = ids.filter((id) => !chosen.has(id) && !same(getPath(resolved, id), getPath(answers, id)));
    if (off.length === 0) break;
    chosen = new Set([...chosen, ...off]);
  }
  const sets = ids.filter((id) => chosen.has(id)).map((id) => setExpression(id, getPath(answers, id)));
  return [...sets, ...serviceSets(answers, [...suggested, ...sets.map((e) => ({ source: '--set', values: parseSetFlag(e) }))], lib)];
}

/** What a service holds that --set can give: its folder, package, owner, stack lists and targets. */
const SERVICE_KEYS = [
  'path', 'package', 'team',
  ...['languages', 'frameworks', 'datastores', 'messaging', 'cloud', 'infrastructure', 'apiStyles'].map((k) => `stack.${k}`),
  ...['p99LatencyMs', 'throughputRps', 'availability', 'coverage'].map((k) => `targets.${k}`),
];

/**
 * The --set expressions that turn the services the layers below give into the answers' services: the
 * names to keep when some are dropped or reordered, then each key of a service that differs.
 */
function serviceSets(answers: Answers, below: readonly AnswerLayer[], lib: Library): string[] {
  const base = resolveAnswers(below, lib).answers.services;
  if (same(base, answers.services)) return [];
  const names = answers.services.map((s) => s.name);
  const kept = base.map((s) => s.name).filter((n) => names.includes(n));
  const out: string[] = [];
  // Only names the list below has can be kept by name; new services come in through their keys.
  if (kept.length < base.length || kept.some((n, i) => n !== names.filter((x) => kept.includes(x))[i])) out.push(setExpression('services', kept));
  for (const service of answers.services) {
    const before = base.find((s) => s.name === service.name);
    for (const key of SERVICE_KEYS) {
      const value = getPath(service, key);
      if (value === undefined || (before && same(getPath(before, key), value))) continue;
      if (!before && (value === '' || (Array.isArray(value) && value.length === 0))) continue;
      out.push(setExpression(`services.${service.name}.${key}`, value));
    }
  }
  return out;
}
