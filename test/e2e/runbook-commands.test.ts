/**
 * The runbook's commands for a matrix of platforms: one block per platform chosen and none other,
 * no command for a technology that was not chosen, and every command of kubectl, the AWS CLI, psql
 * and curl parsed by the real CLI. Parse-only: each runs in a network namespace with no route out
 * (`unshare --net`), so a command that parses fails to connect, and one that does not parse fails
 * with a usage error first; nothing ever reaches a cluster or a cloud. The AWS CLI takes seconds a
 * command, so the main suite parses a sample of its commands and the slow suite
 * (vitest.slow.config.ts, RUNBOOK_CLI_ALL=1) every one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import fs from 'fs-extra';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { library } from '../../packages/core/src/library/index.js';
import { buildContext } from '../../packages/core/src/render/context.js';
import { renderRunbook } from '../../packages/core/src/docs/runbook.js';
import { answersWith } from '../../packages/core/src/test-support/answers.js';
import type { Answers } from '../../packages/core/src/answers/schema.js';
import { tempDir } from '../support/cli.js';
import { toolAvailable } from '../support/tools.js';

type Stack = Answers['stack'];
interface Case { name: string; stack: Partial<Stack>; platforms: string[] }

const CASES: Case[] = [
  { name: 'EKS with Terraform', stack: { cloud: ['aws'], infrastructure: ['docker', 'kubernetes', 'terraform'], datastores: ['postgresql', 'redis'], messaging: ['kafka'] }, platforms: ['Amazon EKS', 'Terraform'] },
  { name: 'GKE with Helm', stack: { cloud: ['gcp'], infrastructure: ['kubernetes', 'helm'], datastores: ['mysql'], messaging: ['gcp-pubsub'] }, platforms: ['Google Kubernetes Engine'] },
  { name: 'AKS with Istio', stack: { cloud: ['azure'], infrastructure: ['kubernetes', 'service-mesh'], datastores: ['mongodb'], messaging: ['rabbitmq'] }, platforms: ['Azure Kubernetes Service', 'Istio'] },
  { name: 'Kubernetes without a cloud', stack: { cloud: [], infrastructure: ['kubernetes'], datastores: ['cassandra'], messaging: ['nats'] }, platforms: ['Kubernetes'] },
  { name: 'ECS', stack: { cloud: ['aws'], infrastructure: ['docker', 'terraform'], datastores: ['dynamodb'], messaging: ['sqs-sns'] }, platforms: ['Amazon ECS', 'Terraform'] },
  { name: 'Lambda', stack: { cloud: ['aws'], infrastructure: ['serverless'], datastores: ['dynamodb', 'elasticsearch'], messaging: ['sqs-sns', 'redis-streams'] }, platforms: ['AWS Lambda'] },
  { name: 'Cloud Run', stack: { cloud: ['gcp'], infrastructure: ['docker'], datastores: ['postgresql'], messaging: ['gcp-pubsub'] }, platforms: ['Cloud Run'] },
  { name: 'Cloud Run functions', stack: { cloud: ['gcp'], infrastructure: ['serverless'], datastores: ['redis'], messaging: [] }, platforms: ['Cloud Run'] },
  { name: 'Azure Functions', stack: { cloud: ['azure'], infrastructure: ['serverless'], datastores: ['postgresql'], messaging: [] }, platforms: ['Azure Functions'] },
  { name: 'Azure Container Apps', stack: { cloud: ['azure'], infrastructure: ['docker'], datastores: ['mysql'], messaging: ['kafka'] }, platforms: ['Azure Container Apps'] },
  { name: 'Docker Compose', stack: { cloud: [], infrastructure: ['docker'], datastores: ['postgresql'], messaging: ['rabbitmq'] }, platforms: ['Docker Compose'] },
  { name: 'Lambda and EKS side by side', stack: { cloud: ['aws'], infrastructure: ['kubernetes', 'serverless'], datastores: [], messaging: [] }, platforms: ['Amazon EKS', 'AWS Lambda'] },
  { name: 'no compute platform', stack: { cloud: ['aws'], infrastructure: ['terraform'], datastores: [], messaging: [] }, platforms: ['Terraform'] },
];

const runbookOf = (c: Case) => {
  const answers = answersWith({ service: { name: 'orders' }, stack: { languages: ['go'], frameworks: [], apiStyles: ['rest'], ...c.stack } });
  return { answers, text: renderRunbook(buildContext(answers, library, '2026-12-01'), library) };
};

/** Every line of every `sh` block: each is one command. */
const commandsIn = (markdown: string) => [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1]!.split('\n').filter(Boolean));

