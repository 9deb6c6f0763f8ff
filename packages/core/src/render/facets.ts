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

/** Written in an item where advice depends on the current release: becomes "as of <run date>". */
export const AS_OF_TOKEN = '{as-of}';

export function resolveFacet(facet: FacetDefinition, answers: Answers, date: string): Facet {
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
