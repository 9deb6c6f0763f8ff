/**
 * zod/mini (about 9 KB gzipped in the bundle, against 28 KB for the classic API, and less to parse on
 * every start) gives the same issues and messages as the classic API once given zod's English
 * messages, which mini leaves to the caller. A namespace import used only as `z.name` lets esbuild
 * keep just what is used; re-exporting `z` would bundle every locale. The library's own schemas
 * (library/schema.ts) run at build time only and keep the classic API.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
import { AREAS } from '../library/kinds.js';

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
  z.string().check(
    z.minLength(3, `${what} must be 3 to 50 characters`),
    z.maxLength(50, `${what} must be 3 to 50 characters`),
    z.regex(SLUG, `${what} must be lowercase letters, digits and hyphens, e.g. "backend-staff"`),
  );

const singleLine = (what: string, max: number) =>
  z.string().check(
    z.maxLength(max, `${what} must be at most ${max} characters`),
    z.refine((s) => !/[\r\n]/.test(s), `${what} must be a single line`),
  );

const toolName = z.string().check(
  z.regex(/^(?:[A-Z][A-Za-z]+|mcp__[A-Za-z0-9_-]+(?:__[A-Za-z0-9_*-]+)?)$/, 'tool names look like "Read" or "mcp__server__tool"'),
  z.refine(
    (t) => t.startsWith('mcp__') || (CLAUDE_TOOLS as readonly string[]).includes(t),
    { error: (issue) => `unknown tool "${String(issue.input)}"; known tools: ${CLAUDE_TOOLS.join(', ')}` },
  ),
);

/** A path inside the target repository, written with forward slashes. */
const relPath = (what: string) =>
  z.string().check(
    z.minLength(1),
    z.refine(
      (p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.split(/[\\/]/).includes('..') && !p.includes('\\'),
      `${what} must be a relative path inside the repository (no "..", no leading "/")`,
    ),
    z.refine((p) => !/[\u0000-\u001f\u007f]/.test(p), `${what} must not hold control characters (NUL, tab, newline…)`),
  );

/** Bounds on lists: far above any real stack, far below what would make the output absurd. */
export const MAX_LIST_ITEMS = 50;
const idList = () => z.array(z.string().check(z.minLength(1), z.maxLength(64, 'ids are at most 64 characters'))).check(z.maxLength(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} items`));
const ids = (fallback: string[] = []) => z._default(idList(), fallback);
const names = (fallback: string[] = []) => z._default(z.array(slug('collaborator name')).check(z.maxLength(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} names`)), fallback);
/** An integer in [min, max], as the classic API's number().int().min().max() checks it. */
const integer = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
const phrases = (what: string) =>
  z._default(z.array(singleLine(what, 300).check(z.refine((t) => t.trim() !== '', `${what} items must not be empty`))).check(z.maxLength(MAX_LIST_ITEMS, `${what} takes at most ${MAX_LIST_ITEMS} items`)), []);

/** One <example> of the Claude description: the situation, the user's words, what the agent is asked to do, and why (optional). */
export const AgentExampleSchema = z.strictObject({
  context: singleLine('agent.examples context', 300),
  user: singleLine('agent.examples user', 300),
  task: singleLine('agent.examples task', 300),
  why: z._default(singleLine('agent.examples why', 300), ''),
  /** Show the delegation as a tool call line after the assistant's words (Claude's Agent tool, formerly Task). */
  toolCall: z._default(z.boolean(), false),
});

/** A name pasted into shell commands and PromQL: nothing a shell or a label matcher would read as syntax. */
const opsName = (what: string, example: string) =>
  z._default(
    z.string().check(
      z.maxLength(200, `${what} must be at most 200 characters`),
      z.regex(/^(?:[A-Za-z0-9][A-Za-z0-9._:/@-]*)?$/, `${what} must be a name such as "${example}" (letters, digits and . _ : / @ -), pasted into commands as it is`),
    ),
    '',
  );
const opsText = (what: string, max: number) => z._default(singleLine(what, max), '');

/**
 * Facts of the team's operations that the docs would otherwise leave as `{placeholders}`. Empty
 * leaves the placeholder in place for the user to fill by hand (an edit that merges like any other).
 */
const OpsSchema = z.prefault(
  z.strictObject({
    onCallRotation: opsText('ops.onCallRotation', 200),
    incidentChannel: opsText('ops.incidentChannel', 200),
    escalationContact: opsText('ops.escalationContact', 200),
    dashboardUrl: opsText('ops.dashboardUrl', 500),
    logsUrl: opsText('ops.logsUrl', 500),
    tracesUrl: opsText('ops.tracesUrl', 500),
    runbookBaseUrl: z._default(
      singleLine('ops.runbookBaseUrl', 500).check(
        z.refine((u) => u === '' || /^https?:\/\/\S+$/.test(u), 'ops.runbookBaseUrl must be an http(s) URL such as "https://github.com/acme/orders/blob/main/"'),
      ),
      '',
    ),
    region: opsName('ops.region', 'eu-west-1'),
    cluster: opsName('ops.cluster', 'prod-eu-1'),
    namespace: opsName('ops.namespace', 'orders'),
    gcpProject: opsName('ops.gcpProject', 'acme-prod'),
    azureResourceGroup: opsName('ops.azureResourceGroup', 'rg-orders-prod'),
    metricsJob: opsName('ops.metricsJob', 'orders'),
  }),
  {},
);

