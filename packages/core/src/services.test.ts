/**
 * A monorepo's services end to end in the pure core: detected from a workspace of three services in
 * two languages, each with its own docs naming only its stack, the agent's services table, the nested
 * AGENTS.md chain within Codex's 32 KiB, re-runs that add and drop services, and the same at 1,000
 * packages (correctness only: the timings are scripts/bench.mjs's).
 */
import { describe, expect, it } from 'vitest';
import { detectRepo } from './detect/detect.js';
import { detectedAnswers } from './detect/answers.js';
import { viewFromObject } from './repo-view.js';
import { REPOS } from './test-support/repos.js';
import { generatedWorkspace } from './test-support/workspace.js';
import { parseSetFlag, resolveAnswers, type AnswerLayer } from './answers/resolve.js';
import { library } from './library/index.js';
import { generate } from './generate.js';
import { MANIFEST_PATH } from './paths.js';
import { CORE_MAX_CHARACTERS } from './formats/core.js';
import { AGENTS_MD_CHAIN_MAX_BYTES } from './formats/agents-md-nested.js';
import { serviceAnswers, servicePaths } from './services.js';
import { foreignNameCheck } from '../build/combinations.js';
import { run } from './test-support/runs.js';
import { InputError } from './errors.js';
import type { Answers } from './answers/schema.js';

const DATE = '2026-12-01';
const shop = detectedAnswers(detectRepo(viewFromObject(REPOS['shop-monorepo'])));
const resolve = (...layers: AnswerLayer['values'][]) => resolveAnswers([{ source: 'detected', values: shop.values }, ...layers.map((values, i) => ({ source: `layer ${i}`, values }))], library).answers;
const sets = (...expressions: string[]) => expressions.map(parseSetFlag);
const ALL_FORMATS = { outputs: { formats: ['claude', 'agents-md', 'copilot', 'codex'] } };
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('services detected from a workspace of three services in two languages', () => {
  it('are answered with their folder, the package name the team knows, and their own stack; the shared library is not one', () => {
    const services = resolve().services;
    expect(services.map((s) => [s.name, s.path, s.package])).toEqual([
      ['ledger', 'services/ledger', 'github.com/shop/ledger'],
      ['orders', 'services/orders', '@shop/orders'],
      ['payments', 'services/payments', '@shop/payments'],
    ]);
    const stack = (name: string) => services.find((s) => s.name === name)!.stack;
    expect(stack('orders')).toMatchObject({ languages: ['typescript'], frameworks: ['express'], datastores: ['mongodb'], messaging: ['kafka'], cloud: [] });
    expect(stack('payments')).toMatchObject({ languages: ['typescript'], frameworks: ['fastify'], datastores: ['postgresql'], messaging: ['sqs-sns'], cloud: ['aws'] });
    expect(stack('ledger')).toMatchObject({ languages: ['go'], frameworks: ['gin'], datastores: ['redis'], messaging: ['rabbitmq'] });
    // The evidence of each service's name is the manifest line it comes from.
    expect(shop.evidence.services!.orders).toEqual([{ file: 'services/orders/package.json', detail: 'name @shop/orders' }]);
    expect(shop.evidence.services!.ledger).toEqual([{ file: 'services/ledger/go.mod', detail: 'module github.com/shop/ledger' }]);
  });

  it('the repository stack holds every service stack, so the skills cover them all', () => {
    const answers = resolve({ services: { billing: { path: 'services/billing', stack: { languages: ['java'], frameworks: ['spring-boot'] } } } });
    expect(answers.stack.languages).toEqual(['typescript', 'go', 'java']);
    expect(answers.stack.frameworks).toContain('spring-boot');
  });
});

