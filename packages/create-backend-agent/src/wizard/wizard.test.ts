/**
 * The wizard's logic with the prompt library mocked: which questions are asked and with what
 * defaults (precedence), validation at the prompt, conflict choices, and Ctrl-C. The mock stands in
 * for @inquirer/prompts itself, so the adapter (inquirer.ts) runs too.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CancelledError, detectRepo, detectedAnswers, generate, library, parseSetFlag, planChanges, resolveAnswers, viewFromObject,
  type AnswerLayer, type Plain,
} from '@create-backend-agent/core';
import { REPOS } from '../../../core/src/test-support/repos.js';
import type { Output } from '../report.js';

type Config = Record<string, unknown> & { message: string };
type Kind = 'input' | 'number' | 'select' | 'checkbox' | 'confirm';
interface Step { kind: Kind; message: RegExp; answer: (config: Config) => unknown }

const prompts = vi.hoisted(() => ({ calls: [] as Array<{ kind: string; config: Record<string, unknown> }>, script: [] as unknown[] }));

vi.mock('@inquirer/prompts', () => {
  const prompt = (kind: string) => async (config: Config) => {
    prompts.calls.push({ kind, config });
    const step = prompts.script.shift() as Step | undefined;
    if (!step) throw new Error(`unexpected ${kind} prompt: ${config.message}`);
    if (step.kind !== kind || !step.message.test(config.message)) throw new Error(`expected ${step.kind} ${step.message}, got ${kind} "${config.message}"`);
    return step.answer(config);
  };
  return { input: prompt('input'), number: prompt('number'), select: prompt('select'), checkbox: prompt('checkbox'), confirm: prompt('confirm') };
});

const { loadPrompter } = await import('./inquirer.js');
const { askAnswers } = await import('./ask.js');
const { reviewPlan } = await import('./review.js');

/** Accept what the prompt proposes. */
const accept = (config: Config): unknown => {
  if ('choices' in config && Array.isArray(config.choices) && config.choices.some((c) => typeof c === 'object' && c && 'checked' in c)) {
    return (config.choices as Array<{ value: string; checked: boolean }>).filter((c) => c.checked).map((c) => c.value);
  }
  return config.default;
};
const step = (kind: Kind, message: RegExp, answer: Step['answer'] = accept): Step => ({ kind, message, answer });
const script = (...steps: Step[]) => prompts.script.push(...steps);
const called = (message: RegExp) => prompts.calls.find((c) => message.test(c.config.message as string));

function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join('\n') };
}

const goRepo = detectedAnswers(detectRepo(viewFromObject(REPOS['go-gin'])));
const detectedLayer: AnswerLayer = { source: 'detected', values: goRepo.values };
const set = (...expressions: string[]): AnswerLayer[] => expressions.map((e) => ({ source: '--set', values: parseSetFlag(e) }));

const REVIEW_OR_CHANGE = /Review the files to write, or change a step/;

async function run(given: AnswerLayer[], options: { lastRun?: Plain; suggested?: AnswerLayer[] } = {}) {
  const output = capture();
  // Every run ends at the choice between reviewing and changing a step; tests that go back script it.
  if (!prompts.script.some((s) => (s as Step).message === REVIEW_OR_CHANGE)) script(step('select', REVIEW_OR_CHANGE));
  const suggested = options.suggested ?? [detectedLayer];
  const layer = await askAnswers(await loadPrompter(), { suggested, given, evidence: goRepo.evidence, lastRun: options.lastRun }, output);
  const { answers } = resolveAnswers([...suggested, ...given, layer], library);
  return { answers, layer, output };
}

/** Every step accepted as proposed, after the identity questions. */
const acceptRest = () => script(
  step('confirm', /Keep this stack/),
  step('checkbox', /Focus areas/),
  step('confirm', /Keep these targets/),
  step('confirm', /Keep these collaborators/),
  step('confirm', /Keep these outputs/),
  step('confirm', /Keep these operations details/),
);

beforeEach(() => {
  prompts.calls.length = 0;
  prompts.script.length = 0;
});

