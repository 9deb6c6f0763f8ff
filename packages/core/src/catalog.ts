/**
 * The question catalog: the one definition of every answer that front ends ask for
 * (flags and answers files now; the wizard and the plop generators use the same entries).
 * Defaults and validation come from the answers schema, so nothing is defined twice.
 */
import { AnswersSchema, SENIORITIES, COLORS, MODEL_ALIASES, CLAUDE_TOOLS, AGENT_FORMATS } from './answers/schema.js';
import { getPath, setPath } from './answers/paths.js';
import { AREAS, type FacetKind } from './library/schema.js';
import { library, facetsOfKind } from './library/index.js';

export type QuestionKind = 'text' | 'number' | 'select' | 'multiselect' | 'confirm' | 'list';
export type QuestionGroup = 'identity' | 'service' | 'stack' | 'focus' | 'targets' | 'collaboration' | 'outputs';

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
    return issue ? issue.message : true;
  };
}

const plain = (values: readonly string[]): Choice[] => values.map((v) => ({ value: v, name: v }));
const facetChoices = (kind: FacetKind): Choice[] =>
  facetsOfKind(library, kind).map((f) => ({ value: f.id, name: f.name }));

type Spec = Omit<Question, 'default' | 'validate'>;

const SPECS: Spec[] = [
  { id: 'agent.name', group: 'identity', kind: 'text', message: 'Agent name (file name and `name:` field)' },
  { id: 'agent.title', group: 'identity', kind: 'text', message: 'Title (empty: derived from seniority)' },
  { id: 'agent.description', group: 'identity', kind: 'text', message: 'When to use the agent (empty: generated with examples)' },
  { id: 'agent.seniority', group: 'identity', kind: 'select', message: 'Seniority', choices: plain(SENIORITIES) },
  { id: 'agent.yearsOfExperience', group: 'identity', kind: 'number', message: 'Years of experience' },
  { id: 'agent.model', group: 'identity', kind: 'select', message: 'Model', choices: plain(MODEL_ALIASES), openChoices: true },
  { id: 'agent.color', group: 'identity', kind: 'select', message: 'Colour', choices: plain(COLORS) },
  { id: 'agent.tools', group: 'identity', kind: 'multiselect', message: 'Tools (none selected: all tools)', choices: plain(CLAUDE_TOOLS), openChoices: true },
  { id: 'service.name', group: 'service', kind: 'text', message: 'Service name (runbook file name)' },
  { id: 'service.team', group: 'service', kind: 'text', message: 'Owning team (empty: a placeholder to fill)' },
  { id: 'service.tier', group: 'service', kind: 'select', message: 'Service tier', choices: plain(['tier-1', 'tier-2', 'tier-3']) },
  { id: 'stack.languages', group: 'stack', kind: 'multiselect', message: 'Languages', choices: facetChoices('language') },
  { id: 'stack.frameworks', group: 'stack', kind: 'multiselect', message: 'Frameworks', choices: facetChoices('framework') },
  { id: 'stack.datastores', group: 'stack', kind: 'multiselect', message: 'Datastores', choices: facetChoices('datastore') },
  { id: 'stack.messaging', group: 'stack', kind: 'multiselect', message: 'Messaging', choices: facetChoices('messaging') },
  { id: 'stack.cloud', group: 'stack', kind: 'multiselect', message: 'Cloud', choices: facetChoices('cloud') },
  { id: 'stack.infrastructure', group: 'stack', kind: 'multiselect', message: 'Infrastructure', choices: facetChoices('infrastructure') },
  { id: 'stack.apiStyles', group: 'stack', kind: 'multiselect', message: 'API styles', choices: facetChoices('api') },
  { id: 'compliance', group: 'stack', kind: 'multiselect', message: 'Compliance regimes', choices: facetChoices('compliance') },
  { id: 'focus', group: 'focus', kind: 'multiselect', message: 'Focus areas (none selected: all that apply)', choices: plain(AREAS) },
  { id: 'targets.p99LatencyMs', group: 'targets', kind: 'number', message: 'p99 latency target (ms)' },
  { id: 'targets.throughputRps', group: 'targets', kind: 'number', message: 'Peak throughput (requests per second)' },
  { id: 'targets.availability', group: 'targets', kind: 'number', message: 'Availability SLO (%)' },
  { id: 'targets.coverage', group: 'targets', kind: 'number', message: 'Test coverage gate (%)' },
  { id: 'collaboration.escalatesTo', group: 'collaboration', kind: 'list', message: 'Escalates to (agents or teams, comma-separated)' },
  { id: 'collaboration.receivesFrom', group: 'collaboration', kind: 'list', message: 'Receives work from' },
  { id: 'collaboration.parallelWith', group: 'collaboration', kind: 'list', message: 'Works in parallel with' },
  { id: 'collaboration.handsOffTo', group: 'collaboration', kind: 'list', message: 'Hands off to' },
  { id: 'outputs.formats', group: 'outputs', kind: 'multiselect', message: 'Agent formats', choices: plain(AGENT_FORMATS) },
  { id: 'outputs.docs.adr', group: 'outputs', kind: 'confirm', message: 'Write ADRs?' },
  { id: 'outputs.docs.runbook', group: 'outputs', kind: 'confirm', message: 'Write a runbook?' },
  { id: 'outputs.docs.testStrategy', group: 'outputs', kind: 'confirm', message: 'Write a test strategy?' },
  { id: 'outputs.paths.adrDir', group: 'outputs', kind: 'text', message: 'ADR folder' },
  { id: 'outputs.paths.runbookDir', group: 'outputs', kind: 'text', message: 'Runbook folder' },
  { id: 'outputs.paths.testStrategy', group: 'outputs', kind: 'text', message: 'Test strategy file' },
];

export const catalog: readonly Question[] = SPECS.map((spec) => ({
  ...spec,
  default: getPath(DEFAULTS, spec.id),
  validate: validatorFor(spec.id),
}));

export function findQuestion(id: string): Question | undefined {
  return catalog.find((q) => q.id === id);
}
