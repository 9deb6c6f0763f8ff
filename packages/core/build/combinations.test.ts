/** The combinations test (see combinations.ts): no generated file names a technology outside the answers. */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { MANIFEST_PATH } from '../src/paths.js';
import { answersFor, CLOUDS, DATE, foreignNameCheck, LANGUAGES, matrix } from './combinations.js';
import { resolveAnswers } from '../src/answers/resolve.js';
import { library } from '../src/library/index.js';
import { serviceAnswers } from '../src/services.js';

describe('combinations: no generated file names a technology outside the answers', () => {
  const cases = matrix();

  it('the matrix covers every language on every cloud, on Kubernetes and on functions, and gRPC-only stacks', () => {
    expect(cases.length).toBeGreaterThanOrEqual(LANGUAGES.length * CLOUDS.length * 2 + 3);
    for (const language of LANGUAGES) for (const cloud of CLOUDS) expect(cases.filter((c) => !c.name.includes("gRPC") && c.stack.languages![0] === language && c.stack.cloud![0] === cloud).length).toBe(2);
  });

  it('the check sees the names the issue lists: Lambda, SQS, DynamoDB, ECS on GCP; JUnit, Awaitility, MockProducer on Go; ETag and path versioning on gRPC-only; asyncpg on MongoDB', () => {
    const names = (stack: Record<string, string[]>, text: string) => foreignNameCheck(answersFor(stack))('AGENTS.md', text).map((f) => f.name.replace(/ \(.*/, ''));
    expect(names({ languages: ['go'], cloud: ['gcp'] }, 'Use Lambda with SQS, DynamoDB and ECS.')).toEqual(expect.arrayContaining(['Amazon SQS/SNS', 'Amazon DynamoDB', 'Serverless functions', 'Lambda', 'ECS']));
    expect(names({ languages: ['go'] }, 'JUnit, Awaitility and MockProducer.')).toEqual(['JUnit', 'Awaitility', 'MockProducer']);
    expect(names({ languages: ['go'], apiStyles: ['grpc'] }, 'Send an `ETag`; use path versioning (`/v1`).')).toEqual(['ETag', 'path versioning']);
    expect(names({ languages: ['python'], datastores: ['mongodb'] }, 'Use asyncpg.')).toEqual(['asyncpg']);
    expect(names({ languages: ['python'], datastores: ['postgresql'], cloud: ['gcp'] }, 'Use asyncpg on Cloud Run.')).toEqual([]);
  });

  for (const c of cases) {
    it(c.name, () => {
      const answers = answersFor(c.stack);
      const tree = generate(answers, { date: DATE, toolVersion: '0.0.0' });
      const leaks: string[] = [];
      const foreignNames = foreignNameCheck(answers);
      for (const [path, text] of tree) {
        if (path === MANIFEST_PATH) continue;
        for (const { name, line } of foreignNames(path, text)) {
          leaks.push(`${path}: ${name}: ${line.slice(0, 160)}`);
        }
      }
      expect([...new Set(leaks)]).toEqual([]);
    });
  }

  // The same check per service of a monorepo: three matrix stacks as three services of one repository,
  // each service's runbook, alert rules, test strategy, load test, stack record and nested AGENTS.md
  // naming only its own stack.
  // Cases run language by language, six each: a group takes three languages apart.
  const groups = [0, 1, 2, 3, 4, 5].map((k) => [cases[k]!, cases[k + 20]!, cases[k + 40]!]);
  for (const group of [...groups, cases.slice(-3)]) {
    it(`monorepo: ${group.map((c) => c.name).join(' | ')}`, () => {
      const services = group.map((c, n) => ({ name: `svc-${n}`, path: `services/svc-${n}`, stack: c.stack }));
      const answers = resolveAnswers([{ source: 'matrix', values: { services, outputs: { formats: ['claude', 'agents-md'] } } as never }], library).answers;
      const tree = generate(answers, { date: DATE, toolVersion: '0.0.0' });
      const leaks: string[] = [];
      for (const service of answers.services) {
        const own = serviceAnswers(answers, service);
        const foreignNames = foreignNameCheck(own);
        const files = [...tree].filter(([path]) => path.startsWith(`${service.path}/`));
        expect(files.length, service.name).toBe(6);
        for (const [path, text] of files) {
          for (const { name, line } of foreignNames(path, text)) {
            leaks.push(`${path}: ${name}: ${line.slice(0, 160)}`);
          }
        }
      }
      expect([...new Set(leaks)]).toEqual([]);
    });
  }

});