/** What each command needs chosen: `[program or "program subcommand", facet ids, any of which]`. */
const NEEDS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^aws (ecs|application-autoscaling) /, ['docker']],
  [/^aws eks /, ['kubernetes']],
  [/^aws lambda /, ['serverless']],
  [/^aws dynamodb /, ['dynamodb']],
  [/^aws sqs /, ['sqs-sns']],
  [/^aws cloudwatch .*AWS\/DynamoDB/, ['dynamodb']],
  [/^(aws|sam) /, ['aws']],
  [/^gcloud container /, ['kubernetes']],
  [/^gcloud run /, ['serverless', 'docker']],
  [/^gcloud pubsub /, ['gcp-pubsub']],
  [/^gcloud /, ['gcp']],
  [/^az aks /, ['kubernetes']],
  [/^az containerapp /, ['docker']],
  [/^az (functionapp|webapp) /, ['serverless']],
  [/^az /, ['azure']],
  [/^kubectl label namespace .* istio\.io\/rev/, ['service-mesh']],
  [/^kubectl .* -c istio-proxy/, ['service-mesh']],
  [/^kubectl /, ['kubernetes']],
  [/^helm /, ['helm']],
  [/^istioctl /, ['service-mesh']],
  [/^(IMAGE_TAG=\S+ )?docker /, ['docker']],
  [/^terraform /, ['terraform']],
  [/^git /, ['terraform', 'service-mesh']],
  [/^psql /, ['postgresql']],
  [/^mysql /, ['mysql']],
  [/^mongosh /, ['mongodb']],
  [/^redis-cli .* X[A-Z]+ /, ['redis-streams']],
  [/^redis-cli /, ['redis']],
  [/^nodetool /, ['cassandra']],
  [/^curl .*ELASTICSEARCH_URL/, ['elasticsearch']],
  [/^kafka-[a-z-]+\.sh /, ['kafka']],
  [/^rabbitmq(ctl|-diagnostics|-queues) /, ['rabbitmq']],
  [/^nats /, ['nats']],
];

/** Sample values for the placeholders a command leaves, as on-call would fill them in. */
const SAMPLES: Record<string, string> = {
  replicas: '3', 'max-replicas': '12', concurrency: '20', 'k8s-revision': '4', 'helm-revision': '4', 'lambda-version': '7',
  'task-definition-revision': '12', pid: '12345', 'slow-query': 'SELECT 1', 'start-time': '2026-12-01T00:00:00Z',
  'end-time': '2026-12-01T01:00:00Z', 'dlq-arn': 'arn:aws:sqs:eu-west-1:123456789012:orders-dlq',
  'queue-url': 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders', 'dlq-url': 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq',
  table: 'orders', operation: 'PutItem', 'task-id': 'arn:aws:ecs:eu-west-1:123456789012:task/prod/0a1b2c', region: 'eu-west-1',
  cluster: 'prod', namespace: 'orders', 'image-tag': 'v1.2.3', commit: '0a1b2c3',
};
const fill = (command: string) => command.replace(/\{([a-z][a-z0-9-]*)\}/g, (_, token: string) => SAMPLES[token] ?? `sample-${token}`);