describe('askAnswers: precedence', () => {
  it('never asks what a flag gave; shows the detected value with its evidence; else the catalog default', async () => {
    script(step('select', /Seniority/), step('input', /Service name/));
    acceptRest();
    const { answers, output } = await run(set('agent.name=payments-staff'));

    expect(called(/Agent name/)).toBeUndefined();
    expect(called(/Seniority/)?.config.default).toBe('staff');
    const service = called(/Service name/)!;
    expect(service.config.default).toBe('ledger');
    // The evidence is shown while asking (theme), and dropped from the answered line.
    const style = (service.config.theme as { style: { message: (t: string, s: string) => string } }).style.message;
    expect(style('Service name', 'idle')).toContain('detected: go.mod: module github.com/acme/ledger');
    expect(style('Service name', 'done')).not.toContain('detected');

    expect(answers.agent.name).toBe('payments-staff');
    expect(answers.service.name).toBe('ledger');
    expect(answers.stack).toMatchObject({ languages: ['go'], frameworks: ['gin'], datastores: ['postgresql', 'redis'], messaging: ['kafka', 'sqs-sns'] });
    expect(output.text()).toMatch(/Frameworks\s+Gin\s+detected: go\.mod: requires github\.com\/gin-gonic\/gin/);
    expect(prompts.script).toEqual([]);
  });

  it('prefers the last run over detection, and says so', async () => {
    script(step('input', /Agent name/), step('select', /Seniority/), step('input', /Service name/));
    acceptRest();
    const lastRun = { service: { name: 'billing' }, agent: { seniority: 'principal' } };
    const { answers } = await run([], { suggested: [detectedLayer, { source: 'last run', values: lastRun }], lastRun });
    expect(called(/Service name/)?.config.default).toBe('billing');
    expect(called(/Seniority/)?.config.default).toBe('principal');
    const style = (called(/Service name/)!.config.theme as { style: { message: (t: string, s: string) => string } }).style.message;
    expect(style('Service name', 'idle')).toContain('as in the last run');
    expect(answers.service.name).toBe('billing');
    expect(answers.agent.seniority).toBe('principal');
  });

  it('skips a whole step when flags answered all of it', async () => {
    script(step('input', /Agent name/), step('select', /Seniority/), step('input', /Service name/));
    acceptRest();
    prompts.script.splice(5, 1); // no "Keep these targets?"
    const { answers, output } = await run(set('targets.p99LatencyMs=50', 'targets.throughputRps=10', 'targets.availability=99', 'targets.coverage=70'));
    expect(called(/targets/i)).toBeUndefined();
    expect(output.text()).not.toContain('Targets');
    expect(answers.targets).toEqual({ p99LatencyMs: 50, throughputRps: 10, availability: 99, coverage: 70 });
  });

  it('keeps the other detected stack lists when one is changed', async () => {
    script(step('input', /Agent name/), step('select', /Seniority/), step('input', /Service name/));
    script(
      step('confirm', /Keep this stack/, () => false),
      step('checkbox', /^Languages/),
      step('checkbox', /^Frameworks/),
      step('checkbox', /^Datastores/, (c) => {
        const choices = c.choices as Array<{ value: string; checked: boolean; description?: string }>;
        expect(choices.filter((x) => x.checked).map((x) => x.value)).toEqual(['postgresql', 'redis']);
        expect(choices.find((x) => x.value === 'redis')?.description).toMatch(/^Detected: go\.mod \(requires github\.com\/redis\/go-redis\/v9\)/);
        return ['postgresql'];
      }),
      step('checkbox', /^Messaging/),
      step('checkbox', /^Cloud/),
      step('checkbox', /^Infrastructure/),
      step('checkbox', /^API styles/),
      step('checkbox', /^Compliance/, () => ['gdpr']),
      step('checkbox', /Focus areas/),
      step('confirm', /Keep these targets/),
      step('confirm', /Keep these collaborators/),
      step('confirm', /Keep these outputs/),
      step('confirm', /Keep these operations details/),
    );
    const { answers } = await run([]);
    expect(answers.stack).toEqual({
      languages: ['go'], frameworks: ['gin'], datastores: ['postgresql'], messaging: ['kafka', 'sqs-sns'],
      cloud: ['aws'], infrastructure: ['docker', 'kubernetes', 'terraform'], apiStyles: ['grpc'],
    });
    expect(answers.compliance).toEqual(['gdpr']);
  });

  it('asks for a folder only for docs that will be written', async () => {
    script(step('input', /Agent name/), step('select', /Seniority/), step('input', /Service name/));
    script(
      step('confirm', /Keep this stack/),
      step('checkbox', /Focus areas/),
      step('confirm', /Keep these targets/),
      step('confirm', /Keep these collaborators/),
      step('confirm', /Keep these outputs/, () => false),
      step('checkbox', /Agent formats/),
      step('confirm', /Write task skills/),
      step('confirm', /Write ADRs/, () => false),
      step('confirm', /Write a runbook/),
      step('confirm', /Write Prometheus alerting rules/),
      step('confirm', /Write a test strategy/),
      step('input', /Runbook folder/, () => 'ops/runbooks'),
      step('input', /Test strategy file/),
      step('confirm', /Keep these operations details/),
    );
    const { answers } = await run([]);
    expect(called(/ADR folder/)).toBeUndefined();
    expect(answers.outputs.docs.adr).toBe(false);
    expect(answers.outputs.paths.runbookDir).toBe('ops/runbooks');
  });
});

