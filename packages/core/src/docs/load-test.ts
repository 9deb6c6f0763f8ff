/**
 * The k6 load test that proves the targets: peak at the target rate, stress at twice it, a soak for
 * hours, each sized from the targets (Little's law), thresholds that fail the run when the service
 * would miss its SLO, and the requests from the repository's API contract or named placeholders.
 */
import type { Answers } from '../answers/schema.js';
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { docTemplate } from './template.js';
import { outputPaths } from '../paths.js';
import { FILL_IN, type ApiOperations, type HttpOperation, type RpcOperation } from './api-operations.js';
import { thousands } from '../thousands.js';

export type LoadProtocol = 'http' | 'graphql' | 'grpc';
export type ScenarioName = 'peak' | 'stress' | 'soak';

export interface LoadScenario {
  name: ScenarioName;
  rate: number;
  duration: string;
  startTime: string;
  preAllocatedVUs: number;
  maxVUs: number;
  /** Whether the p99 target gates this scenario (at twice the peak it is measured, not gated). */
  gatesLatency: boolean;
}

/** The soak holds a sustained fraction of the peak: a working day's traffic is commonly half to two-thirds of its peak. */
export const SOAK_FRACTION = 0.6;
export const SOAK_DURATION = '4h';
/** Pre-allocated VUs hold twice the requests in flight at the p99 target; the ceiling holds them at ten times it. */
const PREALLOCATED_HEADROOM = 2;
const MAX_HEADROOM = 10;
/**
 * What one k6 process drives, from Grafana's "Running large tests": 30,000–40,000 VUs and, for
 * simple scripts, 100,000–300,000 requests per second on a large machine. The plan takes the lower ends.
 */
export const GENERATOR_MAX_VUS = 30_000;
export const GENERATOR_MAX_RPS = 100_000;

/** The protocol the load test speaks: the first synchronous API style chosen, HTTP by default. */
export function loadProtocol(apiStyles: readonly string[]): LoadProtocol {
  const first = apiStyles.find((id) => id === 'rest' || id === 'graphql' || id === 'grpc');
  return first === 'graphql' || first === 'grpc' ? first : 'http';
}

/** The error rate the availability target allows, per request. */
export function allowedErrorRate(availability: number): number {
  return Math.round((1 - availability / 100) * 1e6) / 1e6;
}

/** Little's law: requests in flight = arrival rate × time in the system, here the p99 target. */
function vus(rate: number, p99Ms: number, headroom: number, floor: number): number {
  return Math.max(floor, Math.ceil(((rate * p99Ms) / 1000) * headroom));
}

/** Targets as the render context holds them: a number each (the default where none was agreed). */
type Targets = { [K in keyof Answers['targets']]: number };

export function loadScenarios(targets: Targets): LoadScenario[] {
  const scenario = (name: ScenarioName, rate: number, duration: string, startTime: string): LoadScenario => {
    const preAllocatedVUs = vus(rate, targets.p99LatencyMs, PREALLOCATED_HEADROOM, 10);
    return { name, rate, duration, startTime, preAllocatedVUs, maxVUs: Math.max(preAllocatedVUs, vus(rate, targets.p99LatencyMs, MAX_HEADROOM, 50)), gatesLatency: name !== 'stress' };
  };
  // In sequence, two minutes apart so one scenario's tail does not load the next.
  return [
    scenario('peak', targets.throughputRps, '10m', '0s'),
    scenario('stress', targets.throughputRps * 2, '10m', '12m'),
    scenario('soak', Math.max(1, Math.round(targets.throughputRps * SOAK_FRACTION)), SOAK_DURATION, '24m'),
  ];
}

/** Load generators needed for the largest scenario, by the documented per-process ceilings. */
export function generatorsNeeded(scenarios: readonly LoadScenario[]): number {
  return Math.max(...scenarios.map((s) => Math.max(Math.ceil(s.rate / GENERATOR_MAX_RPS), Math.ceil(s.preAllocatedVUs / GENERATOR_MAX_VUS))), 1);
}

/** Placeholders left in the script, as "request: what", for the test strategy to list. */
export interface LoadRequests {
  source?: string;
  lines: string[];
  placeholders: string[];
}

const BODY_LIMIT = 2000;
const js = (value: unknown) => (value === FILL_IN ? 'FILL_IN' : JSON.stringify(value));
const jsObject = (value: Record<string, unknown>) =>
  `{ ${Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${js(v)}`).join(', ')} }`.replace('{  }', '{}');

function httpRequests(operations: readonly HttpOperation[] | undefined, source: string | undefined): LoadRequests {
  const ops: Array<HttpOperation & { name: string; path: string }> = operations?.length
    ? operations.map((o) => ({ ...o, name: `${o.method} ${o.path}` }))
    : [
        { name: 'main read', method: 'GET', path: FILL_IN, weight: 4, params: {}, query: [] },
        { name: 'main write', method: 'POST', path: FILL_IN, weight: 1, params: {}, query: [], body: FILL_IN },
      ];
  const placeholders: string[] = [];
  const lines = ops.map((o) => {
    const body = o.body !== undefined && JSON.stringify(o.body).length > BODY_LIMIT ? FILL_IN : o.body;
    if (o.path === FILL_IN) placeholders.push(`\`${o.name}\`: its path`);
    for (const [name, value] of Object.entries(o.params)) if (value === FILL_IN) placeholders.push(`\`${o.name}\`: \`${name}\``);
    if (body === FILL_IN) placeholders.push(`\`${o.name}\`: its JSON body`);
    const fields = [`name: ${js(o.name)}`, `method: ${js(o.method)}`, `path: ${js(o.path)}`, `weight: ${o.weight}`, `params: ${jsObject(o.params)}`, `query: ${JSON.stringify(o.query)}`];
    if (body !== undefined) fields.push(`body: ${js(body)}`);
    return `  { ${fields.join(', ')} },`;
  });
  return { ...(source ? { source } : {}), lines, placeholders };
}

