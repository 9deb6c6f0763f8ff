// Namespace import: `import { z }` pulls in every zod locale (about 350 KB minified) that esbuild cannot drop.
import * as z from 'zod';

export const SENIORITIES = ['senior', 'staff', 'principal'] as const;
export const MODEL_ALIASES = ['inherit', 'sonnet', 'opus', 'haiku'] as const;
export const COLORS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'cyan'] as const;

/** Claude Code's current tool names (FORMATS.md). */
export const CLAUDE_TOOLS = [
  'Agent', 'Bash', 'Edit', 'Write', 'Read', 'Glob', 'Grep', 'NotebookEdit',
  'WebFetch', 'WebSearch', 'TodoWrite', 'Skill', 'LSP',
] as const;

/** Names older agents still use, and what replaced them. */
export const RETIRED_TOOLS: Readonly<Record<string, string>> = {
  MultiEdit: 'Edit',
  LS: 'Glob',
  NotebookRead: 'Read',
  Task: 'Agent',
};

export const AGENT_FORMATS = [
  'claude', 'copilot', 'cursor', 'agents-md', 'opencode', 'gemini', 'codex', 'windsurf',
  'orchestration', 'plain', 'cursor-agent', 'devin', 'claude-plugin',
] as const;

export const SLUG = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

/** Text made a valid name ("@acme/Orders_API" -> "acme-orders-api"), or undefined when it cannot be one. */
export function toSlug(text: string): string | undefined {
  const name = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return SLUG.test(name) && name.length >= 3 && name.length <= 50 ? name : undefined;
}

const slug = (what: string) =>
  z
    .string()
    .min(3, `${what} must be 3 to 50 characters`)
    .max(50, `${what} must be 3 to 50 characters`)
    .regex(SLUG, `${what} must be lowercase letters, digits and hyphens, e.g. "backend-staff"`);