describe('askAnswers: going back and choices that fit', () => {
  it('goes back to a step, asks it again in full with the answers so far, and keeps the change', async () => {
    script(step('select', /Seniority/), step('input', /Service name/));
    acceptRest();
    script(
      step('select', REVIEW_OR_CHANGE, () => 'targets'),
      step('number', /p99 latency/, () => 120),
      step('number', /Peak throughput/),
      step('number', /Availability/),
      step('number', /coverage/, () => 90),
      step('select', REVIEW_OR_CHANGE, (config) => {
        const names = (config.choices as Array<{ name: string }>).map((c) => c.name);
        expect(names).toEqual(['Review the files', 'Change: Name and seniority', 'Change: Stack', 'Change: Focus areas', 'Change: Targets', 'Change: Collaboration', 'Change: Outputs and docs', 'Change: Operations (optional)']);
        return 'review';
      }),
    );
    const { answers } = await run(set('agent.name=ledger-staff'));
    expect(answers.targets).toMatchObject({ p99LatencyMs: 120, coverage: 90 });
    expect(answers.agent.name).toBe('ledger-staff');
    expect(prompts.script).toEqual([]);
  });

  it('offers the frameworks of the chosen language first and names what the others need', async () => {
    let frameworks: Array<{ value: string; name: string; checked: boolean }> = [];
    script(step('input', /Agent name/), step('select', /Seniority/), step('input', /Service name/));
    script(
      step('confirm', /Keep this stack/, () => false),
      step('checkbox', /Languages/),
      step('checkbox', /Frameworks/, (config) => {
        frameworks = config.choices as typeof frameworks;
        return accept(config);
      }),
      ...['Datastores', 'Messaging', 'Cloud', 'Infrastructure', 'API styles', 'Compliance'].map((m) => step('checkbox', new RegExp(m))),
      step('checkbox', /Focus areas/),
      step('confirm', /Keep these targets/),
      step('confirm', /Keep these collaborators/),
      step('confirm', /Keep these outputs/),
      step('confirm', /Keep these operations details/),
    );
    await run([]);
    expect(frameworks[0]).toMatchObject({ value: 'gin', name: 'Gin', checked: true });
    const django = frameworks.find((c) => c.value === 'django')!;
    expect(django.name).toBe('Django (needs Python)');
    expect(frameworks.indexOf(django)).toBeGreaterThan(frameworks.findIndex((c) => c.value === 'spring-boot'));
  });

  it('labels an undetected default stack as the default', async () => {
    script(step('select', /Seniority/), step('input', /Service name/));
    acceptRest();
    const { output } = await run(set('agent.name=x-y-z'), { suggested: [] });
    expect(output.text()).toMatch(/Languages\s+TypeScript \(Node\.js\)\s+default/);
    expect(output.text()).toMatch(/Frameworks\s+Fastify\s+default/);
  });
});

