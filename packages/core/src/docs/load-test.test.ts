/**
 * The k6 load test of every preset: type-checked against @types/k6, then run as k6 would run its init
 * code (the k6 modules stubbed) to read the scenarios and thresholds it really declares and compare
 * them with the answers, and to see which requests its iterations send.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAnswers } from '../answers/resolve.js';
import type { Answers, AnswersInput } from '../answers/schema.js';
import { generate } from '../generate.js';
import { library } from '../library/index.js';
import { outputPaths } from '../paths.js';
import { viewFromObject } from '../repo-view.js';
import { FILL_IN, openApiOperations, protoOperations, readApiOperations, type ApiOperations } from './api-operations.js';
import { TEST_DATE } from '../test-support/answers.js';

const TYPES_ROOT = fileURLToPath(new URL('../../../../node_modules/@types', import.meta.url));

const OPENAPI = `openapi: 3.1.0
info: { title: orders, version: '1' }
servers: [{ url: 'https://api.example.com/v2' }]
paths:
  /orders/{orderId}:
    parameters: [{ name: orderId, in: path, required: true, schema: { type: string, example: ord-42 } }]
    get: { responses: { '200': { description: ok } } }
    delete: { responses: { '204': { description: gone } } }
  /orders:
    get:
      parameters: [{ name: status, in: query, required: true, example: open }, { name: page, in: query }]
      responses: { '200': { description: ok } }
    post:
      requestBody: { content: { application/json: { example: { sku: A-1, qty: 2 } } } }
      responses: { '201': { description: created } }
  /legacy:
    get: { deprecated: true, responses: { '200': { description: ok } } }
`;

const PROTO = `syntax = "proto3";
package ledger.v1;
// service Commented { rpc Nope(A) returns (B); }
service Ledger {
  rpc GetBalance (GetBalanceRequest) returns (Balance);
  rpc PostEntry (PostEntryRequest) returns (Entry) { option idempotency_level = IDEMPOTENT; }
  rpc WatchEntries (WatchRequest) returns (stream Entry);
}
`;

interface Case {
  name: string;
  answers: Answers;
  operations?: ApiOperations;
}

const resolve = (...values: AnswersInput[]): Answers => resolveAnswers(values.map((v, i) => ({ source: `case ${i}`, values: v as never })), library).answers;
const CASES: Case[] = [
  { name: 'defaults', answers: resolve() },
  ...library.presets.map((p) => ({ name: `preset ${p.name}`, answers: resolve(p.answers as AnswersInput) })),
  { name: 'graphql', answers: resolve({ service: { name: 'graph' }, stack: { apiStyles: ['graphql'] } }) },
  { name: 'grpc with a proto', answers: resolve({ service: { name: 'ledger' }, stack: { languages: ['go'], frameworks: [], apiStyles: ['grpc'] }, targets: { p99LatencyMs: 50, throughputRps: 8000 } }), operations: { grpc: { file: 'proto/ledger.proto', operations: protoOperations(PROTO) } } },
  { name: 'rest with an OpenAPI document', answers: resolve({ service: { name: 'orders' }, targets: { throughputRps: 120000, availability: 99.95 } }), operations: { http: { file: 'api/openapi.yaml', operations: openApiOperations(OPENAPI) } } },
];

const scripts = CASES.map((c) => {
  const tree = generate(c.answers, { date: TEST_DATE, toolVersion: '0.0.0', ...(c.operations ? { apiOperations: c.operations } : {}) });
  const path = outputPaths(c.answers).loadTest;
  return { ...c, path, script: tree.get(path)!, strategy: tree.get(outputPaths(c.answers).testStrategy)! };
});

interface Recorded {
  requests: Array<{ method: string; url: string; body: unknown; params: { tags?: { name?: string } } }>;
}

/** Runs the script's init code the way k6 does, with `env`, and returns its exports. */
function load(script: string, env: Record<string, string>, recorded: Recorded = { requests: [] }, iteration = { n: 0 }) {
  const { outputText } = ts.transpileModule(script, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const ok = { status: 200, json: () => undefined };
  const modules: Record<string, unknown> = {
    k6: { check: () => true },
    'k6/http': { default: { request: (method: string, url: string, body: unknown, params: Recorded['requests'][0]['params']) => (recorded.requests.push({ method, url, body, params }), ok), post: (url: string, body: unknown, params: Recorded['requests'][0]['params']) => (recorded.requests.push({ method: 'POST', url, body, params }), ok) } },
    'k6/execution': { default: { scenario: { get iterationInTest() { return iteration.n++; } } } },
    'k6/metrics': { Rate: class { add() {} } },
    'k6/net/grpc': { default: { StatusOK: 0, Client: class { connect() {} invoke(method: string, request: unknown, params: Recorded['requests'][0]['params']) { recorded.requests.push({ method: 'RPC', url: method, body: request, params }); return { status: 0 }; } } } },
  };
  const exports: Record<string, unknown> = {};
  const require = (id: string) => {
    if (!(id in modules)) throw new Error(`the script imports ${id}, which this test does not stub`);
    return modules[id];
  };
  vm.runInNewContext(outputText, { exports, module: { exports }, require, __ENV: env, encodeURIComponent, Object, Array, JSON, String, Error });
  return exports as { options: { scenarios: Record<string, Record<string, unknown>>; thresholds: Record<string, string[]> }; setup: () => void; default: () => void };
}

const envFor = (c: Case) => (c.answers.stack.apiStyles.find((s) => s === 'rest' || s === 'graphql' || s === 'grpc') === 'grpc' ? 'GRPC_ADDR' : 'BASE_URL');

describe('the k6 load test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cba-k6-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('type-checks against @types/k6 for every preset, the defaults and each protocol', () => {
    const files = scripts.map((s, i) => {
      const file = join(dir, `${i}-${s.answers.service.name}.k6.js`);
      writeFileSync(file, s.script);
      return file;
    });
    const program = ts.createProgram(files, {
      allowJs: true, checkJs: true, noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts'], types: ['k6'], typeRoots: [TYPES_ROOT],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.slice(dir.length + 1) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
    // The check is real: the k6 types are found, and a wrong option is caught.
    const wrong = join(dir, 'wrong.k6.js');
    writeFileSync(wrong, "/** @type {import('k6/options').Options} */\nexport const options = { scenarios: { peak: { executor: 'constant-arrival-rate', rate: '10' } } };\n");
    const bad = ts.createProgram([wrong], { ...program.getCompilerOptions() });
    expect(ts.getPreEmitDiagnostics(bad).length).toBeGreaterThan(0);
  }, 60_000);

  it.each(scripts)('$name: refuses to start without the environment under test', (s) => {
    expect(() => load(s.script, {})).toThrow(new RegExp(`${envFor(s)} is not set`));
  });

  it.each(scripts)('$name: declares peak, stress and soak at the target rates, sized by Little\'s law, with thresholds from the targets', (s) => {
    const { p99LatencyMs: p99, throughputRps: rps, availability } = s.answers.targets;
    const { options } = load(s.script, { [envFor(s)]: 'x' });
    expect(Object.keys(options.scenarios)).toEqual(['peak', 'stress', 'soak']);
    const rates = { peak: rps, stress: rps * 2, soak: Math.round(rps * 0.6) };
    for (const [name, rate] of Object.entries(rates)) {
      const scenario = options.scenarios[name]!;
      expect(scenario).toMatchObject({ executor: 'constant-arrival-rate', rate, timeUnit: '1s' });
      const inFlight = (rate * p99) / 1000;
      expect(scenario.preAllocatedVUs as number).toBeGreaterThanOrEqual(inFlight);
      expect(scenario.maxVUs as number).toBeGreaterThanOrEqual(5 * inFlight);
    }
    expect(options.scenarios.soak!.duration).toMatch(/^[2-9]h$/);
    const metric = envFor(s) === 'GRPC_ADDR' ? 'grpc' : 'http';
    const errorRate = Math.round((1 - availability / 100) * 1e6) / 1e6;
    expect(options.thresholds[`${metric}_req_duration{scenario:peak}`]).toEqual([`p(99)<${p99}`]);
    expect(options.thresholds[`${metric}_req_duration{scenario:soak}`]).toEqual([`p(99)<${p99}`]);
    for (const name of Object.keys(rates)) expect(options.thresholds[`${metric}_req_failed{scenario:${name}}`]).toEqual([`rate<${errorRate}`]);
    expect(options.thresholds.dropped_iterations).toEqual(['count==0']);
    // One scenario alone starts at once and is judged by its own thresholds only.
    const peak = load(s.script, { [envFor(s)]: 'x', SCENARIO: 'peak' }).options;
    expect(Object.keys(peak.scenarios)).toEqual(['peak']);
    expect(peak.scenarios.peak!.startTime).toBe('0s');
    expect(Object.keys(peak.thresholds).filter((m) => /stress|soak/.test(m))).toEqual([]);
    expect(() => load(s.script, { [envFor(s)]: 'x', SCENARIO: 'spike' })).toThrow(/SCENARIO must be one of peak, stress, soak/);
  });

  it('without a contract, carries named placeholders that setup() refuses to run with, listed in the test strategy', () => {
    const defaults = scripts.find((s) => s.name === 'defaults')!;
    const script = load(defaults.script, { BASE_URL: 'https://staging' });
    expect(() => script.setup()).toThrow('Fill in before the first run (see docs/testing/test-strategy.md): main read: path; main write: path; main write: body');
    expect(defaults.strategy).toContain('`main read`: its path; `main write`: its path; `main write`: its JSON body.');
    expect(defaults.strategy).toContain('`docs/testing/api.k6.js`');
  });

  it('sends the operations of an OpenAPI document, weighted 4 per read and 1 per write, with the examples it gives', () => {
    const orders = scripts.find((s) => s.name === 'rest with an OpenAPI document')!;
    const recorded: Recorded = { requests: [] };
    const script = load(orders.script, { BASE_URL: 'https://staging' }, recorded);
    // The DELETE and the POST carry examples; the DELETE's id does too, so nothing is left to fill in.
    expect(() => script.setup()).not.toThrow();
    for (let i = 0; i < 10; i += 1) script.default();
    const sent = recorded.requests.map((r) => `${r.method} ${r.url}`);
    expect(sent.slice(0, 10)).toEqual([
      ...Array(4).fill('GET https://staging/v2/orders/ord-42'),
      'DELETE https://staging/v2/orders/ord-42',
      ...Array(4).fill('GET https://staging/v2/orders?status=open'),
      'POST https://staging/v2/orders',
    ]);
    expect(recorded.requests[9]!.body).toBe('{"sku":"A-1","qty":2}');
    expect(recorded.requests[0]!.params.tags?.name).toBe('GET /v2/orders/{orderId}');
    expect(orders.strategy).toContain('the operations of `api/openapi.yaml`');
  });

  it('above what one generator drives, says how many generators and gives each its execution segment', () => {
    const orders = scripts.find((s) => s.name === 'rest with an OpenAPI document')!;
    // Stress at 240,000 rps would take three generators at 100,000 rps each, but its 96,000
    // pre-allocated VUs (240,000 × 0.2 s × 2) take four at 30,000 each.
    expect(orders.script).toContain("k6 run --execution-segment '0:1/4' --execution-segment-sequence '0,1/4,2/4,3/4,1'");
    expect(orders.script).toContain("k6 run --execution-segment '3/4:1' --execution-segment-sequence '0,1/4,2/4,3/4,1'");
    expect(orders.strategy).toMatch(/stress needs 240,000 per second, so it runs on 4 load generators/);
    const defaults = scripts.find((s) => s.name === 'defaults')!;
    expect(defaults.script).not.toContain('--execution-segment');
    expect(defaults.strategy).toContain('One load generator is enough: the largest scenario (stress, 2,000 per second, 800 VUs)');
  });

  it('speaks k6/net/grpc to a gRPC service, with the unary RPCs of its .proto file', () => {
    const ledger = scripts.find((s) => s.name === 'grpc with a proto')!;
    expect(ledger.script).toContain("import grpc from 'k6/net/grpc';");
    expect(ledger.script).not.toContain('k6/http');
    const recorded: Recorded = { requests: [] };
    const script = load(ledger.script, { GRPC_ADDR: 'ledger:443' }, recorded);
    // A .proto file holds no example messages: each request is a placeholder.
    expect(() => script.setup()).toThrow('ledger.v1.Ledger/GetBalance: request; ledger.v1.Ledger/PostEntry: request');
    for (let i = 0; i < 5; i += 1) script.default();
    expect(recorded.requests.map((r) => r.url)).toEqual([...Array(4).fill('ledger.v1.Ledger/GetBalance'), 'ledger.v1.Ledger/PostEntry']);
  });
});