/** Where each service's runbook, test strategy and stack record go: its own folder, or docs/ with its name. */
export const DOCS_LAYOUTS = ['per-service', 'central'] as const;
/** Far above a real monorepo's services, far below what would make the run absurd. */
export const MAX_SERVICES = 1000;

/** Targets a service sets for itself; any left out are the repository's (`targets.*`). */
const serviceTargets = z.prefault(
  z.strictObject({
    p99LatencyMs: z.optional(integer(1, 60000)),
    throughputRps: z.optional(integer(1, 10_000_000)),
    availability: z.optional(z.number().check(z.minimum(90), z.maximum(99.999))),
    coverage: z.optional(integer(0, 100)),
  }),
  {},
);

/** One service of a monorepo: where it lives, what the team calls it, its own stack, owner and targets. */
export const ServiceSchema = z.strictObject({
  name: slug('services.name'),
  path: relPath('services.path'),
  /** The package name the team knows it by ("@shop/orders", a Go module path, "com.acme:orders"). */
  package: z._default(singleLine('services.package', 214), ''),
  team: z._default(singleLine('services.team', 80), ''),
  stack: z.prefault(
    z.strictObject({
      languages: ids(), frameworks: ids(), datastores: ids(), messaging: ids(), cloud: ids(), infrastructure: ids(), apiStyles: ids(),
    }),
    {},
  ),
  targets: serviceTargets,
});
export type Service = z.infer<typeof ServiceSchema>;

/** The first name or folder two services share, as a message; undefined when each has its own. */
function duplicateService(list: ReadonlyArray<{ name: string; path: string }>): string | undefined {
  const seen = new Set<string>();
  for (const s of list) {
    for (const [what, key] of [['name', s.name], ['path', s.path.replace(/\/+$/, '')]] as const) {
      if (seen.has(`${what} ${key}`)) return `two services have the ${what} "${key}"; each needs its own`;
      seen.add(`${what} ${key}`);
    }
  }
  return undefined;
}

const services = z._default(
  z.array(ServiceSchema).check(
    z.maxLength(MAX_SERVICES, `services takes at most ${MAX_SERVICES} services`),
    z.refine((list) => duplicateService(list) === undefined, {
      error: (issue) => duplicateService(issue.input as Array<{ name: string; path: string }>) ?? 'each service needs its own name and folder',
    }),
  ),
  [],
);

