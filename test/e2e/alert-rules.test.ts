/**
 * The Prometheus rules file beside the runbook, against the real promtool (Debian's `prometheus`
 * package): `promtool check rules` on the file of the default answers and of every preset, and
 * `promtool test rules` on synthetic series built from the same alert data: each paging alert fires
 * on a series that breaks its target and stays quiet on a healthy one (for four sets of answers).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import fs from 'fs-extra';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { generate } from '../../packages/core/src/generate.js';
import { renderRunbook, renderRunbookRules } from '../../packages/core/src/docs/runbook.js';
import { library } from '../../packages/core/src/library/index.js';
import { resolveAnswers, type AnswerLayer } from '../../packages/core/src/answers/resolve.js';
import { outputPaths } from '../../packages/core/src/paths.js';
import { buildContext } from '../../packages/core/src/render/context.js';
import { BURN_RATES, sliMetrics } from '../../packages/core/src/docs/alerts.js';
import type { Answers } from '../../packages/core/src/answers/schema.js';
import { tempDir } from '../support/cli.js';
import { hasPromtool, toolAvailable } from '../support/tools.js';

const DATE = '2026-12-01';
interface Rule { alert?: string; record?: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
interface RulesFile { groups: Array<{ name: string; rules: Rule[] }> }

const SETS: Array<[string, AnswerLayer[]]> = [
  ['default answers', []],
  ...library.presets.map((p): [string, AnswerLayer[]] => [`--preset ${p.name}`, [{ source: 'preset', values: p.answers as never }]]),
  // gRPC only: the RPC histogram in milliseconds; a 99.99% target: a budget of 0.0001.
  ['gRPC-only, 99.99%', [{ source: '--set', values: { service: { name: 'ledger' }, stack: { languages: ['go'], apiStyles: ['grpc'] }, targets: { availability: 99.99, p99LatencyMs: 50 } } }]],
];

/** The runbook and its rules, rendered as generate() renders them (without the agent and skills). */
function docsOf(answers: Answers): { text: string; file: RulesFile; runbook: string } {
  const context = buildContext(answers, library, DATE);
  const text = renderRunbookRules(context, library);
  return { text, file: parse(text) as RulesFile, runbook: renderRunbook(context, library) };
}

/** A counter growing by `perMinute` a minute for `minutes` minutes, in promtool's series notation. */
const counter = (perMinute: number, minutes: number) => `0+${Number(perMinute.toPrecision(8))}x${minutes}`;

/**
 * promtool's unit-test file for one rules file: per paging alert, a breaking series in which it
 * fires and a healthy series in which no alert fires. Thresholds come from the answers, exactly as
 * the generator derived them, so a drift between the two shows up here.
 */