/** The CLIs checked, how to tell "parsed, then failed to connect" from "did not parse". */
interface Checker { program: string; available: () => boolean; install: string; parsed: (r: { exitCode: number; stderr: string; stdout: string }) => boolean }
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const NOT_PARSED = /unknown (flag|shorthand flag|command)|invalid argument|required flag|flag needs an argument|Invalid choice|Unknown options|the following arguments are required|Parameter validation failed|unrecognized option|invalid option|extra command-line argument|usage:/i;
const CONNECT = /connection refused|network is unreachable|dial tcp|was refused|Unable to connect|Could not connect to the endpoint URL|couldn't get current server API group list|connection to server|Failed to connect|Could not resolve host/i;
const CHECKERS: Checker[] = [
  { program: 'kubectl', available: () => has('kubectl'), install: 'apt-get install kubernetes-client', parsed: (r) => !NOT_PARSED.test(r.stderr) && (r.exitCode === 0 || CONNECT.test(r.stderr)) },
  { program: 'aws', available: () => has('aws'), install: 'pip install awscli, or apt-get install awscli', parsed: (r) => !NOT_PARSED.test(r.stderr) && CONNECT.test(r.stderr) },
  { program: 'psql', available: () => has('psql'), install: 'apt-get install postgresql-client', parsed: (r) => !NOT_PARSED.test(r.stderr) && CONNECT.test(r.stderr) },
  { program: 'curl', available: () => has('curl'), install: 'apt-get install curl', parsed: (r) => r.exitCode === 7 || r.exitCode === 6 },
];

/**
 * AWS CLI operations newer than some installed CLIs (`logs tail` is v2 only; SQS message-move tasks
 * arrived in 2023): where the installed CLI does not know one, it is counted as not checked rather
 * than failed, and the report names it.
 */
const NEWER_THAN_SOME_AWS_CLIS = [/^aws logs tail /, /^aws sqs (start|list)-message-move-tasks? /];

const canIsolate = spawnSync('unshare', ['--net', 'true'], { stdio: 'ignore' }).status === 0;

