/**
 * Resolves a facet for one set of answers: the items whose `when` holds for this stack, in the plain
 * shapes templates and documents use. A facet's knowledge often holds only beside some other choice
 * (a Kafka client setting per language, a serverless command per cloud); resolving here means no
 * template or document generator ever tests a condition itself.
 */
import type { Answers } from '../answers/schema.js';
import type { ConditionalText, Facet, FacetDefinition } from '../library/schema.js';
import type { Condition } from '../library/schema.js';
import { evaluate } from './conditions.js';
import { getPath } from '../answers/paths.js';

/** Written in an item where advice depends on the current release: becomes "as of <run date>". */
export const AS_OF_TOKEN = '{as-of}';

/**
 * A monorepo resolves the same few facets for each of its services, and a facet's items depend only
 * on the answers its conditions read: resolved once per facet, date and those answers' values. The
 * result is shared, so nothing downstream may change it (it is frozen to make sure).
 */
const resolved = new WeakMap<FacetDefinition, { paths: string[]; byKey: Map<string, Facet> }>();

export function resolveFacet(facet: FacetDefinition, answers: Answers, date: string): Facet {
  let cache = resolved.get(facet);
  if (!cache) {
    cache = { paths: [...conditionPaths(facet)], byKey: new Map() };
    resolved.set(facet, cache);
  }
  const key = JSON.stringify([date, ...cache.paths.map((path) => getPath(answers, path) ?? null)]);
  let facetNow = cache.byKey.get(key);
  if (!facetNow) {
    facetNow = deepFreeze(resolveUncached(facet, answers, date));
    cache.byKey.set(key, facetNow);
  }
  return facetNow;
}

/** Every answer path a condition anywhere in the facet reads. */
function conditionPaths(facet: FacetDefinition): Set<string> {
  const paths = new Set<string>();
  const visit = (value: unknown, inWhen: boolean): void => {
    if (Array.isArray(value)) for (const v of value) visit(v, inWhen);
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (inWhen && k === 'path' && typeof v === 'string') paths.add(v);
        visit(v, inWhen || k === 'when');
      }
    }
  };
  visit(facet, false);
  return paths;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function resolveUncached(facet: FacetDefinition, answers: Answers, date: string): Facet {
  const holds = (item: { when?: Condition | undefined }) => evaluate(item.when, answers);
  const dated = (text: string) => text.replaceAll(AS_OF_TOKEN, `as of ${date}`);
  const texts = (items: readonly ConditionalText[]): string[] =>
    items.flatMap((item) => (typeof item === 'string' ? [dated(item)] : holds(item) ? [dated(item.text)] : []));
  const objects = <T extends { when?: Condition | undefined }>(items: readonly T[]): Array<Omit<T, 'when'>> =>
    items.filter(holds).map(({ when: _when, ...rest }) => rest);
  return {
    ...facet,
    alternatives: facet.alternatives.flatMap((a) => (typeof a === 'string' ? [a] : holds(a) ? [a.id] : [])),
    strengths: texts(facet.strengths),
    tradeoffs: texts(facet.tradeoffs),
    practices: texts(facet.practices),
    pitfalls: texts(facet.pitfalls),
    runbook: {
      alerts: objects(facet.runbook.alerts),
      failureModes: objects(facet.runbook.failureModes),
      dashboards: texts(facet.runbook.dashboards),
    },
    testing: {
      tools: objects(facet.testing.tools).map((t) => (t.note ? { ...t, note: dated(t.note) } : t)),
      notes: texts(facet.testing.notes),
    },
  };
}
