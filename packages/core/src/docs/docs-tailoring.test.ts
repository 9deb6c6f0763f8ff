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

  const row = (name: string, severity: string) => new RegExp(`^\\| \\[${name}\\]\\(#${name.toLowerCase()}\\) \\| ${severity} \\|`, 'm');

  it('takes alerts from the chosen datastores, brokers and platforms; only the SLO symptoms page', () => {
    expect(ledger.runbook).toMatch(row('PostgresReplicationLagHigh', 'ticket'));
    expect(ledger.runbook).toMatch(row('KafkaConsumerLagHigh', 'ticket'));
    // The burn-rate pages come from the targets, once, whatever the API style (no gRPC duplicate).
    expect(ledger.runbook).toMatch(row('LedgerErrorBudgetBurnFast', 'page'));
    expect(ledger.runbook).toMatch(row('LedgerErrorBudgetBurnSlow', 'ticket'));
    expect(ledger.runbook).not.toMatch(/GrpcErrorBudgetBurnFast|Http5xxRateHigh/);
    expect(catalog.runbook).not.toMatch(/Postgres|Kafka/);
    expect(catalog.runbook).toMatch(row('CatalogLatencyP99AboveTarget', 'page'));
    expect(catalog.runbook).not.toMatch(/ApiLatencySloBurn/);
    const alertNames = (text: string) => [.../## Alerts\n([\s\S]*?)\n## /.exec(text)![1]!.matchAll(/^\| \[([A-Z][A-Za-z0-9]+)\]/gm)].map((m) => m[1]);
    for (const runbook of [ledger.runbook, catalog.runbook]) {
      const pages = [...runbook.matchAll(/^\| \[(\w+)\]\(#\w+\) \| page \|/gm)].map((m) => m[1]);
      expect(pages.every((name) => /ErrorBudgetBurn(Fast|Medium)$|LatencyP99AboveTarget$/.test(name!)), pages.join(', ')).toBe(true);
    }
    expect(alertNames(ledger.runbook).length).toBeGreaterThan(8);
    const shared = alertNames(ledger.runbook).filter((a) => alertNames(catalog.runbook).includes(a));
    expect(shared).toEqual([]);
  });

  it('gives every alert a section its rule links to', () => {
    for (const name of ['LedgerErrorBudgetBurnFast', 'PostgresReplicationLagHigh']) expect(ledger.runbook).toContain(`\n### ${name}\n`);
    const rules = generate(ledger.answers, opts).get('docs/runbooks/ledger.rules.yaml')!;
    expect(rules).toContain('runbook_url: docs/runbooks/ledger.md#ledgererrorbudgetburnfast');
    // gRPC-only: the OpenTelemetry RPC histogram in milliseconds, and the runbook says so.
    expect(rules).toContain('histogram_quantile(0.99, sum by (job, le) (rate(rpc_server_duration_milliseconds_bucket{job="ledger"}[5m]))) > 50');
    expect(ledger.runbook).toContain('`rpc_server_duration_milliseconds_bucket`');
  });

  it('leaves out the alerts of a platform that does not run the code (Docker under Kubernetes or on ECS)', () => {
    const alerts = (infrastructure: string[], cloud: string[] = []) =>
      generate(answersWith({ service: { name: 'orders' }, stack: { languages: ['go'], infrastructure, cloud } }), opts).get('docs/runbooks/orders.md')!;
    expect(alerts(['docker'])).toMatch(/### ContainerUnhealthy/);
    expect(alerts(['docker'])).toContain('### Docker Compose');
    const onEcs = alerts(['docker'], ['aws']);
    expect(onEcs).toContain('### Amazon ECS');
    expect(onEcs).not.toMatch(/ContainerUnhealthy|docker compose/);
    const onCluster = alerts(['docker', 'kubernetes']);
    expect(onCluster).not.toMatch(/ContainerUnhealthy|docker compose/);
    expect(onCluster).toMatch(/### KubePodCrashLooping/);
  });

  it('gives the deploy and rollback commands of the chosen platform, alternatives as alternatives', () => {
    // Helm deploys the ledger on GKE, so it rolls back with Helm too; kubectl stays for inspection.
    expect(ledger.runbook).toContain('### Google Kubernetes Engine');
    expect(ledger.runbook).toMatch(/^helm rollback ledger \{helm-revision\} -n \{namespace\} /m);
    expect(ledger.runbook).toMatch(/^gcloud container clusters get-credentials \{cluster\} /m);
    expect(ledger.runbook).toContain('kubectl -n {namespace} get events');
    expect(ledger.runbook).not.toMatch(/^kubectl .*rollout undo/m);
    expect(ledger.runbook).not.toMatch(/^gcloud run /m);
    expect(ledger.runbook).not.toMatch(/^(terraform|aws|sam|az) /m);
    expect(ledger.runbook).toMatch(/Run one of these, not both\.\n\nEither, back to the release before the current one:\n\n```sh\nhelm rollback ledger -n \{namespace\} --wait --timeout 10m\n```\n\nOr, to a release revision/);
    expect(ledger.runbook).toContain(`patch hpa ledger --type=merge -p '{"spec":{"minReplicas":{replicas}}}'`);
    expect(catalog.runbook).not.toMatch(/^(kubectl|helm|gcloud|az) /m);
    // Infrastructure rolls back through a revert and the pipeline, never a hand-run apply.
    expect(catalog.runbook).not.toMatch(/^terraform apply/m);
    expect(catalog.runbook).toMatch(/^git revert --no-edit \{commit\}$/m);
    expect(catalog.runbook).toContain('### AWS Lambda');
    expect(catalog.runbook).toMatch(/^aws lambda update-alias --function-name catalog --name live --function-version \{lambda-version\}$/m);
    expect(catalog.runbook).not.toMatch(/^aws ecs /m);
  });

  it('gives the chosen datastores and brokers their own diagnostic queries', () => {
    expect(ledger.runbook).toMatch(/^psql "\$DATABASE_URL" -X -c "SELECT .* FROM pg_stat_activity /m);
    expect(ledger.runbook).toContain('FROM pg_locks l JOIN pg_stat_activity');
    expect(ledger.runbook).toContain('EXPLAIN (ANALYZE, BUFFERS) {slow-query}');
    expect(ledger.runbook).toMatch(/^kafka-consumer-groups\.sh --bootstrap-server "\$KAFKA_BOOTSTRAP_SERVERS" --describe --group \{consumer-group\}$/m);
    expect(ledger.runbook).not.toMatch(/redis-cli|mongosh|aws dynamodb/);
    expect(catalog.runbook).toMatch(/^aws dynamodb describe-table --table-name \{table\}/m);
    expect(catalog.runbook).toMatch(/^aws sqs get-queue-attributes /m);
    expect(catalog.runbook).not.toContain('psql');
  });

  it('says what to fill in when no platform is chosen, instead of an empty section', () => {
    const runbook = generate(answersWith({ service: { name: 'edge' }, stack: { languages: ['go'], cloud: ['aws'], infrastructure: ['terraform'] } }), opts).get('docs/runbooks/edge.md')!;
    expect(runbook).toMatch(/## Deploy and rollback\n\nNo compute platform is chosen, so this section has no deploy or rollback commands yet\. Choose one and re-run \(`--set stack\.infrastructure=kubernetes`/);
    expect(runbook).toContain('### Terraform');
    expect(runbook).not.toMatch(/^aws (ecs|lambda|eks) /m);
    for (const section of runbook.split(/^## /m).slice(1)) expect(section.trim().split('\n').length, section.split('\n')[0]).toBeGreaterThan(1);
  });

  it('escalates to the collaboration answers and owns the SLOs of the targets', () => {
    expect(ledger.runbook).toContain('| payments-architect | The fix needs an architectural or cross-team decision |');
    expect(catalog.runbook).toContain('| sre-lead |');
    expect(catalog.runbook).toContain('| Catalog Squad on-call (secondary), through {on-call-rotation} |');
    expect(ledger.runbook).toContain('| 99.95% | 21.6 minutes');
    expect(catalog.runbook).toContain('| 99.5% | 216 minutes');
  });

  it('lists each standing placeholder once at the top with the answer that fills it', () => {
    for (const runbook of [ledger.runbook, catalog.runbook]) {
      const listed = /^Fill in before the first on-call shift, .*named here: (.+)\.$/m.exec(runbook)![1]!;
      const perIncident = /^Values in braces inside commands \((.+)\) belong to one incident/m.exec(runbook)![1]!;
      const found = placeholdersIn(runbook.replace(/^(Fill in before|Values in braces).*$/gm, ''));
      for (const p of found) expect(`${listed} ${perIncident}`).toMatch(new RegExp(`\`${p}\`|(^|, )${p.slice(1, -1)} \\(`));
      expect(listed).toMatch(/(^|, )on-call-rotation \(`ops\.onCallRotation`\)/);
      // Filling a placeholder by hand does not touch the list: no braces in it.
      expect(placeholdersIn(listed)).toEqual([]);
    }
    expect(catalog.runbook).not.toContain('{owning-team}');
    const filled = generate(answersWith({ ...STACKS.ledger, ops: { namespace: 'ledger-prod', cluster: 'prod-eu', region: 'europe-west1', gcpProject: 'acme-prod', onCallRotation: 'ledger-primary', dashboardUrl: 'https://grafana.example.com/d/ledger' } }), opts).get('docs/runbooks/ledger.md')!;
    expect(filled).toContain('gcloud container clusters get-credentials prod-eu --region=europe-west1 --project=acme-prod');
    expect(filled).toContain('- Dashboard: <https://grafana.example.com/d/ledger>');
    expect(filled).not.toMatch(/\{(namespace|cluster|region|project-id|on-call-rotation|dashboard-url)\}/);
    expect(filled).toContain('logs-url (`ops.logsUrl`)');
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