export const AnswersSchema = z.strictObject({
  agent: z.prefault(
    z.strictObject({
      name: z._default(slug('agent.name'), 'backend-staff'),
      /** Empty means "derived from seniority", e.g. "Staff Backend Engineer". */
      title: z._default(singleLine('agent.title', 80), ''),
      /** Empty means "generated from the stack", with <example> blocks. Kept verbatim otherwise (followed by `examples` when given). */
      description: z._default(z.string().check(z.maxLength(5000, 'agent.description must be at most 5,000 characters')), ''),
      seniority: z._default(z.enum(SENIORITIES), 'staff'),
      /** null: no figure is stated (the agent then names none). */
      yearsOfExperience: z._default(z.nullable(integer(1, 50)), 12),
      /** The top of a range ("8-12 years"); absent means "N+ years". */
      yearsOfExperienceMax: z.optional(integer(1, 50)),
      // No defaults: Claude Code inherits the session's model and shows no colour when the keys are
      // absent, so nothing is written unless chosen (a reproduced seed must not gain them).
      model: z.optional(
        z.string().check(
          z.refine(
            (m) => (MODEL_ALIASES as readonly string[]).includes(m) || /^claude-[a-z0-9.-]+$/.test(m),
            'agent.model must be inherit, sonnet, opus, haiku or a full model id such as claude-sonnet-4-5',
          ),
        ),
      ),
      color: z.optional(z.enum(COLORS)),
      tools: z._default(
        z.array(toolName).check(z.maxLength(200, 'agent.tools takes at most 200 tools')),
        ['Read', 'Grep', 'Glob', 'Edit', 'Write', 'Bash', 'WebFetch', 'WebSearch', 'TodoWrite'],
      ),
      /** Worked examples of when to delegate; empty means generated from the stack. */
      examples: z._default(z.array(AgentExampleSchema).check(z.maxLength(8, 'agent.examples takes at most 8 examples')), []),
      /** Areas of expertise as phrases (orchestration `domain_expertise`); empty means the composed areas. */
      expertise: phrases('agent.expertise'),
      /** What makes a task this agent's (orchestration `complexity_triggers`, the plain shape's triggers); empty means derived. */
      triggers: phrases('agent.triggers'),
      /** Tasks to hand this agent (the plain shape's "When to engage"). */
      engage: phrases('agent.engage'),
      /** How a finished task is judged (the plain shape's "Success metrics"). */
      successMetrics: phrases('agent.successMetrics'),
      /** Limits on access beyond the tool list, e.g. which environments infrastructure changes may touch. */
      access: phrases('agent.access'),
      /** Why the agent holds its tools (orchestration `tool_restrictions.rationale`); empty means derived. */
      toolRationale: z._default(singleLine('agent.toolRationale', 300), ''),
      /** A closing principle after the sections; empty writes none. */
      closing: z._default(singleLine('agent.closing', 600), ''),
    }),
    {},
  ),
  service: z.prefault(
    z.strictObject({
      name: z._default(slug('service.name'), 'api'),
      /** Empty leaves a visible {owning-team} placeholder in the runbook. */
      team: z._default(singleLine('service.team', 80), ''),
      tier: z._default(z.enum(['tier-1', 'tier-2', 'tier-3']), 'tier-2'),
    }),
    {},
  ),
  stack: z.prefault(
    z.strictObject({
      languages: ids(['typescript']),
      frameworks: ids(['fastify']),
      datastores: ids(['postgresql', 'redis']),
      messaging: ids(['kafka']),
      cloud: ids(['aws']),
      infrastructure: ids(['docker', 'kubernetes', 'terraform']),
      apiStyles: ids(['rest']),
    }),
    {},
  ),
  targets: z.prefault(
    z.strictObject({
      // null: no target was agreed; the agent then states none, and the docs work from the default (render/context.ts).
      p99LatencyMs: z._default(z.nullable(integer(1, 60000)), 200),
      throughputRps: z._default(z.nullable(integer(1, 10_000_000)), 1000),
      availability: z._default(z.nullable(z.number().check(z.minimum(90), z.maximum(99.999))), 99.9),
      coverage: z._default(z.nullable(integer(0, 100)), 80),
    }),
    {},
  ),
  collaboration: z.prefault(
    z.strictObject({
      escalatesTo: names(['principal-architect']),
      receivesFrom: names(),
      parallelWith: names(),
      handsOffTo: names(),
      /** How work flows with the other agents, as phrases (orchestration `workflow_integration`); empty means derived. */
      workflow: phrases('collaboration.workflow'),
    }),
    {},
  ),
  ops: OpsSchema,
  /**
   * The services of a monorepo (detected from its workspace). Empty: the repository is one service,
   * described by `service` and `stack`. Each service gets its own runbook, test strategy and stack record.
   */
  services,
  compliance: ids(),
  /** Competency areas to weigh first, in this order; the others still apply (focus never drops). */
  focus: z._default(z.array(z.enum(AREAS)).check(z.maxLength(AREAS.length)), []),
  /**
   * Team packs composed with the library, later ones winning (docs/packs.md): a folder inside the
   * repository, or an npm package installed in its node_modules. .backend-agent/pack is used
   * whenever it exists, after these.
   */
  packs: z._default(
    z.array(z.string().check(
      z.minLength(1),
      z.maxLength(214),
      z.refine(
        (p) => /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/.test(p) || (!p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.split(/[\\/]/).includes('..')),
        'packs lists npm package names ("@acme/backend-agent-pack") or folders inside the repository ("tools/agent-pack")',
      ),
    )).check(z.maxLength(20, 'at most 20 packs')),
    [],
  ),
  outputs: z.prefault(
    z.strictObject({
      formats: z._default(z.array(z.enum(AGENT_FORMATS)).check(z.minLength(1, 'outputs.formats needs at least one format')), ['claude']),
      /**
       * The core's size limit in characters, at most 12,000: a smaller core carries fewer technology
       * rules (all of them stay in the skills' references). Seed presets keep near their seed's size.
       */
      coreCharacters: z._default(integer(2000, 12000), 12000),
      /** Write the task skills (SKILL.md + references/) where the chosen tools read them. */
      skills: z._default(z.boolean(), true),
      /** Each service's docs under its own folder (`<path>/docs/…`) or centrally under docs/ with its name. */
      docsLayout: z._default(z.enum(DOCS_LAYOUTS), 'per-service'),
      docs: z.prefault(
        z.strictObject({
          adr: z._default(z.boolean(), true),
          runbook: z._default(z.boolean(), true),
          testStrategy: z._default(z.boolean(), true),
          /** Prometheus alerting rules beside the runbook (`<runbookDir>/<service>.rules.yaml`). */
          alertRules: z._default(z.boolean(), true),
        }),
        {},
      ),
      paths: z.prefault(
        z.strictObject({
          adrDir: z._default(relPath('outputs.paths.adrDir'), 'docs/adr'),
          runbookDir: z._default(relPath('outputs.paths.runbookDir'), 'docs/runbooks'),
          testStrategy: z._default(relPath('outputs.paths.testStrategy'), 'docs/testing/test-strategy.md'),
        }),
        {},
      ),
    }),
    {},
  ),
});

export type Answers = z.infer<typeof AnswersSchema>;
/** What a user, preset or answers file may give: any subset, deeply. */
export type AnswersInput = z.input<typeof AnswersSchema>;