describe('askAnswers: the operations step', () => {
  it('is skipped with Enter, leaving every ops answer empty', async () => {
    script(step('input', /Agent name/), step('select', /Seniority/), step('input', /Service name/));
    acceptRest();
    const { answers, output } = await run([]);
    expect(output.text()).toMatch(/Operations \(optional\)/);
    expect(Object.values(answers.ops).every((v) => v === '')).toBe(true);
  });

  it('asks only what the chosen stack uses, validates names pasted into commands, and fills the runbook', async () => {
    script(step('input', /Agent name/), step('select', /Seniority/), step('input', /Service name/, () => 'orders'));
    script(
      step('confirm', /Keep this stack/),
      step('checkbox', /Focus areas/),
      step('confirm', /Keep these targets/),
      step('confirm', /Keep these collaborators/),
      step('confirm', /Keep these outputs/),
      step('confirm', /Keep these operations details/, () => false),
      step('input', /On-call rotation/, () => 'PagerDuty: orders-primary'),
      step('input', /Incident channel/),
      step('input', /incident commander/),
      step('input', /dashboard URL/, () => 'https://grafana.example.com/d/orders'),
      step('input', /Logs URL/),
      step('input', /Traces URL/),
      step('input', /Cloud region/, () => 'eu-west-1'),
      step('input', /Cluster name/),
      step('input', /Kubernetes namespace/, (c) => {
        expect((c.validate as (v: string) => true | string)('orders; rm -rf /')).toMatch(/ops\.namespace must be a name such as "orders"/);
        return 'orders-prod';
      }),
      step('input', /Prometheus job label/),
      step('input', /URL the runbook path is appended to/),
    );
    const { answers } = await run([]);
    // The stack is go-gin's detected one on AWS with Kubernetes: no GCP project or resource group asked.
    expect(called(/Google Cloud project/)).toBeUndefined();
    expect(called(/resource group/)).toBeUndefined();
    expect(answers.ops).toMatchObject({ onCallRotation: 'PagerDuty: orders-primary', region: 'eu-west-1', namespace: 'orders-prod', cluster: '' });
    const runbook = generate(answers, { date: '2026-12-01', toolVersion: '0.0.0' }).get('docs/runbooks/orders.md')!;
    expect(runbook).toContain('- On-call rotation: PagerDuty: orders-primary');
    expect(runbook).toContain('- Dashboard: <https://grafana.example.com/d/orders>');
    expect(runbook).toContain('kubectl -n orders-prod rollout undo deployment/orders');
    expect(runbook).toContain('aws eks update-kubeconfig --region eu-west-1 --name {cluster}');
    expect(runbook).not.toContain('{namespace}');
  });
});

