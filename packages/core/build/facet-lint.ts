/**
 * Facet isolation, per item: a facet item may name another technology only when that technology is
 * sure to be in the stack whenever the item is shown, i.e. the facet itself or its condition brings
 * it along (through `implies`). Otherwise a team that never chose it would read about it. Runs in the
 * library build (a leak fails the build) and in the library tests.
 */
import type { Condition, FacetDefinition, FacetKind } from '../src/library/schema.js';
import { mentions } from '../src/test-support/mentions.js';

/** Kinds whose names must not leak; API styles and compliance regimes are checked through terms. */
const NAMED_KINDS: ReadonlySet<FacetKind> = new Set(['language', 'framework', 'datastore', 'messaging', 'cloud', 'infrastructure']);

/**
 * A name that belongs to technologies without being a facet's name (Lambda, asyncpg, JUnit):
 * naming it needs every group of `requires`, a group being satisfied by any one of its ids.
 */
export interface Term {
  term: string;
  pattern: RegExp;
  requires: string[][];
}

/**
 * What a condition guarantees about the stack, as clauses: each clause is a set of ids at least one
 * of which is chosen whenever the condition holds. `not` and `equals` guarantee nothing.
 */
export function guarantees(condition: Condition | undefined): string[][] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(guarantees);
  if ('any' in condition) {
    // (a1 & a2) | (b1) == (a1 | b1) & (a2 | b1): one clause per choice of a clause in each branch.
    return condition.any.map(guarantees).reduce<string[][]>(
      (acc, branch) => acc.flatMap((clause) => branch.map((other) => [...new Set([...clause, ...other])])),
      [[]],
    ).filter((clause) => clause.length > 0);
  }
  if (!('path' in condition) || !isStackPath(condition.path)) return [];
  if ('includes' in condition) return [[condition.includes]];
  if ('includesAny' in condition) return [condition.includesAny];
  return [];
}

const isStackPath = (path: string) => path.startsWith('stack.') || path === 'compliance';

export interface LintItem {
  /** Where the item is, for the error: "practices[3]". */
  where: string;
  text: string;
  when?: Condition | undefined;
}

/** Every item of a facet that reaches a team's files. Summaries and tradeoffs (ADR only) may compare. */
export function facetItems(facet: FacetDefinition): LintItem[] {
  const text = (where: string, items: ReadonlyArray<string | { text: string; when?: Condition | undefined }>): LintItem[] =>
    items.map((item, i) => (typeof item === 'string' ? { where: `${where}[${i}]`, text: item } : { where: `${where}[${i}]`, text: item.text, when: item.when }));
  return [
    ...text('practices', facet.practices),
    ...text('pitfalls', facet.pitfalls),
    ...facet.runbook.alerts.map((a, i) => ({ where: `runbook.alerts[${i}]`, text: `${a.name} ${a.meaning} ${a.firstActions}`, when: a.when })),
    ...facet.runbook.failureModes.map((m, i) => ({ where: `runbook.failureModes[${i}]`, text: `${m.symptom} ${m.cause} ${m.fix}`, when: m.when })),
    ...text('runbook.dashboards', facet.runbook.dashboards),
    ...facet.testing.tools.map((t, i) => ({ where: `testing.tools[${i}]`, text: `${t.tool} ${t.note ?? ''}`, when: t.when })),
    ...text('testing.notes', facet.testing.notes),
  ];
}

/** The summary, strengths and trade-offs: the stack ADR only, where naming same-kind technologies compares. */
function comparisonItems(facet: FacetDefinition): LintItem[] {
  return [
    { where: 'summary', text: facet.summary },
    ...facet.tradeoffs.map((t, i) => (typeof t === 'string' ? { where: `tradeoffs[${i}]`, text: t } : { where: `tradeoffs[${i}]`, text: t.text, when: t.when })),
    ...facet.strengths.map((t, i) => (typeof t === 'string' ? { where: `strengths[${i}]`, text: t } : { where: `strengths[${i}]`, text: t.text, when: t.when })),
  ];
}

/** Lists every item that names a technology its facet and condition do not bring along. */
export function lintFacetCombinations(facets: readonly FacetDefinition[], terms: readonly Term[] = []): string[] {
  const byId = new Map(facets.map((f) => [f.id, f]));
  const closure = (id: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(id)) return seen;
    seen.add(id);
    // An implied API style is only a default (an API answer overrides it), so it is not guaranteed.
    for (const next of byId.get(id)?.implies ?? []) if (byId.get(next)?.kind !== 'api') closure(next, seen);
    return seen;
  };
  // A requirement group is met when some guaranteed clause has every member bringing one of the group.
  const met = (clauses: string[][], group: string[]) => clauses.some((clause) => clause.every((id) => group.some((g) => closure(id).has(g))));
  const problems: string[] = [];
  for (const facet of facets) {
    const file = `facets/${facet.kind}/${facet.id}.yaml`;
    const check = (where: string, text: string, when: Condition | undefined, needs: Array<{ name: string; groups: string[][] }>) => {
      const clauses = [[facet.id], ...guarantees(when)];
      for (const need of needs) {
        const missing = need.groups.filter((group) => !met(clauses, group));
        if (missing.length > 0) {
          problems.push(`${file}: ${where} names ${need.name}, which needs ${missing.map((g) => g.join(' or ')).join(' and ')} in the stack; add a \`when\` that implies it or drop the name: "${text.slice(0, 80)}"`);
        }
      }
    };
    for (const item of [...facetItems(facet), ...comparisonItems(facet)]) {
      // The stack ADR's summary and trade-offs may compare with technologies of the same kind.
      const compares = item.where === 'summary' || item.where.startsWith('tradeoffs') || item.where.startsWith('strengths');
      const needs = [
        ...facets.filter((o) => NAMED_KINDS.has(o.kind) && !(compares && o.kind === facet.kind) && mentions(item.text, o)).map((o) => ({ name: o.name, groups: [[o.id]] })),
        ...terms.filter((t) => t.pattern.test(item.text)).map((t) => ({ name: t.term, groups: t.requires })),
      ];
      check(item.where, item.text, item.when, needs);
    }
    // An alternative may be named (it is the point), but what it brings along must be there: no
    // DynamoDB weighed on a stack that does not run on AWS.
    facet.alternatives.forEach((alternative, i) => {
      const id = typeof alternative === 'string' ? alternative : alternative.id;
      const brings = [...closure(id)].filter((other) => other !== id).map((other) => ({ name: byId.get(other)?.name ?? other, groups: [[other]] }));
      check(`alternatives[${i}] (${id})`, id, typeof alternative === 'string' ? undefined : alternative.when, brings);
    });
  }
  return problems;
}
