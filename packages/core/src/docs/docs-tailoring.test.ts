/** The runbook and the test strategy follow the stack: two contrasting stacks, compared. */
import { describe, expect, it } from 'vitest';
import { generate } from '../generate.js';
import { library } from '../library/index.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import { mentionPattern } from '../test-support/mentions.js';
import { placeholdersIn } from './runbook.js';
import type { AnswersInput } from '../answers/schema.js';

const opts = { date: TEST_DATE, toolVersion: '9.9.9' };

const STACKS: Record<'ledger' | 'catalog', AnswersInput> = {
  ledger: {
    service: { name: 'ledger' },
    stack: { languages: ['go'], frameworks: ['gin'], datastores: ['postgresql'], messaging: ['kafka'], cloud: ['gcp'], infrastructure: ['kubernetes', 'helm'], apiStyles: ['grpc'] },
    targets: { p99LatencyMs: 50, throughputRps: 8000, availability: 99.95, coverage: 85 },
    collaboration: { escalatesTo: ['payments-architect'] },
  },
  catalog: {
    service: { name: 'catalog', team: 'Catalog Squad' },
    stack: { languages: ['python'], frameworks: ['fastapi'], datastores: ['dynamodb'], messaging: ['sqs-sns'], cloud: ['aws'], infrastructure: ['serverless', 'terraform'], apiStyles: ['rest', 'graphql'] },
    targets: { p99LatencyMs: 400, throughputRps: 300, availability: 99.5, coverage: 70 },
    collaboration: { escalatesTo: ['sre-lead', 'principal-architect'] },
  },
};

function docsFor(name: keyof typeof STACKS) {
  const answers = answersWith(STACKS[name]);
  const tree = generate(answers, opts);
  return {
    answers,
    runbook: tree.get(`docs/runbooks/${name}.md`)!,
    strategy: tree.get('docs/testing/test-strategy.md')!,
    chosen: new Set<string>(Object.values(answers.stack).flat()),
  };
}

const ledger = docsFor('ledger');
const catalog = docsFor('catalog');