describe('--set services.<name>.<key> and services=<names>', () => {
  it('edits one service by name and leaves the others', () => {
    const answers = resolve(...sets('services.orders.team=checkout', 'services.orders.targets.p99LatencyMs=120', 'services.ledger.stack.datastores=postgresql,redis'));
    const orders = answers.services.find((s) => s.name === 'orders')!;
    expect(orders.team).toBe('checkout');
    expect(orders.targets.p99LatencyMs).toBe(120);
    expect(answers.services.find((s) => s.name === 'ledger')!.stack.datastores).toEqual(['postgresql', 'redis']);
    expect(answers.services.find((s) => s.name === 'payments')!.team).toBe('');
    expect(serviceAnswers(answers, orders).targets).toMatchObject({ p99LatencyMs: 120, throughputRps: answers.targets.throughputRps });
  });

  it('adds a service not in the list, and keeps only the ones named', () => {
    const added = resolve(...sets('services.billing.path=services/billing', 'services.billing.stack.languages=go', 'services.billing.stack.frameworks=gin'));
    expect(added.services.map((s) => s.name)).toEqual(['ledger', 'orders', 'payments', 'billing']);
    const kept = resolve(...sets('services=payments,orders'));
    expect(kept.services.map((s) => s.name)).toEqual(['payments', 'orders']);
  });

  it('refuses an unknown service key, an unknown name to keep, a technology it does not know, and two services in one folder', () => {
    expect(() => parseSetFlag('services.orders.owner=x')).toThrow(/Unknown service answer "services\.orders\.owner".*A service takes path, package, team/s);
    expect(() => resolve(...sets('services=orders,shipping'))).toThrow(/names "shipping", not among the services: ledger, orders, payments/);
    expect(() => resolve(...sets('services.orders.stack.datastores=mongo-db'))).toThrow(/Unknown datastore "mongo-db" in services\.orders\.stack\.datastores/);
    expect(() => resolve(...sets('services.copy.path=services/orders'))).toThrow(/two services have the path "services\/orders"/);
    expect(() => resolve(...sets('services.orders.path=../elsewhere'))).toThrow(InputError);
  });

  it('a repository without services keeps every existing answer as it was', () => {
    const single = resolveAnswers([{ source: 'detected', values: detectedAnswers(detectRepo(viewFromObject(REPOS['go-gin']))).values }], library).answers;
    expect(single.services).toEqual([]);
    const files = [...generate(single, { date: DATE, toolVersion: '0.0.0' }).keys()];
    expect(files).toContain('docs/runbooks/ledger.md');
    expect(files).toContain('docs/adr/0002-technology-stack-for-ledger.md');
    expect(files.some((p) => p.endsWith('/AGENTS.md'))).toBe(false);
  });
});