function grpcRequests(operations: readonly RpcOperation[] | undefined, source: string | undefined): LoadRequests {
  const ops = operations?.length
    ? operations.map((o) => ({ ...o, name: o.method }))
    : [{ name: 'main read RPC', method: FILL_IN, weight: 4, request: FILL_IN }, { name: 'main write RPC', method: FILL_IN, weight: 1, request: FILL_IN }];
  const placeholders: string[] = [];
  const lines = ops.map((o) => {
    const name = o.name;
    if (o.method === FILL_IN) placeholders.push(`\`${name}\`: its \`package.Service/Method\``);
    if (o.request === FILL_IN) placeholders.push(`\`${name}\`: its request message`);
    return `  { name: ${js(name)}, method: ${js(o.method)}, weight: ${o.weight}, request: ${js(o.request)} },`;
  });
  return { ...(source ? { source } : {}), lines, placeholders };
}

function graphqlRequests(): LoadRequests {
  return {
    lines: [
      "  { name: 'main query', weight: 4, query: FILL_IN, variables: {} },",
      "  { name: 'main mutation', weight: 1, query: FILL_IN, variables: {} },",
    ],
    placeholders: ['`main query`: the operation text', '`main mutation`: the operation text'],
  };
}

export function loadRequests(protocol: LoadProtocol, operations: ApiOperations): LoadRequests {
  if (protocol === 'grpc') return grpcRequests(operations.grpc?.operations, operations.grpc?.file);
  if (protocol === 'graphql') return graphqlRequests();
  return httpRequests(operations.http?.operations, operations.http?.file);
}

export function loadTestData(context: RenderContext, operations: ApiOperations = {}) {
  const protocol = loadProtocol(context.answers.stack.apiStyles);
  const scenarios = loadScenarios(context.targets);
  const errorRate = allowedErrorRate(context.targets.availability);
  const generators = generatorsNeeded(scenarios);
  const requests = loadRequests(protocol, operations);
  const durationMetric = protocol === 'grpc' ? 'grpc_req_duration' : 'http_req_duration';
  const failedMetric = protocol === 'grpc' ? 'grpc_req_failed' : 'http_req_failed';
  const thresholds = [
    ...scenarios.filter((s) => s.gatesLatency).map((s) => [`${durationMetric}{scenario:${s.name}}`, `p(99)<${context.targets.p99LatencyMs}`]),
    ...scenarios.map((s) => [`${failedMetric}{scenario:${s.name}}`, `rate<${errorRate}`]),
    ...(protocol === 'graphql' ? scenarios.map((s) => [`graphql_errors{scenario:${s.name}}`, `rate<${errorRate}`]) : []),
    ['dropped_iterations', 'count==0'],
  ];
  const biggest = scenarios.reduce((a, b) => (b.rate > a.rate ? b : a));
  return {
    service: context.service.name,
    path: outputPaths(context.answers).loadTest,
    protocol,
    grpc: protocol === 'grpc',
    graphql: protocol === 'graphql',
    http: protocol === 'http',
    // Requests slower than the VU ceiling allows fail instead of holding VUs (k6's default is 60 s).
    timeout: `${context.targets.p99LatencyMs * MAX_HEADROOM}ms`,
    targetVar: protocol === 'grpc' ? 'GRPC_ADDR' : 'BASE_URL',
    targets: context.targets,
    errorRate,
    errorRatePercent: Math.round(errorRate * 100 * 1e4) / 1e4,
    soakPercent: Math.round(SOAK_FRACTION * 100),
    scenarios: scenarios.map((s) => ({ ...s, rateText: thousands(s.rate) })),
    scenarioLines: scenarios.map(
      (s) => `  ${s.name}: { executor: 'constant-arrival-rate', rate: ${s.rate}, timeUnit: '1s', duration: '${s.duration}', startTime: '${s.startTime}', preAllocatedVUs: ${s.preAllocatedVUs}, maxVUs: ${s.maxVUs} },`,
    ),
    thresholds,
    thresholdLines: thresholds.map(([metric, rule]) => `  ${/^[a-z_]+$/.test(metric!) ? metric : `'${metric}'`}: ['${rule}'],`),
    requests,
    generators,
    distributed: generators > 1,
    biggest: { ...biggest, rateText: thousands(biggest.rate) },
    ceiling: { vus: thousands(GENERATOR_MAX_VUS), rps: thousands(GENERATOR_MAX_RPS) },
    segments: segmentCommands(generators),
  };
}

/** The `--execution-segment` flags that split one run across n generators. */
function segmentCommands(n: number): string[] {
  if (n <= 1) return [];
  const cut = (i: number) => (i === 0 ? '0' : i === n ? '1' : `${i}/${n}`);
  const sequence = Array.from({ length: n + 1 }, (_, i) => cut(i)).join(',');
  return Array.from({ length: n }, (_, i) => `--execution-segment '${cut(i)}:${cut(i + 1)}' --execution-segment-sequence '${sequence}'`);
}

export function renderLoadTest(context: RenderContext, lib: Library, operations: ApiOperations = {}): string {
  return renderTemplate(docTemplate(lib, 'load-test.k6.js'), { ...context, load: loadTestData(context, operations) });
}
