/**
 * The question catalog: the one definition of every answer that front ends ask for
 * (flags and answers files now; the wizard and the plop generators use the same entries).
 * Defaults and validation come from the answers schema, so nothing is defined twice.
 */
import type * as z from 'zod/mini';
import { AnswersSchema, SENIORITIES, COLORS, MODEL_ALIASES, CLAUDE_TOOLS, AGENT_FORMATS, DOCS_LAYOUTS } from './answers/schema.js';
import { getPath, setPath } from './answers/paths.js';
import type { Condition } from './library/schema.js';
import { AREAS, AREA_DESCRIPTIONS, type FacetKind } from './library/kinds.js';
import { library, facetsOfKind } from './library/index.js';

/** `json`: a list of objects (agent.examples), given in answers files or as JSON to --set. */
export type QuestionKind = 'text' | 'number' | 'select' | 'multiselect' | 'confirm' | 'list' | 'json';
export type QuestionGroup = 'identity' | 'service' | 'stack' | 'focus' | 'targets' | 'collaboration' | 'outputs' | 'ops';

/** The wizard's steps, in order. Questions name the step that asks them. */
export type WizardStep = 'identity' | 'stack' | 'services' | 'focus' | 'targets' | 'collaboration' | 'outputs' | 'operations';
export interface WizardStepInfo {
  id: WizardStep;
  title: string;
  /**
   * Pre-filled as a whole: the wizard shows the step's values (and why) and asks once whether to
   * keep them, asking each question only when they are not kept.
   */
  summarised: boolean;
}
export const WIZARD_STEPS: readonly WizardStepInfo[] = [
  { id: 'identity', title: 'Name and seniority', summarised: false },
  { id: 'stack', title: 'Stack', summarised: true },
  { id: 'services', title: 'Services', summarised: true },
  { id: 'focus', title: 'Focus areas', summarised: false },
  { id: 'targets', title: 'Targets', summarised: true },
  { id: 'collaboration', title: 'Collaboration', summarised: true },
  { id: 'outputs', title: 'Outputs and docs', summarised: true },
  // Optional: Enter keeps them empty, and the docs keep a placeholder for each.
  { id: 'operations', title: 'Operations (optional)', summarised: true },
];

export interface Choice {
  value: string;
  name: string;
}

export interface Question {
  /** Dotted answers path, also the `--set` key. */
  id: string;
  group: QuestionGroup;
  message: string;
  kind: QuestionKind;
  choices?: readonly Choice[];
  /** Allows values outside `choices` (e.g. a full model id, an MCP tool). */
  openChoices?: boolean;
  /** The wizard step that asks it; without one it is set by flags, answers files and presets only. */
  step?: WizardStep;
  /** The wizard asks it only when this holds for the answers so far (a folder only for docs written). */
  askWhen?: Condition;
  /** A short label for summaries ("p99 latency"); the message otherwise. */
  label?: string;
  default: unknown;
  /** true, or a one-line message saying what is wrong. */
  validate: (value: unknown) => true | string;
}

const DEFAULTS = AnswersSchema.parse({});

function validatorFor(id: string): (value: unknown) => true | string {
  return (value) => {
    const result = AnswersSchema.safeParse(setPath({}, id, value));
    if (result.success) return true;
    const issue = result.error.issues.find((i) => i.path.join('.').startsWith(id));
    return issue ? friendly(issue) : true;
  };
}