describe('runbook and test strategy for contrasting stacks', () => {
  it.each([['ledger', ledger], ['catalog', catalog]] as const)('the %s docs mention no technology that was not chosen', (_, docs) => {
    const unchosen = library.facets.filter((f) => !docs.chosen.has(f.id) && f.kind !== 'compliance');
    for (const [doc, text] of [['runbook', docs.runbook], ['test strategy', docs.strategy]] as const) {
      const leaks = unchosen.filter((f) => mentionPattern(f).test(text)).map((f) => `${f.id} (${mentionPattern(f).exec(text)![0]})`);
      expect(leaks, doc).toEqual([]);
    }
  });

  it('takes alerts from the chosen datastores, brokers and platforms', () => {
    expect(ledger.runbook).toMatch(/\| PostgresReplicationLagHigh \|.+\| page \|/);
    expect(ledger.runbook).toMatch(/\| KafkaConsumerLagHigh \|/);
    // gRPC brings its own burn-rate alert on the SLO, so the generic pair is not repeated.
    expect(ledger.runbook).toMatch(/\| GrpcErrorBudgetBurnFast \|/);
    expect(ledger.runbook).not.toMatch(/\| LedgerErrorBudgetBurnFast \|/);
    expect(catalog.runbook).not.toMatch(/Postgres|Kafka/);
    expect(catalog.runbook).toMatch(/\| ApiLatencySloBurn \|/);
    expect(catalog.runbook).not.toMatch(/\| CatalogLatencyP99High \|/);
    const alertNames = (text: string) => [.../## Alerts\n([\s\S]*?)\n## /.exec(text)![1]!.matchAll(/^\| ([A-Z][A-Za-z0-9]+) \|/gm)].map((m) => m[1]).filter((name) => name !== 'Alert');
    expect(alertNames(ledger.runbook).length).toBeGreaterThan(8);
    const shared = alertNames(ledger.runbook).filter((a) => alertNames(catalog.runbook).includes(a));
    expect(shared).toEqual([]);
  });

  it('keeps generic SLO alerts for a stack whose API styles bring none', () => {
    const worker = generate(answersWith({ service: { name: 'billing-worker' }, stack: { languages: ['go'], messaging: ['kafka'], apiStyles: [] } }), opts).get('docs/runbooks/billing-worker.md')!;
    expect(worker).toMatch(/\| BillingWorkerErrorBudgetBurnFast \|/);
    expect(worker).toMatch(/\| BillingWorkerLatencyP99High \| p99 above 200 ms/);
  });

  it('leaves out the alerts of a platform that does not run the code (Docker under Kubernetes)', () => {
    const alerts = (infrastructure: string[]) =>
      generate(answersWith({ service: { name: 'orders' }, stack: { languages: ['go'], infrastructure } }), opts).get('docs/runbooks/orders.md')!;
    expect(alerts(['docker'])).toMatch(/\| ContainerUnhealthy \|/);
    const onCluster = alerts(['docker', 'kubernetes']);
    expect(onCluster).not.toMatch(/\| ContainerUnhealthy \||docker compose/);
    expect(onCluster).toMatch(/\| KubePodCrashLooping \|/);
  });

  it('gives the deploy and rollback commands of the chosen platform', () => {
    // Helm deploys the ledger, so it rolls back with Helm too; kubectl stays for inspection.
    expect(ledger.runbook).toContain('`ledger` is deployed with Helm: roll back the same way');
    expect(ledger.runbook).toMatch(/^helm rollback ledger \{previous-revision\} /m);
    expect(ledger.runbook).toContain('kubectl -n {namespace} get events');
    expect(ledger.runbook).not.toMatch(/^kubectl .*rollout undo/m);
    expect(ledger.runbook).not.toMatch(/^gcloud run (deploy|services update-traffic)/m);
    expect(ledger.runbook).not.toMatch(/^(terraform|aws|sam|serverless) /m);
    expect(catalog.runbook).not.toMatch(/^(kubectl|helm) /m);
    expect(catalog.runbook).toMatch(/^terraform apply /m);
    expect(catalog.runbook).toContain('`catalog` is deployed with Serverless functions');
    expect(catalog.runbook).toMatch(/^aws lambda update-alias /m);
    expect(catalog.runbook).not.toMatch(/^(gcloud|az) /m); // the serverless facet's commands for other clouds
    expect(catalog.runbook).not.toMatch(/^aws ecs update-service/m);
  });

  it('escalates to the collaboration answers and owns the SLOs of the targets', () => {
    expect(ledger.runbook).toContain('| payments-architect | The fix needs an architectural or cross-team decision |');
    expect(catalog.runbook).toContain('| sre-lead |');
    expect(catalog.runbook).toContain('| Catalog Squad on-call (secondary) |');
    expect(ledger.runbook).toContain('| 99.95% | 21.6 minutes');
    expect(catalog.runbook).toContain('| 99.5% | 216 minutes');
  });

  it('lists every placeholder once at the top, and only a few', () => {
    for (const runbook of [ledger.runbook, catalog.runbook]) {
      const listed = /^Fill in before the first on-call shift: (.+)\.$/m.exec(runbook)![1]!;
      const found = placeholdersIn(runbook.replace(/^Fill in before.*$/m, ''));
      expect(found.length).toBeLessThanOrEqual(12);
      for (const p of found) expect(listed).toContain(`\`${p}\``);
    }
    expect(catalog.runbook).not.toContain('{owning-team}');
  });

  it('names the test tools of the chosen languages and frameworks', () => {
    expect(ledger.strategy).toMatch(/testcontainers-go|go test/);
    expect(catalog.strategy).toMatch(/pytest/);
    expect(catalog.strategy).not.toMatch(/go test|testcontainers-go/);
    expect(ledger.strategy).not.toMatch(/pytest/);
  });

  it('picks contract tests by API style: consumer-driven for REST, schema breaking-change checks for gRPC and GraphQL', () => {
    const contracts = (text: string) => /### Contract tests\n([\s\S]*?)\n### /.exec(text)![1]!;
    expect(contracts(ledger.strategy)).toContain('buf breaking');
    expect(contracts(ledger.strategy)).not.toMatch(/OpenAPI|graphql-inspector/);
    expect(contracts(catalog.strategy)).toMatch(/consumer-driven/i);
    expect(contracts(catalog.strategy)).toContain('can-i-deploy');
    expect(contracts(catalog.strategy)).toContain('graphql-inspector');
    expect(contracts(catalog.strategy)).not.toContain('buf breaking');
  });

  it('derives load-test thresholds from the p99 and throughput targets, in the protocol of the API', () => {
    const ledgerK6 = generate(ledger.answers, opts).get('docs/testing/ledger.k6.js')!;
    const catalogK6 = generate(catalog.answers, opts).get('docs/testing/catalog.k6.js')!;
    expect(ledgerK6).toContain("import grpc from 'k6/net/grpc';");
    expect(ledgerK6).toContain("'grpc_req_duration{scenario:peak}': ['p(99)<50']");
    expect(ledgerK6).toMatch(/peak: \{ executor: 'constant-arrival-rate', rate: 8000,/);
    expect(catalogK6).toContain("'http_req_duration{scenario:peak}': ['p(99)<400']");
    expect(catalogK6).toContain("'http_req_failed{scenario:peak}': ['rate<0.005']");
    expect(catalogK6).toMatch(/stress: \{ executor: 'constant-arrival-rate', rate: 600,/);
    expect(ledger.strategy).toContain('| peak | 8,000 per second (the target) | 10m | 800 / 4000 | p99 reaches 50 ms');
    expect(catalog.strategy).toContain('`docs/testing/catalog.k6.js`');
  });

  it('keeps the gates, security scans and policies every strategy needs', () => {
    for (const strategy of [ledger.strategy, catalog.strategy]) {
      for (const section of ['## Coverage gate', '### Security tests', '### Resilience tests', '## Test data and environments', '## CI gates', '## Flaky tests']) expect(strategy).toContain(section);
      expect(strategy).toMatch(/SAST/);
      expect(strategy).toMatch(/dependency scanning/);
    }
    // A DAST scanner speaks HTTP: the REST and GraphQL catalog gets one, the gRPC-only ledger does not.
    expect(catalog.strategy).toMatch(/DAST baseline/);
    expect(ledger.strategy).not.toMatch(/DAST|OWASP ZAP/);
    // One coverage gate, stated once.
    for (const [strategy, gate] of [[ledger.strategy, 85], [catalog.strategy, 70]] as const) {
      expect(strategy).toContain(`CI fails a pull request when line coverage of the service's own code is under ${gate}%`);
      expect(strategy.match(new RegExp(`\\b${gate}%`, 'g'))).toHaveLength(1);
      expect(strategy).not.toMatch(/coverage of changed code/);
    }
  });
});
