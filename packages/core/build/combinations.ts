/**
 * The stack matrix of the combinations test, and how to tell that a text names a technology outside
 * the answers. For a matrix of stacks, no generated file (agent in every format, ADRs,
 * runbook, test strategy) names a technology outside the answers. "Names" means a facet's name or a
 * term of templates/facets/terms.yaml (Lambda, asyncpg, JUnit, ETag...) whose technologies are not all
 * chosen. The stack ADR may name the alternatives it weighs; what they bring along must be chosen.
 */
import { readLibrarySource } from './library-source.js';
import { library } from '../src/library/index.js';
import { resolveAnswers } from '../src/answers/resolve.js';
import { buildContext } from '../src/render/context.js';
import { generate } from '../src/generate.js';
import { AGENT_FORMATS, type Answers } from '../src/answers/schema.js';
import { mentions } from '../src/test-support/mentions.js';
import { MANIFEST_PATH } from '../src/paths.js';
import type { FacetKind } from '../src/library/schema.js';

export const DATE = '2026-12-01';
const source = readLibrarySource();
const NAMED_KINDS: ReadonlySet<FacetKind> = new Set(['language', 'framework', 'datastore', 'messaging', 'cloud', 'infrastructure', 'api']);

/** Each language with a framework of its own (none for Scala: the library has none). */
const FRAMEWORK: Record<string, string[]> = {
  go: ['gin'], python: ['fastapi'], java: ['spring-boot'], kotlin: ['ktor'], typescript: ['nestjs'], rust: ['axum'], csharp: ['aspnet-core'], scala: [],
};
export const LANGUAGES = Object.keys(FRAMEWORK);
export const CLOUDS = ['aws', 'gcp', 'azure'];
/** Datastores and brokers rotate through the matrix; the cloud-bound ones only on their cloud. */
const DATASTORES = ['postgresql', 'mongodb', 'mysql', 'redis', 'cassandra', 'elasticsearch'];
const BROKERS = ['kafka', 'rabbitmq', 'nats', 'redis-streams'];
const NATIVE: Record<string, { datastore?: string; broker: string }> = { aws: { datastore: 'dynamodb', broker: 'sqs-sns' }, gcp: { broker: 'gcp-pubsub' }, azure: { broker: 'kafka' } };

export interface Case { name: string; stack: Record<string, string[]> }

export function matrix(): Case[] {
  const cases: Case[] = [];
  let n = 0;
  for (const language of LANGUAGES) {
    for (const cloud of CLOUDS) {
      for (const platform of ['kubernetes', 'serverless']) {
        // Every third case takes the cloud's own services, so they meet every language too.
        const native = n % 3 === 2;
        const datastore = native && NATIVE[cloud]!.datastore ? NATIVE[cloud]!.datastore! : DATASTORES[n % DATASTORES.length]!;
        const broker = native ? NATIVE[cloud]!.broker : BROKERS[n % BROKERS.length]!;
        n += 1;
        cases.push({
          name: `${language} ${cloud} ${platform} ${datastore} ${broker}`,
          stack: {
            languages: [language], frameworks: FRAMEWORK[language]!, datastores: [datastore], messaging: [broker], cloud: [cloud],
            infrastructure: platform === 'kubernetes' ? ['docker', 'kubernetes'] : ['serverless'], apiStyles: [],
          },
        });
      }
    }
  }
  // gRPC only: a web framework must not bring REST along, and nothing may speak REST.
  for (const language of ['go', 'java', 'python']) {
    cases.push({ name: `${language} gRPC only`, stack: { languages: [language], frameworks: FRAMEWORK[language]!, datastores: ['postgresql'], messaging: ['kafka'], cloud: ['gcp'], infrastructure: ['kubernetes'], apiStyles: ['grpc'] } });
  }
  return cases;
}

export function answersFor(stack: Record<string, string[]>): Answers {
  return resolveAnswers([{ source: 'matrix', values: { stack, outputs: { formats: [...AGENT_FORMATS] } } as never }], library).answers;
}

/**
 * Every technology a file names that the answers did not choose: "name" or "term (needs x)", with the
 * line it is on. Built once per answers; call the result for each file.
 */
export function foreignNameCheck(answers: Answers): (path: string, text: string) => Array<{ name: string; line: string }> {
  const context = buildContext(answers, library, DATE);
  const chosen = new Set(context.stack.all.map((f) => f.id));
  const byId = new Map(source.facets.map((f) => [f.id, f]));
  const withImplied = (id: string): string[] => [id, ...(byId.get(id)?.implies ?? []).flatMap(withImplied)];
  // The stack ADR weighs alternatives by name (those its chosen facets list for this stack), so it may
  // name them; only the line that gives an alternative's own trade-off may name what it brings along.
  const weighed = context.stack.all.flatMap((f) => f.alternatives);
  const check = (text: string, allowed: ReadonlySet<string>, found: Map<string, string>) => {
    for (const facet of source.facets) {
      if (NAMED_KINDS.has(facet.kind) && !allowed.has(facet.id) && !found.has(facet.name) && mentions(text, facet)) found.set(facet.name, lineOf(text, (l) => mentions(l, facet)));
    }
    for (const term of source.terms) {
      const missing = term.requires.filter((group) => !group.some((id) => allowed.has(id)));
      const name = `${term.term} (needs ${missing.map((g) => g.join(' or ')).join(' and ')})`;
      if (missing.length > 0 && !found.has(name) && term.pattern.test(text)) found.set(name, lineOf(text, (l) => term.pattern.test(l)));
    }
  };
  return (path, text) => {
    const found = new Map<string, string>();
    if (!/technology-stack/.test(path)) check(text, chosen, found);
    else {
      const inAdr = new Set([...chosen, ...weighed]);
      // An option is a "- **Name**" line; its reasons are the "  - For:" and "  - Against:" lines under it.
      let alternative: string | undefined;
      for (const line of text.split('\n')) {
        const option = /^- \*\*(.+?)\*\*/.exec(line)?.[1];
        if (option !== undefined || !/^\s+- (For|Against): /.test(line)) alternative = option === undefined ? undefined : weighed.find((id) => byId.get(id)?.name === option);
        check(line, alternative ? new Set([...inAdr, ...withImplied(alternative)]) : inAdr, found);
      }
    }
    return [...found].map(([name, line]) => ({ name, line }));
  };
}

const lineOf = (text: string, test: (line: string) => boolean) => text.split('\n').find(test) ?? '';