/** The schema's own messages where it has them; plain words for zod's generic number messages. */
function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'number') return `Enter a number of at least ${String(issue.minimum)}.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `Enter a number of at most ${String(issue.maximum)}.`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Enter a whole number.';
  return issue.message;
}

const plain = (values: readonly string[]): Choice[] => values.map((v) => ({ value: v, name: v }));
const facetChoices = (kind: FacetKind): Choice[] =>
  facetsOfKind(library, kind).map((f) => ({ value: f.id, name: f.name }));

type Spec = Omit<Question, 'default' | 'validate'>;

const runbook: Condition = { path: 'outputs.docs.runbook', equals: true };
const rules: Condition = { path: 'outputs.docs.alertRules', equals: true };
const onCloud = (cloud: string): Condition => ({ all: [runbook, { path: 'stack.cloud', includes: cloud }] });
/** The facts the runbook and the rules file would leave as placeholders, each asked only where a doc uses it. */
const OPS_SPECS: Spec[] = ([
  { id: 'ops.onCallRotation', message: 'On-call rotation (schedule name or link)', askWhen: runbook, label: 'On-call rotation' },
  { id: 'ops.incidentChannel', message: 'Incident channel (e.g. #inc-orders)', askWhen: runbook, label: 'Incident channel' },
  { id: 'ops.escalationContact', message: 'How to reach the incident commander', askWhen: runbook, label: 'Incident commander' },
  { id: 'ops.dashboardUrl', message: 'Service dashboard URL', askWhen: runbook, label: 'Dashboard' },
  { id: 'ops.logsUrl', message: 'Logs URL', askWhen: runbook, label: 'Logs' },
  { id: 'ops.tracesUrl', message: 'Traces URL', askWhen: runbook, label: 'Traces' },
  { id: 'ops.region', message: 'Cloud region (pasted into commands)', askWhen: { all: [runbook, { path: 'stack.cloud', nonEmpty: true as const }] }, label: 'Region' },
  {
    id: 'ops.cluster',
    message: 'Cluster name (Kubernetes or ECS)',
    askWhen: { all: [runbook, { any: [{ path: 'stack.infrastructure', includes: 'kubernetes' }, { all: [{ path: 'stack.cloud', includes: 'aws' }, { path: 'stack.infrastructure', includes: 'docker' }] }] }] },
    label: 'Cluster',
  },
  { id: 'ops.namespace', message: 'Kubernetes namespace', askWhen: { all: [runbook, { path: 'stack.infrastructure', includes: 'kubernetes' }] }, label: 'Namespace' },
  { id: 'ops.gcpProject', message: 'Google Cloud project id', askWhen: onCloud('gcp'), label: 'GCP project' },
  { id: 'ops.azureResourceGroup', message: 'Azure resource group', askWhen: onCloud('azure'), label: 'Resource group' },
  { id: 'ops.metricsJob', message: 'Prometheus job label of the service (empty: the service name)', askWhen: rules, label: 'Metrics job' },
  { id: 'ops.runbookBaseUrl', message: 'URL the runbook path is appended to in alert links (e.g. https://github.com/acme/orders/blob/main/)', askWhen: rules, label: 'Runbook base URL' },
] satisfies Array<Pick<Spec, 'id' | 'message' | 'askWhen' | 'label'>>).map((spec) => ({ ...spec, group: 'ops' as const, kind: 'text' as const, step: 'operations' as const }));

const SPECS: Spec[] = [
  { id: 'agent.name', group: 'identity', kind: 'text', message: 'Agent name (file name and `name:` field)', step: 'identity' },
  { id: 'agent.title', group: 'identity', kind: 'text', message: 'Title (empty: derived from seniority)' },
  { id: 'agent.description', group: 'identity', kind: 'text', message: 'When to use the agent (empty: generated with examples)' },
  { id: 'agent.seniority', group: 'identity', kind: 'select', message: 'Seniority', choices: plain(SENIORITIES), step: 'identity' },
  { id: 'agent.yearsOfExperience', group: 'identity', kind: 'number', message: 'Years of experience' },
  { id: 'agent.yearsOfExperienceMax', group: 'identity', kind: 'number', message: 'Top of a years-of-experience range (empty: N+ years)' },
  { id: 'agent.model', group: 'identity', kind: 'select', message: 'Model', choices: plain(MODEL_ALIASES), openChoices: true },
  { id: 'agent.color', group: 'identity', kind: 'select', message: 'Colour', choices: plain(COLORS) },
  { id: 'agent.examples', group: 'identity', kind: 'json', message: 'Worked examples for the description ([{context, user, task, why, toolCall}]; empty: generated)' },
  { id: 'agent.expertise', group: 'identity', kind: 'list', message: 'Areas of expertise (orchestration domain_expertise; empty: the composed areas)' },
  { id: 'agent.triggers', group: 'identity', kind: 'list', message: 'Complexity triggers (empty: derived)' },
  { id: 'agent.engage', group: 'identity', kind: 'list', message: 'Tasks to hand this agent (When to engage)' },
  { id: 'agent.successMetrics', group: 'identity', kind: 'list', message: 'Success metrics' },
  { id: 'agent.access', group: 'identity', kind: 'list', message: 'Access limits beyond the tool list' },
  { id: 'agent.toolRationale', group: 'identity', kind: 'text', message: 'Why the agent holds its tools (orchestration rationale; empty: derived)' },
  { id: 'agent.closing', group: 'identity', kind: 'text', message: 'Closing principle (empty: none)' },
  { id: 'agent.tools', group: 'identity', kind: 'multiselect', message: 'Tools (none selected: all tools)', choices: plain(CLAUDE_TOOLS), openChoices: true },
  { id: 'service.name', group: 'service', kind: 'text', message: 'Service name (runbook file name)', step: 'identity' },
  { id: 'service.team', group: 'service', kind: 'text', message: 'Owning team (empty: a placeholder to fill)' },
  { id: 'service.tier', group: 'service', kind: 'select', message: 'Service tier', choices: plain(['tier-1', 'tier-2', 'tier-3']) },
  {
    id: 'services', group: 'service', kind: 'list', step: 'services', askWhen: { path: 'services', nonEmpty: true },
    message: 'Services to keep (names, comma-separated; set one with services.<name>.path, .package, .team, .stack.<list>, .targets.<target>)',
  },
  { id: 'stack.languages', group: 'stack', kind: 'multiselect', message: 'Languages', choices: facetChoices('language'), step: 'stack' },
  { id: 'stack.frameworks', group: 'stack', kind: 'multiselect', message: 'Frameworks', choices: facetChoices('framework'), step: 'stack' },
  { id: 'stack.datastores', group: 'stack', kind: 'multiselect', message: 'Datastores', choices: facetChoices('datastore'), step: 'stack' },
  { id: 'stack.messaging', group: 'stack', kind: 'multiselect', message: 'Messaging', choices: facetChoices('messaging'), step: 'stack' },
  { id: 'stack.cloud', group: 'stack', kind: 'multiselect', message: 'Cloud', choices: facetChoices('cloud'), step: 'stack' },
  { id: 'stack.infrastructure', group: 'stack', kind: 'multiselect', message: 'Infrastructure', choices: facetChoices('infrastructure'), step: 'stack' },
  { id: 'stack.apiStyles', group: 'stack', kind: 'multiselect', message: 'API styles', choices: facetChoices('api'), step: 'stack' },
  { id: 'compliance', group: 'stack', kind: 'multiselect', message: 'Compliance regimes', choices: facetChoices('compliance'), step: 'stack', label: 'Compliance' },
  { id: 'packs', group: 'stack', kind: 'list', message: 'Team packs: folders in the repository or installed npm packages, comma-separated', label: 'Packs' },
  { id: 'focus', group: 'focus', kind: 'multiselect', message: 'Focus areas, put first and weighed first (none selected: the library order)', choices: AREAS.map((a) => ({ value: a, name: `${a}: ${AREA_DESCRIPTIONS[a]}` })), step: 'focus' },
  { id: 'targets.p99LatencyMs', group: 'targets', kind: 'number', message: 'p99 latency target (ms)', step: 'targets', label: 'p99 latency (ms)' },
  { id: 'targets.throughputRps', group: 'targets', kind: 'number', message: 'Peak throughput (requests per second)', step: 'targets', label: 'Peak throughput (rps)' },
  { id: 'targets.availability', group: 'targets', kind: 'number', message: 'Availability SLO (%)', step: 'targets' },
  { id: 'targets.coverage', group: 'targets', kind: 'number', message: 'Test coverage gate (%)', step: 'targets' },
  { id: 'collaboration.escalatesTo', group: 'collaboration', kind: 'list', message: 'Escalates to (agents or teams, comma-separated)', step: 'collaboration', label: 'Escalates to' },
  { id: 'collaboration.receivesFrom', group: 'collaboration', kind: 'list', message: 'Receives work from', step: 'collaboration' },
  { id: 'collaboration.parallelWith', group: 'collaboration', kind: 'list', message: 'Works in parallel with', step: 'collaboration' },
  { id: 'collaboration.handsOffTo', group: 'collaboration', kind: 'list', message: 'Hands off to', step: 'collaboration' },
  { id: 'collaboration.workflow', group: 'collaboration', kind: 'list', message: 'How work flows with the other agents (orchestration workflow_integration; empty: derived)' },
  { id: 'outputs.formats', group: 'outputs', kind: 'multiselect', message: 'Agent formats', choices: plain(AGENT_FORMATS), step: 'outputs' },
  { id: 'outputs.coreCharacters', group: 'outputs', kind: 'number', message: 'Core size limit in characters (2,000 to 12,000)' },
  { id: 'outputs.skills', group: 'outputs', kind: 'confirm', message: 'Write task skills (schema change, incident, release…)?', step: 'outputs', label: 'Skills' },
  { id: 'outputs.docs.adr', group: 'outputs', kind: 'confirm', message: 'Write ADRs?', step: 'outputs', label: 'ADRs' },
  { id: 'outputs.docs.runbook', group: 'outputs', kind: 'confirm', message: 'Write a runbook?', step: 'outputs', label: 'Runbook' },
  { id: 'outputs.docs.alertRules', group: 'outputs', kind: 'confirm', message: 'Write Prometheus alerting rules beside the runbook?', step: 'outputs', label: 'Alert rules' },
  { id: 'outputs.docs.testStrategy', group: 'outputs', kind: 'confirm', message: 'Write a test strategy?', step: 'outputs', label: 'Test strategy' },
  {
    id: 'outputs.docsLayout', group: 'outputs', kind: 'select', step: 'outputs', askWhen: { path: 'services', nonEmpty: true }, label: 'Service docs',
    message: "Where each service's runbook, test strategy and stack record go (per-service: its folder; central: docs/ with its name)", choices: plain(DOCS_LAYOUTS),
  },
  { id: 'outputs.paths.adrDir', group: 'outputs', kind: 'text', message: 'ADR folder', step: 'outputs', askWhen: { path: 'outputs.docs.adr', equals: true } },
  { id: 'outputs.paths.runbookDir', group: 'outputs', kind: 'text', message: 'Runbook folder', step: 'outputs', askWhen: { path: 'outputs.docs.runbook', equals: true } },
  { id: 'outputs.paths.testStrategy', group: 'outputs', kind: 'text', message: 'Test strategy file', step: 'outputs', askWhen: { path: 'outputs.docs.testStrategy', equals: true } },
  ...OPS_SPECS,
];

export const catalog: readonly Question[] = SPECS.map((spec) => ({
  ...spec,
  default: getPath(DEFAULTS, spec.id),
  validate: validatorFor(spec.id),
}));

export function findQuestion(id: string): Question | undefined {
  return catalog.find((q) => q.id === id);
}