describe('each service gets its own docs', () => {
  const answers = resolve(ALL_FORMATS, ...sets('services.orders.team=checkout'));
  const tree = generate(answers, { date: DATE, toolVersion: '0.0.0' });
  const docs = [...tree.keys()].filter((p) => !p.includes('/skills/') && p !== MANIFEST_PATH);

  it('under each service folder by default; the root keeps its ADR log and no repository-wide runbook or stack record', () => {
    expect(docs).toEqual([
      '.adr-dir', '.claude/agents/backend-staff.md', '.codex/agents/backend-staff.toml', '.github/agents/backend-staff.agent.md', 'AGENTS.md',
      'docs/adr/0001-record-architecture-decisions.md',
      ...['ledger', 'orders', 'payments'].flatMap((s) => [
        `services/${s}/AGENTS.md`, `services/${s}/docs/adr/0001-technology-stack-for-${s}.md`, `services/${s}/docs/runbooks/${s}.md`,
        `services/${s}/docs/runbooks/${s}.rules.yaml`, `services/${s}/docs/testing/${s}.k6.js`, `services/${s}/docs/testing/test-strategy.md`,
      ]),
    ]);
  });

  it('centrally under docs/ with the service name, with one switch', () => {
    const central = generate(resolve(...sets('outputs.docsLayout=central')), { date: DATE, toolVersion: '0.0.0' });
    const paths = [...central.keys()].filter((p) => p.startsWith('docs/'));
    expect(paths).toEqual([
      'docs/adr/0001-record-architecture-decisions.md',
      'docs/adr/ledger/0001-technology-stack-for-ledger.md', 'docs/adr/orders/0001-technology-stack-for-orders.md', 'docs/adr/payments/0001-technology-stack-for-payments.md',
      'docs/runbooks/ledger.md', 'docs/runbooks/ledger.rules.yaml', 'docs/runbooks/orders.md', 'docs/runbooks/orders.rules.yaml',
      'docs/runbooks/payments.md', 'docs/runbooks/payments.rules.yaml',
      'docs/testing/ledger-test-strategy.md', 'docs/testing/ledger.k6.js', 'docs/testing/orders-test-strategy.md', 'docs/testing/orders.k6.js',
      'docs/testing/payments-test-strategy.md', 'docs/testing/payments.k6.js',
    ]);
  });

  it("each service's runbook, test strategy and stack record name only its own stack, its own name and its owner", () => {
    for (const service of answers.services) {
      const own = serviceAnswers(answers, service);
      const check = foreignNameCheck(own);
      const paths = servicePaths(answers, service);
      const files = [paths.runbook, paths.alertRules, paths.testStrategy, paths.loadTest, `${paths.adrDir}/0001-technology-stack-for-${service.name}.md`];
      for (const path of files) {
        const text = tree.get(path)!;
        expect(text, path).toContain(service.name);
        expect(check(path, text), path).toEqual([]);
      }
      // The runbook's alert table points to the rules beside it, which select this service's job.
      expect(tree.get(paths.runbook)).toContain(`\`${service.name}.rules.yaml\` beside this runbook`);
      expect(tree.get(paths.alertRules)).toContain(`job="${service.name}"`);
    }
    expect(tree.get('services/orders/docs/runbooks/orders.md')).toContain('- Owning team: checkout');
    expect(tree.get('services/ledger/docs/runbooks/ledger.md')).toContain('{owning-team}');
    // The check sees a foreign name: the orders runbook would fail with the payments stack.
    const payments = serviceAnswers(answers, answers.services.find((s) => s.name === 'payments')!);
    expect(foreignNameCheck(payments)('runbook', tree.get('services/orders/docs/runbooks/orders.md')!).map((f) => f.name)).toEqual(expect.arrayContaining(['Express', 'MongoDB', 'Apache Kafka']));
  });

  it('the agent holds a services table: path, package, stack, owner and targets of each, and where their docs are', () => {
    const agent = tree.get('.claude/agents/backend-staff.md')!;
    const rows = agent.split('\n').filter((l) => /^\| (ledger|orders|payments) \|/.test(l));
    expect(rows).toEqual([
      '| ledger | `services/ledger` | `github.com/shop/ledger` | Go, Gin, Redis, RabbitMQ | – | p99 200 ms, 1000 rps, 99.9% |',
      '| orders | `services/orders` | `@shop/orders` | TypeScript (Node.js), Express, MongoDB, Apache Kafka | checkout | p99 200 ms, 1000 rps, 99.9% |',
      '| payments | `services/payments` | `@shop/payments` | TypeScript (Node.js), Fastify, PostgreSQL, Amazon SQS/SNS, AWS | – | p99 200 ms, 1000 rps, 99.9% |',
    ]);
    expect(agent).toContain("A technology's rules below apply only in the services whose stack names it.");
    expect(agent).toContain('- `<folder>/docs/runbooks/<service>.md`: the on-call runbook');
    expect(agent).toContain('its stack record is in `<folder>/docs/adr/`');
    for (const path of ['.claude/agents/backend-staff.md', '.github/agents/backend-staff.agent.md', 'AGENTS.md']) expect(tree.get(path)!.length, path).toBeLessThanOrEqual(CORE_MAX_CHARACTERS);
  });

  it('a nested AGENTS.md in each service folder says what differs there, and the chain from the root stays within 32 KiB', () => {
    const root = tree.get('AGENTS.md')!;
    for (const service of answers.services) {
      const nested = tree.get(`${service.path}/AGENTS.md`)!;
      expect(bytes(root) + bytes(nested), service.name).toBeLessThanOrEqual(AGENTS_MD_CHAIN_MAX_BYTES);
      expect(nested).toMatch(/<!-- backend-agent:begin[\s\S]*<!-- backend-agent:end -->\n$/);
      expect(nested).toContain(`- Runbook: \`${servicePaths(answers, service).runbook}\``);
      expect(foreignNameCheck(serviceAnswers(answers, service))(`${service.path}/AGENTS.md`, nested), service.name).toEqual([]);
    }
    expect(tree.get('services/orders/AGENTS.md')).toContain('read the references of this stack: `typescript.md`, `express.md`, `mongodb.md`, `kafka.md`');
  });

  it('budgets the chain, not each file: a long root AGENTS.md of yours leaves the services fewer rules, and too long a one is refused', () => {
    const mine = `# Our repository\n\n${'Notes the team keeps about the repository and how we work in it. '.repeat(260)}\n\n`;
    const long = generate(answers, { date: DATE, toolVersion: '0.0.0', agentsMd: mine });
    const root = long.get('AGENTS.md')!;
    expect(root.startsWith(mine)).toBe(true);
    for (const service of answers.services) {
      const nested = long.get(`${service.path}/AGENTS.md`)!;
      expect(bytes(root) + bytes(nested), service.name).toBeLessThanOrEqual(AGENTS_MD_CHAIN_MAX_BYTES);
      expect(nested.length, service.name).toBeLessThan(tree.get(`${service.path}/AGENTS.md`)!.length);
    }
    // Room for the root's own block, not for any service's beside it.
    const tooLong = `# Ours\n\n${'x'.repeat(AGENTS_MD_CHAIN_MAX_BYTES - bytes(tree.get('AGENTS.md')!) - 300)}\n`;
    expect(bytes(generate({ ...answers, services: [] }, { date: DATE, toolVersion: '0.0.0', agentsMd: tooLong }).get('AGENTS.md')!)).toBeLessThanOrEqual(AGENTS_MD_CHAIN_MAX_BYTES);
    expect(() => generate(answers, { date: DATE, toolVersion: '0.0.0', agentsMd: tooLong })).toThrow(/AGENTS\.md and services\/\w+\/AGENTS\.md would be [\d,]+ bytes together; Codex reads at most 32,768/);
  });

  it("keeps the user's text around the block of a service's own AGENTS.md", () => {
    const theirs = '# Orders\n\nRun `pnpm dev` here.\n';
    const kept = generate(answers, { date: DATE, toolVersion: '0.0.0', nestedAgentsMd: new Map([['services/orders/AGENTS.md', theirs]]) });
    expect(kept.get('services/orders/AGENTS.md')!.startsWith(`${theirs}\n<!-- backend-agent:begin`)).toBe(true);
  });
});

