/** Answers for the stacks the core and skills tests walk: presets, the three reference stacks, a matrix. */
import type { Answers } from '../answers/schema.js';
import { resolveAnswers } from '../answers/resolve.js';
import { library } from '../library/index.js';
import { AGENT_FORMATS } from '../answers/schema.js';

export const resolved = (values: object, source = 'test'): Answers => resolveAnswers([{ source, values: values as never }], library).answers;

export const presetAnswers = (name: string): Answers => resolved(library.presets.find((p) => p.name === name)!.answers, `preset ${name}`);

const empty = { languages: [], frameworks: [], datastores: [], messaging: [], cloud: [], infrastructure: [], apiStyles: [] };

/** The three stacks issue 11 measures the core's shared lines on. */
export const THREE_STACKS: Record<string, Answers> = {
  'go-gin-postgresql-kafka': resolved({ stack: { ...empty, languages: ['go'], frameworks: ['gin'], datastores: ['postgresql'], messaging: ['kafka'] } }),
  'python-fastapi-mongodb-rabbitmq-gcp-serverless': resolved({ stack: { ...empty, languages: ['python'], frameworks: ['fastapi'], datastores: ['mongodb'], messaging: ['rabbitmq'], cloud: ['gcp'], infrastructure: ['serverless'] } }),
  'java-spring-postgresql-redis-grpc': resolved({ stack: { ...empty, languages: ['java'], frameworks: ['spring-boot'], datastores: ['postgresql', 'redis'], apiStyles: ['grpc'] } }),
};

const ids = (kind: string) => library.facets.filter((f) => f.kind === kind).map((f) => f.id);

/**
 * Every language x each cloud (and none), with a datastore and a broker rotating through the library
 * so that each appears, and every agent format at once.
 */
export function matrix(): Array<{ name: string; answers: Answers }> {
  const languages = ids('language');
  const datastores = ids('datastore');
  const brokers = ids('messaging');
  const clouds = [...ids('cloud'), null];
  const out: Array<{ name: string; answers: Answers }> = [];
  let i = 0;
  for (const language of languages) {
    for (const cloud of clouds) {
      const datastore = datastores[i % datastores.length]!;
      const broker = brokers[i % brokers.length]!;
      i++;
      const stack = { ...empty, languages: [language], datastores: [datastore], messaging: [broker], cloud: cloud ? [cloud] : [] };
      out.push({ name: `${language}/${datastore}/${broker}/${cloud ?? 'no-cloud'}`, answers: resolved({ stack, outputs: { formats: [...AGENT_FORMATS] } }) });
    }
  }
  return out;
}