describe('askAnswers: validation at the prompt', () => {
  it('uses the catalog validation for every kind of question', async () => {
    script(
      step('input', /Agent name/, (c) => {
        const validate = c.validate as (v: string) => true | string;
        expect(validate('Payments Staff')).toBe('agent.name must be lowercase letters, digits and hyphens, e.g. "backend-staff"');
        expect(validate('ps')).toBe('agent.name must be 3 to 50 characters');
        expect(validate('payments-staff')).toBe(true);
        return 'payments-staff';
      }),
      step('select', /Seniority/),
      step('input', /Service name/),
      step('confirm', /Keep this stack/),
      step('checkbox', /Focus areas/),
      step('confirm', /Keep these targets/, () => false),
      step('number', /p99 latency/, (c) => {
        const validate = c.validate as (v: number | undefined) => true | string;
        expect(validate(0)).toBe('Enter a number of at least 1.');
        expect(validate(12.5)).toBe('Enter a whole number.');
        expect(validate(undefined)).toBe('Enter a number.');
        return 120;
      }),
      step('number', /throughput/),
      step('number', /Availability/, (c) => {
        expect((c.validate as (v: number) => true | string)(100)).toBe('Enter a number of at most 99.999.');
        expect(c.step).toBe('any');
        return 99.95;
      }),
      step('number', /coverage/),
      step('confirm', /Keep these collaborators/, () => false),
      step('input', /Escalates to/, (c) => {
        expect(c.default).toBe('principal-architect');
        expect((c.validate as (v: string) => true | string)('staff-architect, qa')).toBe('collaborator name must be 3 to 50 characters');
        return 'staff-architect, sre-team';
      }),
      step('input', /Receives work from/),
      step('input', /parallel/),
      step('input', /Hands off to/),
      step('confirm', /Keep these outputs/, () => false),
      step('checkbox', /Agent formats/, (c) => {
        expect((c.validate as (v: unknown[]) => true | string)([])).toBe('outputs.formats needs at least one format');
        return ['claude'];
      }),
      step('confirm', /Write task skills/),
      step('confirm', /Write ADRs/),
      step('confirm', /Write a runbook/),
      step('confirm', /Write Prometheus alerting rules/),
      step('confirm', /Write a test strategy/),
      step('input', /ADR folder/, (c) => {
        expect((c.validate as (v: string) => true | string)('../decisions')).toMatch(/must be a relative path inside the repository/);
        return 'docs/decisions';
      }),
      step('input', /Runbook folder/),
      step('input', /Test strategy file/),
      step('confirm', /Keep these operations details/),
    );
    const { answers } = await run([]);
    expect(answers.agent.name).toBe('payments-staff');
    expect(answers.targets).toEqual({ p99LatencyMs: 120, throughputRps: 1000, availability: 99.95, coverage: 80 });
    expect(answers.collaboration.escalatesTo).toEqual(['staff-architect', 'sre-team']);
    expect(answers.outputs.paths.adrDir).toBe('docs/decisions');
  });
});