describe('re-runs in a monorepo', () => {
  const base = resolve(ALL_FORMATS);
  const first = run(new Map(), base).disk;

  it('merge the edits of a service doc like any other file', () => {
    const edited = new Map(first);
    const path = 'services/orders/docs/runbooks/orders.md';
    edited.set(path, `${first.get(path)}\n## Our notes\n\nThe orders backlog drains slowly on Mondays.\n`);
    const again = run(edited, resolve(ALL_FORMATS, ...sets('services.orders.team=checkout')));
    expect(again.kind(path)).toBe('merged');
    expect(again.disk.get(path)).toContain('- Owning team: checkout');
    expect(again.disk.get(path)).toContain('The orders backlog drains slowly on Mondays.');
  });

  it("adding a service adds its docs; removing one reports its docs as no longer generated and leaves them", () => {
    const added = run(first, resolve(ALL_FORMATS, ...sets('services.billing.path=services/billing', 'services.billing.stack.languages=go')));
    for (const path of ['services/billing/docs/runbooks/billing.md', 'services/billing/docs/testing/test-strategy.md', 'services/billing/docs/adr/0001-technology-stack-for-billing.md', 'services/billing/AGENTS.md']) {
      expect(added.kind(path), path).toBe('create');
    }
    const withBilling = sets('services.billing.path=services/billing', 'services.billing.stack.languages=go');
    const removed = run(added.disk, resolve(ALL_FORMATS, ...withBilling, ...sets('services=orders,payments,billing')));
    expect(removed.plan.noLongerGenerated).toEqual([
      'services/ledger/AGENTS.md', 'services/ledger/docs/adr/0001-technology-stack-for-ledger.md', 'services/ledger/docs/runbooks/ledger.md',
      'services/ledger/docs/runbooks/ledger.rules.yaml', 'services/ledger/docs/testing/ledger.k6.js', 'services/ledger/docs/testing/test-strategy.md',
    ]);
    for (const path of removed.plan.noLongerGenerated!) expect(removed.disk.get(path), path).toBe(added.disk.get(path));
    expect(removed.decision.removes).toEqual([]);
    // Reported once: the next run's manifest no longer records them.
    expect(run(removed.disk, resolve(ALL_FORMATS, ...withBilling, ...sets('services=orders,payments,billing'))).plan.noLongerGenerated).toBeUndefined();
  });

  it('switching the docs layout moves each doc with its edits', () => {
    const edited = new Map(first);
    const path = 'services/payments/docs/testing/test-strategy.md';
    edited.set(path, `${first.get(path)}\nWe run contract tests nightly.\n`);
    const moved = run(edited, resolve(ALL_FORMATS, ...sets('outputs.docsLayout=central')));
    const change = moved.plan.changes.find((c) => c.path === 'docs/testing/payments-test-strategy.md')!;
    expect(change).toMatchObject({ kind: 'moved', from: path });
    expect(moved.disk.get('docs/testing/payments-test-strategy.md')).toContain('We run contract tests nightly.');
    expect(moved.disk.has(path)).toBe(false);
    // The alert rules move with their runbook.
    expect(moved.plan.changes.find((c) => c.path === 'docs/runbooks/payments.rules.yaml')).toMatchObject({ kind: 'moved', from: 'services/payments/docs/runbooks/payments.rules.yaml' });
  });
});