describe('reading the operations of the API contracts', () => {
  it('takes path and required query parameters with their examples, the base path of the first server, and skips deprecated operations', () => {
    expect(openApiOperations(OPENAPI)).toEqual([
      { method: 'GET', path: '/v2/orders/{orderId}', weight: 4, params: { orderId: 'ord-42' }, query: [] },
      { method: 'DELETE', path: '/v2/orders/{orderId}', weight: 1, params: { orderId: 'ord-42' }, query: [] },
      { method: 'GET', path: '/v2/orders', weight: 4, params: { status: 'open' }, query: ['status'] },
      { method: 'POST', path: '/v2/orders', weight: 1, params: {}, query: [], body: { sku: 'A-1', qty: 2 } },
    ]);
  });

  it('reads Swagger 2 JSON with its basePath, and marks what the document does not give', () => {
    const swagger = JSON.stringify({ swagger: '2.0', basePath: '/api', paths: { '/items/{id}': { put: { parameters: [{ name: 'id', in: 'path', required: true }] } } } });
    expect(openApiOperations(swagger)).toEqual([{ method: 'PUT', path: '/api/items/{id}', weight: 1, params: { id: FILL_IN }, query: [], body: FILL_IN }]);
  });

  it('finds the first document that parses, and yields nothing for what is not a contract', () => {
    const view = viewFromObject({ 'api/openapi.yaml': ': not yaml [', 'docs/swagger.json': JSON.stringify({ swagger: '2.0', paths: { '/a': { get: {} } } }), 'proto/x.proto': PROTO, 'openapi-notes.md': 'paths' });
    const found = readApiOperations(view);
    expect(found.http?.file).toBe('docs/swagger.json');
    expect(found.grpc).toEqual({ file: 'proto/x.proto', operations: [{ method: 'ledger.v1.Ledger/GetBalance', weight: 4, request: FILL_IN }, { method: 'ledger.v1.Ledger/PostEntry', weight: 1, request: FILL_IN }] });
    expect(readApiOperations(viewFromObject({ 'openapi.yaml': 'title: not an OpenAPI document\npaths: {}' }))).toEqual({});
  });
});
