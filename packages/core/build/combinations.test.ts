/** The combinations test (see combinations.ts): no generated file names a technology outside the answers. */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { MANIFEST_PATH } from '../src/paths.js';
import { answersFor, CLOUDS, DATE, foreignNameCheck, LANGUAGES, matrix } from './combinations.js';

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

});