describe('a generated workspace of 1,000 packages, 200 of them services', () => {
  const workspace = generatedWorkspace(1000, 200);
  const detection = detectRepo(viewFromObject(workspace.files));
  const detected = detectedAnswers(detection);
  let answers: Answers;

  it('detects every package, and answers the 200 services with their own stacks and package names', () => {
    expect(detection.monorepo!.packages).toHaveLength(1000);
    answers = resolveAnswers([{ source: 'detected', values: detected.values }, { source: '--set', values: ALL_FORMATS }], library).answers;
    expect(answers.services.map((s) => s.path)).toEqual(workspace.services);
    const svc = (n: number) => answers.services.find((s) => s.path === `services/svc-${String(n).padStart(4, '0')}`)!;
    expect(svc(0)).toMatchObject({ package: '@corp/svc-0000', stack: { frameworks: ['fastify'], datastores: ['postgresql'], messaging: ['kafka'] } });
    expect(svc(3)).toMatchObject({ package: 'github.com/corp/platform/svc-0003', stack: { languages: ['go'], frameworks: ['gin'], messaging: ['nats'] } });
    expect(svc(4)).toMatchObject({ package: 'svc-0004', stack: { languages: ['python'], frameworks: ['fastapi'], datastores: ['postgresql', 'redis'] } });
  });

  it('writes every service its docs, keeps the core within its limit with the table in a file of its own, and every chain within 32 KiB', () => {
    const tree = generate(answers, { date: DATE, toolVersion: '0.0.0' });
    const runbooks = [...tree.keys()].filter((p) => /^services\/svc-\d+\/docs\/runbooks\/svc-\d+\.md$/.test(p));
    expect(runbooks).toHaveLength(200);
    expect([...tree.keys()].filter((p) => /^services\/svc-\d+\/docs\/runbooks\/svc-\d+\.rules\.yaml$/.test(p))).toHaveLength(200);
    const agent = tree.get('.claude/agents/backend-staff.md')!;
    expect(agent.length).toBeLessThanOrEqual(CORE_MAX_CHARACTERS);
    expect(agent).toContain('The table of services (path, package, stack, owner, targets) is `docs/services.md`');
    const index = tree.get('docs/services.md')!;
    expect(index.split('\n').filter((l) => /^\| svc-\d+ \|/.test(l))).toHaveLength(200);
    expect(index).toContain('| svc-0003 | `services/svc-0003` | `github.com/corp/platform/svc-0003` | Go, Gin, PostgreSQL, NATS (JetStream) |');
    const root = bytes(tree.get('AGENTS.md')!);
    for (const dir of workspace.services) expect(root + bytes(tree.get(`${dir}/AGENTS.md`)!), dir).toBeLessThanOrEqual(AGENTS_MD_CHAIN_MAX_BYTES);
  });
});
