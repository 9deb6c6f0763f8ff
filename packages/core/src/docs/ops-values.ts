/**
 * The `{placeholders}` generated docs leave for facts of the team's operations, and the `ops.*`
 * answer that fills each one. An answered token is replaced; an unanswered one stays for the user
 * to fill by hand (and that edit merges like any other on a later run).
 */
import type { Answers } from '../answers/schema.js';
import { mdText } from '../render/markdown.js';

type OpsKey = keyof Answers['ops'];

/** Token → answer. Each token means one thing wherever it appears. */
export const OPS_TOKENS: Readonly<Record<string, OpsKey>> = {
  'on-call-rotation': 'onCallRotation',
  'incident-channel': 'incidentChannel',
  'escalation-contact': 'escalationContact',
  'dashboard-url': 'dashboardUrl',
  'logs-url': 'logsUrl',
  'traces-url': 'tracesUrl',
  region: 'region',
  cluster: 'cluster',
  namespace: 'namespace',
  'project-id': 'gcpProject',
  'resource-group': 'azureResourceGroup',
};

const TOKEN = /\{([a-z][a-z0-9-]*)\}/g;

/**
 * Commands and PromQL: `{service}` and answered ops tokens replaced as they are (the schema allows
 * only characters a shell or a label matcher reads literally in ops names); the rest stay.
 */
export function fillCommand(text: string, answers: Answers): string {
  return text.replace(TOKEN, (whole, token: string) => {
    if (token === 'service') return answers.service.name;
    const key = OPS_TOKENS[token];
    const value = key ? answers.ops[key] : '';
    return value !== '' ? value : whole;
  });
}

/** A URL shown as a link when it is one, else as escaped text. */
function proseValue(value: string): string {
  return /^https?:\/\/[^\s<>]+$/.test(value) ? `<${value}>` : mdText(value);
}

/** The value of an ops token for prose (escaped Markdown), or the placeholder itself. */
export function opsText(answers: Answers, token: string): string {
  const key = OPS_TOKENS[token];
  const value = key ? answers.ops[key] : '';
  return value !== '' ? proseValue(value) : `{${token}}`;
}

/** The Prometheus label matcher that selects the service's own metrics. */
export function metricsSelector(answers: Answers): string {
  return `job="${answers.ops.metricsJob || answers.service.name}"`;
}