const singleLine = (what: string, max: number) =>
  z
    .string()
    .max(max, `${what} must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), `${what} must be a single line`);

const toolName = z
  .string()
  .regex(/^(?:[A-Z][A-Za-z]+|mcp__[A-Za-z0-9_-]+(?:__[A-Za-z0-9_*-]+)?)$/, 'tool names look like "Read" or "mcp__server__tool"')
  .refine(
    (t) => t.startsWith('mcp__') || (CLAUDE_TOOLS as readonly string[]).includes(t),
    { error: (issue) => `unknown tool "${String(issue.input)}"; known tools: ${CLAUDE_TOOLS.join(', ')}` },
  );

/** A path inside the target repository, written with forward slashes. */
const relPath = (what: string) =>
  z
    .string()
    .min(1)
    .refine(
      (p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.split(/[\\/]/).includes('..') && !p.includes('\\'),
      `${what} must be a relative path inside the repository (no "..", no leading "/")`,
    )
    .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), `${what} must not hold control characters (NUL, tab, newline…)`);

/** Bounds on lists: far above any real stack, far below what would make the output absurd. */
export const MAX_LIST_ITEMS = 50;
const ids = () => z.array(z.string().min(1).max(64, 'ids are at most 64 characters')).max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} items`).default([]);
const names = () => z.array(slug('collaborator name')).max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} names`).default([]);

/** A name pasted into shell commands and PromQL: nothing a shell or a label matcher would read as syntax. */
const opsName = (what: string, example: string) =>
  z
    .string()
    .max(200, `${what} must be at most 200 characters`)
    .regex(/^(?:[A-Za-z0-9][A-Za-z0-9._:/@-]*)?$/, `${what} must be a name such as "${example}" (letters, digits and . _ : / @ -), pasted into commands as it is`);

/**
 * Facts of the team's operations that the docs would otherwise leave as `{placeholders}`. Empty
 * leaves the placeholder in place for the user to fill by hand (an edit that merges like any other).
 */
const OpsSchema = z
  .strictObject({
    onCallRotation: singleLine('ops.onCallRotation', 200).default(''),
    incidentChannel: singleLine('ops.incidentChannel', 200).default(''),
    escalationContact: singleLine('ops.escalationContact', 200).default(''),
    dashboardUrl: singleLine('ops.dashboardUrl', 500).default(''),
    logsUrl: singleLine('ops.logsUrl', 500).default(''),
    tracesUrl: singleLine('ops.tracesUrl', 500).default(''),
    runbookBaseUrl: singleLine('ops.runbookBaseUrl', 500)
      .refine((u) => u === '' || /^https?:\/\/\S+$/.test(u), 'ops.runbookBaseUrl must be an http(s) URL such as "https://github.com/acme/orders/blob/main/"')
      .default(''),
    region: opsName('ops.region', 'eu-west-1').default(''),
    cluster: opsName('ops.cluster', 'prod-eu-1').default(''),
    namespace: opsName('ops.namespace', 'orders').default(''),
    gcpProject: opsName('ops.gcpProject', 'acme-prod').default(''),
    azureResourceGroup: opsName('ops.azureResourceGroup', 'rg-orders-prod').default(''),
    metricsJob: opsName('ops.metricsJob', 'orders').default(''),
  })
  .prefault({});

export const AnswersSchema = z.strictObject({
  agent: z
    .strictObject({
      name: slug('agent.name').default('backend-staff'),
      /** Empty means "derived from seniority", e.g. "Staff Backend Engineer". */
      title: singleLine('agent.title', 80).default(''),
      /** Empty means "generated from the stack", with <example> blocks. Kept verbatim otherwise. */
      description: z.string().max(5000, 'agent.description must be at most 5,000 characters').default(''),
      seniority: z.enum(SENIORITIES).default('staff'),
      yearsOfExperience: z.number().int().min(1).max(50).default(12),
      model: z
        .string()
        .refine(
          (m) => (MODEL_ALIASES as readonly string[]).includes(m) || /^claude-[a-z0-9.-]+$/.test(m),
          'agent.model must be inherit, sonnet, opus, haiku or a full model id such as claude-sonnet-4-5',
        )
        .default('inherit'),
      color: z.enum(COLORS).default('blue'),
      tools: z
        .array(toolName)
        .max(200, 'agent.tools takes at most 200 tools')
        .default(['Read', 'Grep', 'Glob', 'Edit', 'Write', 'Bash', 'WebFetch', 'WebSearch', 'TodoWrite']),
    })
    .prefault({}),
  service: z
    .strictObject({
      name: slug('service.name').default('api'),
      /** Empty leaves a visible {owning-team} placeholder in the runbook. */
      team: singleLine('service.team', 80).default(''),
      tier: z.enum(['tier-1', 'tier-2', 'tier-3']).default('tier-2'),
    })
    .prefault({}),
  stack: z
    .strictObject({
      languages: ids().default(['typescript']),
      frameworks: ids().default(['fastify']),
      datastores: ids().default(['postgresql', 'redis']),
      messaging: ids().default(['kafka']),
      cloud: ids().default(['aws']),
      infrastructure: ids().default(['docker', 'kubernetes', 'terraform']),
      apiStyles: ids().default(['rest']),
    })
    .prefault({}),
  targets: z
    .strictObject({
      p99LatencyMs: z.number().int().min(1).max(60000).default(200),
      throughputRps: z.number().int().min(1).max(10_000_000).default(1000),
      availability: z.number().min(90).max(99.999).default(99.9),
      coverage: z.number().int().min(0).max(100).default(80),
    })
    .prefault({}),
  collaboration: z
    .strictObject({
      escalatesTo: names().default(['principal-architect']),
      receivesFrom: names(),
      parallelWith: names(),
      handsOffTo: names(),
    })
    .prefault({}),
  ops: OpsSchema,
  compliance: ids(),
  /** Competency areas to keep; empty keeps every area that applies to the stack. */
  focus: ids(),
  outputs: z
    .strictObject({
      formats: z.array(z.enum(AGENT_FORMATS)).min(1, 'outputs.formats needs at least one format').default(['claude']),
      /** Write the task skills (SKILL.md + references/) where the chosen tools read them. */
      skills: z.boolean().default(true),
      docs: z
        .strictObject({
          adr: z.boolean().default(true),
          runbook: z.boolean().default(true),
          testStrategy: z.boolean().default(true),
          /** Prometheus alerting rules beside the runbook (`<runbookDir>/<service>.rules.yaml`). */
          alertRules: z.boolean().default(true),
        })
        .prefault({}),
      paths: z
        .strictObject({
          adrDir: relPath('outputs.paths.adrDir').default('docs/adr'),
          runbookDir: relPath('outputs.paths.runbookDir').default('docs/runbooks'),
          testStrategy: relPath('outputs.paths.testStrategy').default('docs/testing/test-strategy.md'),
        })
        .prefault({}),
    })
    .prefault({}),
});

export type Answers = z.infer<typeof AnswersSchema>;
/** What a user, preset or answers file may give: any subset, deeply. */
export type AnswersInput = z.input<typeof AnswersSchema>;