describe('runbook commands for a matrix of platforms', () => {
  const runbooks = CASES.map((c) => ({ ...c, ...runbookOf(c) }));

  it.each(runbooks.map((r) => [r.name, r] as const))('%s: one section per chosen platform, none for another', (_, r) => {
    const deploy = /^## Deploy and rollback\n([\s\S]*?)(?=^## )/m.exec(r.text)![1]!;
    expect([...deploy.matchAll(/^### (.+)$/gm)].map((m) => m[1])).toEqual(r.platforms);
    if (!r.platforms.some((p) => p !== 'Terraform' && p !== 'Istio')) expect(deploy).toMatch(/^No compute platform is chosen/m);
  });

  it.each(runbooks.map((r) => [r.name, r] as const))('%s: no command needs a technology that was not chosen', (_, r) => {
    const chosen = new Set<string>(Object.values(r.answers.stack).flat());
    for (const command of commandsIn(r.text)) {
      const need = NEEDS.find(([pattern]) => pattern.test(command));
      expect(need, `no rule says what "${command}" needs`).toBeDefined();
      expect(need![1].some((id) => chosen.has(id)), `${command} (needs ${need![1].join(' or ')})`).toBe(true);
    }
  });

  it('every command appears once per meaning: no placeholder shared by a Kubernetes revision and a Lambda version', () => {
    const all = runbooks.flatMap((r) => commandsIn(r.text));
    expect(all.some((c) => c.includes('{previous-revision}'))).toBe(false);
    for (const [token, program] of [['{k8s-revision}', 'kubectl'], ['{helm-revision}', 'helm'], ['{lambda-version}', 'aws lambda'], ['{cloud-run-revision}', 'gcloud run'], ['{task-definition-revision}', 'aws ecs'], ['{container-app-revision}', 'az containerapp']] as const) {
      const users = all.filter((c) => c.includes(token));
      expect(users.length, token).toBeGreaterThan(0);
      expect(users.every((c) => c.startsWith(program)), token).toBe(true);
    }
  });

  describe.skipIf(!toolAvailable('unshare --net', canIsolate, 'run as root or with user namespaces (util-linux unshare)'))('parsed by the real CLIs, offline', () => {
    const counted = { checked: 0, notChecked: [] as string[], newer: [] as string[] };
    let cwd: string;
    let env: Record<string, string>;
    beforeAll(async () => {
      cwd = await tempDir('cba-cli-');
      // What the commands read from the working folder: a manifest, a task definition.
      await fs.outputFile(join(cwd, 'k8s/deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: orders }\nspec:\n  selector: { matchLabels: { app: orders } }\n  template:\n    metadata: { labels: { app: orders } }\n    spec: { containers: [{ name: orders, image: orders:v1 }] }\n');
      await fs.outputJson(join(cwd, 'ecs/task-definition.json'), { family: 'orders', containerDefinitions: [{ name: 'orders', image: 'orders:v1', memory: 512 }] });
      const kubeconfig = join(cwd, 'kubeconfig');
      await fs.writeFile(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: [{ name: prod, cluster: { server: "http://127.0.0.1:9" } }]\nusers: [{ name: oncall, user: {} }]\ncontexts: [{ name: prod, context: { cluster: prod, user: oncall } }]\ncurrent-context: prod\n');
      env = {
        PATH: process.env.PATH ?? '', HOME: cwd, KUBECONFIG: kubeconfig,
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example', AWS_DEFAULT_REGION: 'eu-west-1', AWS_MAX_ATTEMPTS: '1', AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '',
        DATABASE_URL: 'postgresql://oncall@127.0.0.1:9/orders', ELASTICSEARCH_URL: 'http://127.0.0.1:9',
      };
    });

    const commands = [...new Set(runbooks.flatMap((r) => commandsIn(r.text)))];
    const all = process.env.RUNBOOK_CLI_ALL === '1';
    for (const checker of CHECKERS) {
      // A sample: every eighth AWS command, the others in full.
      const mine = commands.filter((c) => c.startsWith(`${checker.program} `)).filter((_, i) => all || checker.program !== 'aws' || i % 8 === 0);
      it.skipIf(!toolAvailable(checker.program, checker.available(), checker.install))(`${checker.program}: all ${mine.length} commands parse`, async () => {
        expect(mine.length).toBeGreaterThan(0);
        const failures: string[] = [];
        for (const command of mine) {
          const result = await execa('unshare', ['--net', 'bash', '-c', fill(command)], { cwd, env, extendEnv: false, reject: false, timeout: 60_000 });
          const out = { exitCode: result.exitCode ?? -1, stderr: String(result.stderr), stdout: String(result.stdout) };
          if (checker.parsed(out)) counted.checked++;
          else if (/Invalid choice/.test(out.stderr) && NEWER_THAN_SOME_AWS_CLIS.some((p) => p.test(command))) counted.newer.push(command.split(' ').slice(0, 3).join(' '));
          else failures.push(`${command}\n  exit ${out.exitCode}: ${out.stderr.split('\n').filter(Boolean).slice(-3).join(' / ')}`);
        }
        expect(failures).toEqual([]);
      }, 600_000);
    }

    it('reports how many commands the real CLIs checked', () => {
      const checkedPrograms = new Set(CHECKERS.filter((c) => c.available()).map((c) => c.program));
      const program = (c: string) => c.replace(/^[A-Z_]+=\S+ /, '').split(' ')[0]!;
      counted.notChecked = commands.filter((c) => !checkedPrograms.has(program(c)));
      console.log(`runbook commands: ${commands.length} distinct across ${CASES.length} stacks; ${counted.checked} parsed by real CLIs (${[...checkedPrograms].join(', ')})` +
        `${all ? '' : ' (AWS: a sample)'}; ${counted.newer.length} unknown to the installed AWS CLI (${[...new Set(counted.newer)].join(', ') || 'none'})` +
        `; ${counted.notChecked.length} for CLIs not installed offline (${[...new Set(counted.notChecked.map(program))].join(', ')})`);
      expect(counted.checked).toBeGreaterThan(all ? 50 : 30);
    });
  });
});