describe('cancelling', () => {
  it('turns Ctrl-C at any prompt into CancelledError', async () => {
    const ctrlC = () => {
      const error = new Error('User force closed the prompt with SIGINT');
      error.name = 'ExitPromptError';
      throw error;
    };
    script(step('input', /Agent name/), step('select', /Seniority/, ctrlC));
    await expect(run([])).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('reviewPlan: conflicts', () => {
  const AGENT = '.claude/agents/backend-staff.md';
  const RUNBOOK = 'docs/runbooks/api.md';
  const tree = generate(resolveAnswers([], library).answers, { date: '2026-11-21', toolVersion: '0.0.0' });
  // The agent was generated and then edited; the runbook was written by someone else.
  const disk = new Map<string, string | null>([[AGENT, `${tree.get(AGENT)}\nmine\n`], [RUNBOOK, '# Our runbook\n']]);
  const plan = planChanges(tree, disk, { manifestVersion: 1, tool: { name: 'create-backend-agent', version: '0' }, date: '2026-11-21', answers: resolveAnswers([], library).answers, files: { [AGENT]: 'old-hash' } });

  it('lists the files, confirms once, then asks for each conflict; the difference goes through the pager on request', async () => {
    script(
      step('confirm', /Write these files\?.*2 conflicts/),
      step('select', /backend-staff\.md: you and the new version changed the same lines/, (c) => {
        expect((c.choices as Array<{ value: string }>).map((x) => x.value)).toEqual(['markers', 'mine', 'theirs', 'diff']);
        expect(c.default).toBe('mine');
        return 'diff';
      }),
      step('select', /backend-staff\.md/, () => 'mine'),
      step('select', /api\.md: exists and was not written by this tool/, () => 'theirs'),
    );
    const output = capture();
    const paged: string[] = [];
    const choices = await reviewPlan(await loadPrompter(), plan, output, { dryRun: false, page: async (text) => void paged.push(text) });
    expect([...choices]).toEqual([[AGENT, 'mine'], [RUNBOOK, 'theirs']]);
    expect(output.text()).toMatch(/conflict\s+\.claude\/agents\/backend-staff\.md/);
    // The difference is what "merge with markers" would write, handed to the pager between the two questions.
    expect(paged).toHaveLength(1);
    expect(paged[0]).toMatch(/^\+<<<<<<< yours$/m);
    expect(paged[0]).toMatch(/^\+>>>>>>> create-backend-agent 0\.0\.0$/m);
  });

  it('asks nothing per file when --conflict chose for every file', async () => {
    script(step('confirm', /Write these files\?/));
    expect([...(await reviewPlan(await loadPrompter(), plan, capture(), { dryRun: false, mode: 'markers' }))]).toEqual([[AGENT, 'markers'], [RUNBOOK, 'markers']]);
  });

  it('declining to write cancels', async () => {
    script(step('confirm', /Write these files/, () => false));
    await expect(reviewPlan(await loadPrompter(), plan, capture(), { dryRun: false })).rejects.toBeInstanceOf(CancelledError);
  });

  it('asks nothing on a dry run', async () => {
    expect(await reviewPlan(await loadPrompter(), plan, capture(), { dryRun: true })).toEqual(new Map());
    expect(prompts.calls).toEqual([]);
  });
});

describe('askAnswers: the services of a monorepo', () => {
  const shop = detectedAnswers(detectRepo(viewFromObject(REPOS['shop-monorepo'])));
  const shopLayer: AnswerLayer = { source: 'detected', values: shop.values };
  const identity = () => script(step('input', /Agent name/), step('select', /Seniority/), step('input', /Service name/));
  const after = () => script(
    step('checkbox', /Focus areas/), step('confirm', /Keep these targets/), step('confirm', /Keep these collaborators/), step('confirm', /Keep these outputs/), step('confirm', /Keep these operations details/),
  );

  it('shows them as a table after the stack, and keeps them when asked to', async () => {
    identity();
    script(step('confirm', /Keep this stack/), step('confirm', /Keep these services/));
    after();
    const { answers, output } = await run([], { suggested: [shopLayer] });
    expect(output.text()).toMatch(/Service\s+Path\s+Package\s+Stack\s+Owner\s+Targets/);
    expect(output.text()).toMatch(/orders\s+services\/orders\s+@shop\/orders\s+TypeScript \(Node\.js\), Express, MongoDB,…\s+–\s+p99 200 ms/);
    expect(answers.services.map((s) => s.name)).toEqual(['ledger', 'orders', 'payments']);
    // Where their docs go is asked with the outputs, and only in a monorepo.
    expect(output.text()).toMatch(/Service docs\s+per-service/);
  });

  it('edits one service (owner, p99 target) and drops another from the answers', async () => {
    identity();
    script(
      step('confirm', /Keep this stack/),
      step('confirm', /Keep these services/, () => false),
      step('select', /Change a service/, () => 'orders'),
      step('select', /orders: change what/, () => 'team'),
      step('input', /Owning team/, () => 'checkout'),
      step('select', /Change a service/, () => 'orders'),
      step('select', /orders: change what/, () => 'p99'),
      step('number', /p99 latency target/, () => 120),
      step('select', /Change a service/, () => 'ledger'),
      step('select', /ledger: change what/, () => 'remove'),
      step('select', /Change a service/, () => ''),
    );
    after();
    const { answers } = await run([], { suggested: [shopLayer] });
    expect(answers.services.map((s) => s.name)).toEqual(['orders', 'payments']);
    expect(answers.services[0]).toMatchObject({ team: 'checkout', targets: { p99LatencyMs: 120 } });
    expect(prompts.script).toEqual([]);
  });

  it('offers no services step in a one-service repository', async () => {
    script(step('input', /Agent name/), step('select', /Seniority/), step('input', /Service name/));
    acceptRest();
    await run([]);
    expect(called(/Keep these services/)).toBeUndefined();
  });
});