function promtoolTests(rulesPath: string, answers: Answers, file: RulesFile) {
  const context = buildContext(answers, library, DATE);
  const metrics = sliMetrics(context);
  const job = answers.ops.metricsJob || answers.service.name;
  const budget = 1 - context.targets.availability / 100;
  const alerts = file.groups.flatMap((g) => g.rules).filter((r) => r.alert);
  const paging = alerts.filter((r) => r.labels?.severity === 'page');
  const errorLabel = metrics.errorMatcher.startsWith('rpc_') ? { name: 'rpc_grpc_status_code', bad: '14', good: '0' } : { name: 'http_response_status_code', bad: '500', good: '200' };
  const requests = (errorRatio: number, minutes: number) => [
    { series: `${metrics.histogram}_count{job="${job}", ${errorLabel.name}="${errorLabel.bad}"}`, values: counter(1000 * errorRatio, minutes) },
    { series: `${metrics.histogram}_count{job="${job}", ${errorLabel.name}="${errorLabel.good}"}`, values: counter(1000 * (1 - errorRatio), minutes) },
  ];
  const expected = (rule: Rule) => ({ exp_labels: { ...rule.labels, job }, exp_annotations: rule.annotations });
  const threshold = context.targets.p99LatencyMs * metrics.unitPerMs;
  // Buckets around the target; every request lands in one of them.
  const bounds = [threshold / 4, threshold / 2, threshold, threshold * 2, threshold * 4].map((b) => Number(b.toPrecision(6)));
  const latency = (slowBucket: number, minutes: number) => [
    ...bounds.map((le, i) => ({ series: `${metrics.histogram}_bucket{job="${job}", le="${le}"}`, values: counter(i >= slowBucket ? 1000 : 0, minutes) })),
    { series: `${metrics.histogram}_bucket{job="${job}", le="+Inf"}`, values: counter(1000, minutes) },
  ];
  const tests = [];
  for (const rule of paging) {
    const burn = BURN_RATES.find((b) => rule.alert!.endsWith(b.suffix));
    // Long enough for the longest `for:` of a page (15 m) to pass once the condition holds.
    const minutes = 40;
    const input = burn ? requests(Math.min(1, burn.factor * budget * 1.5), minutes) : latency(4, minutes);
    tests.push({
      name: `${rule.alert} fires when its target is broken`,
      interval: '1m',
      input_series: input,
      alert_rule_test: [{ eval_time: `${minutes - 5}m`, alertname: rule.alert, exp_alerts: [expected(rule)] }],
    });
  }
  // Healthy: half the error budget and every request well inside the latency target.
  tests.push({
    name: 'no paging alert fires on a healthy service',
    interval: '1m',
    input_series: [...requests(budget / 2, 40), ...latency(1, 40).filter((s) => !s.series.includes('_count'))],
    alert_rule_test: paging.map((rule) => ({ eval_time: '35m', alertname: rule.alert, exp_alerts: [] })),
  });
  // Between 6x and 14.4x: the six-hour pair pages, the one-hour pair does not.
  const fast = paging.find((r) => r.alert!.endsWith('ErrorBudgetBurnFast'));
  const medium = paging.find((r) => r.alert!.endsWith('ErrorBudgetBurnMedium'));
  if (fast && medium && 10 * budget < 1) {
    tests.push({
      name: 'a 10x burn pages through the six-hour pair only',
      interval: '1m',
      input_series: requests(10 * budget, 40),
      alert_rule_test: [
        { eval_time: '35m', alertname: fast.alert, exp_alerts: [] },
        { eval_time: '35m', alertname: medium.alert, exp_alerts: [expected(medium)] },
      ],
    });
  }
  return { paging: paging.length, tickets: alerts.length - paging.length, yaml: stringify({ rule_files: [rulesPath], evaluation_interval: '1m', tests }, { lineWidth: 0 }) };
}

