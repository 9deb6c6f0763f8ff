import { describe, expect, it } from 'vitest';
import { resolveAnswers, parseSetFlag } from './resolve.js';
import { library } from '../library/index.js';
import { InputError } from '../errors.js';

const resolve = (...values: object[]) => resolveAnswers(values.map((v, i) => ({ source: `layer ${i}`, values: v as never })), library);

describe('resolveAnswers', () => {
  it('fills every answer with a default', () => {
    const { answers, warnings } = resolve();
    expect(answers.agent.name).toBe('backend-staff');
    expect(answers.agent.seniority).toBe('staff');
    expect(answers.stack.datastores).toEqual(['postgresql', 'redis']);
    expect(warnings).toEqual([]);
  });

  it('lets later layers win, merging objects and replacing lists', () => {
    const { answers } = resolve(
      { agent: { name: 'from-preset', color: 'red' }, stack: { languages: ['go', 'python'] } },
      { agent: { name: 'from-file' } },
      parseSetFlag('stack.languages=rust'),
    );
    expect(answers.agent).toMatchObject({ name: 'from-file', color: 'red' });
    expect(answers.stack.languages).toEqual(['rust']);
  });

  it('uses the default stack only when no stack answer is given', () => {
    const { answers } = resolve(parseSetFlag('stack.languages=go'));
    expect(answers.stack).toEqual({ languages: ['go'], frameworks: [], datastores: [], messaging: [], cloud: [], infrastructure: [], apiStyles: [] });
  });

  it('adds what chosen technologies imply, and says so', () => {
    const { answers, warnings } = resolve({ stack: { frameworks: ['gin'], datastores: ['dynamodb'] } });
    expect(answers.stack.languages).toEqual(['go']);
    expect(answers.stack.cloud).toEqual(['aws']);
    expect(warnings).toContain('Gin implies Go; added it to stack.languages.');
  });

  it('a web framework brings REST along unless an API style is given (a gRPC-only service stays gRPC-only)', () => {
    const bare = resolve({ stack: { frameworks: ['gin'] } });
    expect(bare.answers.stack.apiStyles).toEqual(['rest']);
    expect(bare.warnings).toContain('Gin implies REST (HTTP+JSON); added it to stack.apiStyles.');
    expect(resolve({ stack: { frameworks: ['gin'], apiStyles: ['grpc'] } }).answers.stack.apiStyles).toEqual(['grpc']);
    expect(resolve({ stack: { frameworks: ['gin'], apiStyles: ['graphql', 'rest'] } }).answers.stack.apiStyles).toEqual(['graphql', 'rest']);
  });

  it('maps aliases to facet ids and drops duplicates', () => {
    const { answers } = resolve({ stack: { datastores: ['Postgres', 'postgresql', 'pg'], languages: ['nodejs'] } });
    expect(answers.stack.datastores).toEqual(['postgresql']);
    expect(answers.stack.languages).toEqual(['typescript']);
  });

  it('names the unknown technology, suggests the nearest and lists the known ones', () => {
    expect(() => resolve({ stack: { datastores: ['postgress'] } })).toThrow(/Unknown datastore "postgress" in stack.datastores \(from layer 0\)\. Did you mean "postgresql"\?.*Known: .*mysql/);
  });

  it('maps retired Claude Code tool names and warns', () => {
    const { answers, warnings } = resolve({ agent: { tools: ['Read', 'MultiEdit', 'LS', 'NotebookRead', 'Edit', 'Task'] } });
    expect(answers.agent.tools).toEqual(['Read', 'Edit', 'Glob', 'Agent']);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/"MultiEdit" is no longer a Claude Code tool; using "Edit"/);
  });

  it.each([
    [{ agent: { name: '../x' } }, /Invalid agent.name \(from layer 0\): .*lowercase letters, digits and hyphens.*"\.\.\/x"/],
    [{ agent: { name: '/etc/x' } }, /Invalid agent.name/],
    [{ agent: { tools: ['Teleport'] } }, /unknown tool "Teleport"/],
    [{ agent: { title: 'two\nlines' } }, /agent.title must be a single line/],
    [{ outputs: { paths: { adrDir: '../outside' } } }, /must be a relative path inside the repository/],
    [{ outputs: { paths: { runbookDir: '/var/runbooks' } } }, /must be a relative path inside the repository/],
    [{ targets: { availability: 101 } }, /Invalid targets.availability/],
    [{ agent: { nmae: 'x' } }, /Unknown answer "agent.nmae" \(from layer 0\)\. Did you mean "agent.name"\?/],
  ])('rejects %j with a one-line message', (values, message) => {
    let error: unknown;
    try {
      resolve(values);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('an answers source with several mistakes', () => {
  const layers = [
    { source: 'preset x', values: { targets: { coverage: 90 } } },
    { source: 'answers.yaml', values: { targets: { coverage: '80', p99LatencyMs: 'fast' }, outputs: { formats: ['claude', 'cusor'] }, stack: { languages: ['goo'] }, agent: { nmae: 'x' } } },
  ];
  const message = (() => {
    try {
      resolveAnswers(layers as never, library);
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  })();

  it('reports every invalid answer in one error, a line each, naming the file it came from', () => {
    const lines = message.split('\n');
    expect(lines[0]).toBe('5 invalid answers:');
    expect(lines.slice(1).every((l) => l.startsWith('  - ') && l.includes('(from answers.yaml)'))).toBe(true);
    expect(message).toContain('Invalid targets.coverage (from answers.yaml): expected number, received string (got "80")');
    expect(message).toContain('Invalid targets.p99LatencyMs');
    expect(message).toContain('Unknown language "goo"');
    expect(message).toContain('Unknown answer "agent.nmae"');
  });

  it('reports a bad list item on the list key, with the bad value and the allowed ones', () => {
    expect(message).toContain('Invalid outputs.formats (from answers.yaml): not one of the allowed values (got "cusor"). Fix it with --set outputs.formats=…');
    expect(message).toMatch(/Allowed: claude, copilot, cursor/);
    expect(message).not.toMatch(/outputs\.formats\.1/);
  });
});

describe('parseSetFlag', () => {
  it('types values by the question they name', () => {
    expect(parseSetFlag('targets.p99LatencyMs=150')).toEqual({ targets: { p99LatencyMs: 150 } });
    expect(parseSetFlag('outputs.docs.adr=no')).toEqual({ outputs: { docs: { adr: false } } });
    expect(parseSetFlag('stack.messaging=kafka, rabbitmq')).toEqual({ stack: { messaging: ['kafka', 'rabbitmq'] } });
    expect(parseSetFlag('stack.messaging=')).toEqual({ stack: { messaging: [] } });
    expect(parseSetFlag('agent.description=a=b: c')).toEqual({ agent: { description: 'a=b: c' } });
  });

  it('rejects unknown keys, missing "=" and wrong types', () => {
    expect(() => parseSetFlag('agent.nam=x')).toThrow(/Unknown answer "agent.nam" in --set. Did you mean "agent.name"\?/);
    expect(() => parseSetFlag('agent.name')).toThrow(/--set expects key=value/);
    expect(() => parseSetFlag('targets.coverage=lots')).toThrow(/expects a number/);
    expect(() => parseSetFlag('outputs.docs.adr=maybe')).toThrow(/expects true or false/);
  });
});