describe.skipIf(!toolAvailable('promtool', hasPromtool(), 'apt-get install prometheus (Debian), or put promtool on PATH'))('the alert rules file against promtool', () => {
  let dir: string;
  const counts: Record<string, { paging: number; tickets: number }> = {};
  beforeAll(async () => {
    dir = await tempDir('cba-rules-');
  });

  // One promtool run for all the files (each run starts in a fraction of a second, rendering is what costs).
  it('promtool check rules passes on the file of the default answers and of every preset', async () => {
    const files: string[] = [];
    let ruleCount = 0;
    for (const [name, layers] of SETS) {
      const answers = resolveAnswers(layers, library).answers;
      const { text, file } = docsOf(answers);
      const rulesPath = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.rules.yaml`);
      await fs.writeFile(rulesPath, text);
      files.push(rulesPath);
      ruleCount += file.groups.reduce((n, g) => n + g.rules.length, 0);
      const tests = promtoolTests(rulesPath, answers, file);
      counts[name] = { paging: tests.paging, tickets: tests.tickets };
      await fs.writeFile(rulesPath.replace(/\.rules\.yaml$/, '.test.yaml'), tests.yaml);
    }
    const check = await execa('promtool', ['check', 'rules', ...files], { reject: false });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    const found = [...check.stdout.matchAll(/SUCCESS: (\d+) rules found/g)].map((m) => Number(m[1]));
    expect(found.length).toBe(SETS.length);
    expect(found.reduce((a, b) => a + b, 0)).toBe(ruleCount);
  }, 300_000);

  // promtool evaluates every rule of a file at every step: the pages are the same rules on every
  // preset (only their thresholds differ), so four sets with different targets and APIs suffice.
  const TESTED = ['default answers', '--preset seed-004', '--preset seed-001', 'gRPC-only, 99.99%'];
  it(`promtool test rules: every paging alert fires on its breaking series, none on a healthy one (${TESTED.join('; ')})`, async () => {
    const testFiles = TESTED.map((name) => join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.test.yaml`));
    for (const [name] of SETS) expect(counts[name]?.paging, name).toBeGreaterThanOrEqual(3); // two burn-rate pairs and the p99 alert
    const run = await execa('promtool', ['test', 'rules', ...testFiles], { reject: false });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect((run.stdout + run.stderr).match(/SUCCESS/g)?.length).toBe(TESTED.length);
    console.log(`promtool test rules:\n${run.stdout}${run.stderr}`);
  }, 300_000);

  it("a monorepo's services each get their own rules file beside their runbook, for their own job and stack, and promtool passes them", async () => {
    const services = [
      { name: 'orders', path: 'services/orders', stack: { languages: ['typescript'], frameworks: ['express'], datastores: ['mongodb'], messaging: ['kafka'] } },
      { name: 'ledger', path: 'services/ledger', stack: { languages: ['go'], frameworks: ['gin'], datastores: ['redis'], messaging: ['rabbitmq'], apiStyles: ['grpc'] }, targets: { p99LatencyMs: 50 } },
    ];
    const answers = resolveAnswers([{ source: '--set', values: { services } as never }], library).answers;
    const tree = generate(answers, { date: DATE, toolVersion: '0.0.0' });
    expect(tree.has(outputPaths(answers).alertRules)).toBe(false); // the root is no service of its own
    const files: string[] = [];
    for (const { name, path } of services) {
      const text = tree.get(`${path}/docs/runbooks/${name}.rules.yaml`)!;
      const rules = (parse(text) as RulesFile).groups.flatMap((g) => g.rules);
      expect(rules.filter((r) => r.alert).every((r) => r.annotations?.runbook_url?.startsWith(`${path}/docs/runbooks/${name}.md#`)), name).toBe(true);
      expect(text, name).toContain(`job="${name}"`);
      files.push(join(dir, `${name}.rules.yaml`));
      await fs.writeFile(files.at(-1)!, text);
    }
    // Each stack's own rules: the broker of the one is not in the file of the other.
    expect(tree.get('services/orders/docs/runbooks/orders.rules.yaml')).toMatch(/Kafka/);
    expect(tree.get('services/ledger/docs/runbooks/ledger.rules.yaml')).not.toMatch(/Kafka/);
    const check = await execa('promtool', ['check', 'rules', ...files], { reject: false });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.match(/SUCCESS/g)?.length).toBe(2);
  });

  it('generate() writes the same rules file beside the runbook', () => {
    const answers = resolveAnswers([], library).answers;
    expect(generate(answers, { date: DATE, toolVersion: '0.0.0' }).get(outputPaths(answers).alertRules)).toBe(docsOf(answers).text);
  });

  it('every alert has a for:, a severity, and a runbook_url into its own section of the runbook', () => {
    for (const [, layers] of SETS) {
      const answers = resolveAnswers(layers, library).answers;
      const { file, runbook } = docsOf(answers);
      for (const rule of file.groups.flatMap((g) => g.rules).filter((r) => r.alert)) {
        expect(rule.for, rule.alert).toMatch(/^\d+[smh]$/);
        expect(['page', 'ticket']).toContain(rule.labels?.severity);
        expect(rule.annotations?.runbook_url).toBe(`${outputPaths(answers).runbook}#${rule.alert!.toLowerCase()}`);
        expect(runbook).toContain(`\n### ${rule.alert}\n`);
        expect(runbook).toMatch(new RegExp(`^\\| \\[${rule.alert}\\]\\(#${rule.alert!.toLowerCase()}\\) \\| ${rule.labels!.severity} \\| \`for: ${rule.for}\` \\|$`, 'm'));
      }
    }
  });

  it('reports the alert counts (paging vs ticket) of the default answers and seed-004', () => {
    console.log(`alert rules: ${Object.entries(counts).map(([n, c]) => `${n}: ${c.paging} paging, ${c.tickets} ticket`).join('; ')}`);
    expect(counts['default answers']?.paging).toBe(3);
    expect(counts['--preset seed-004']?.paging).toBe(3);
  });
});
