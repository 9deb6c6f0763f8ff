/** The service runbook: SLOs, dependencies, alerts, commands and failure modes from the chosen facets. */
import type { Library } from '../library/index.js';
import type { Facet, OperationStep } from '../library/schema.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { outputPaths } from '../paths.js';
import { docTemplate, partialTemplate } from './template.js';
import { alertAnchor, alertsData, renderAlertRules, type AlertsData } from './alerts.js';
import { resolveOperations, type ResolvedOperation } from './operations.js';
import { OPS_TOKENS, opsText } from './ops-values.js';

const ROLE: Partial<Record<Facet['kind'], { role: string; impact: string }>> = {
  datastore: { role: 'Datastore', impact: 'Requests that read or write it fail or slow down; see its alerts below.' },
  messaging: { role: 'Message broker', impact: 'Events queue up or are not delivered; consumers fall behind.' },
  cloud: { role: 'Cloud platform', impact: 'Regional or service outages take managed dependencies with them.' },
};

const STEP_LABEL: Record<OperationStep, string> = {
  connect: 'Connect',
  deploy: 'Deploy',
  rollback: 'Roll back',
  scale: 'Scale',
  inspect: 'Inspect',
  diagnose: 'Diagnose',
};

/**
 * Docker's runbook items (`docker compose ps`, the host's disk) are about a host the team runs: on a
 * cluster, a managed container service or functions Docker only builds the image, and on-call would
 * chase hosts that do not exist.
 */
function operatedFacets(context: RenderContext, operations: readonly ResolvedOperation[]): Facet[] {
  return context.stack.all.filter((f) => f.id !== 'docker' || operations.some((o) => o.id === 'compose'));
}

/** Runbook and rules file share one computation. */
export function runbookInputs(context: RenderContext, lib: Library): { operations: ResolvedOperation[]; alerts: AlertsData } {
  const operations = resolveOperations(context.answers, lib);
  return { operations, alerts: alertsData(context, operatedFacets(context, operations)) };
}

function stepsView(operation: ResolvedOperation) {
  return {
    name: operation.name,
    intro: operation.intro,
    steps: operation.steps.map((s) => ({ label: STEP_LABEL[s.step], items: s.items.map((i) => ('block' in i ? { blocks: [i.block], choose: false, note: '' } : { blocks: i.choose, choose: true, note: i.note ?? '' })) })),
  };
}

export function runbookData(context: RenderContext, lib: Library) {
  const { operations, alerts } = runbookInputs(context, lib);
  const operated = operatedFacets(context, operations);
  const paths = outputPaths(context.answers);
  const rulesFile = context.answers.outputs.docs.alertRules ? paths.alertRules.split('/').pop()! : '';
  const withRule = alerts.alerts.filter((a) => a.expr);
  const deployable = operations.filter((o) => o.kind === 'platform' || o.kind === 'infrastructure');
  const ops = Object.fromEntries(Object.keys(OPS_TOKENS).map((token) => [token, opsText(context.answers, token)]));
  return {
    ...context,
    ops,
    dependencies: context.stack.all.filter((f) => ROLE[f.kind]).map((f) => ({ name: f.name, ...ROLE[f.kind]! })),
    failureModes: operated.flatMap((f) => f.runbook.failureModes),
    dashboards: operated.filter((f) => f.runbook.dashboards.length > 0).map((f) => ({ source: f.name, text: f.runbook.dashboards.map((d) => d.replace(/\.$/, '')).join('; ') })),
    alertList: alerts.alerts.map((a) => ({ ...a, anchor: alertAnchor(a.name), inRules: Boolean(a.expr && rulesFile) })),
    alertRules: rulesFile
      ? {
          file: rulesFile,
          count: withRule.length,
          pages: withRule.filter((a) => a.severity === 'page').length,
          tickets: withRule.filter((a) => a.severity === 'ticket').length,
        }
      : null,
    metrics: { ...alerts.metrics, selector: alerts.selector, latencyThreshold: alerts.latencyThreshold, budgetPercent: Number((alerts.budget * 100).toPrecision(6)) },
    commandSections: [
      {
        title: 'Deploy and rollback',
        fallback: !operations.some((o) => o.kind === 'platform'),
        lead: deployable.length > 0 ? `Deploy and roll back the way the service is deployed, never around it, and confirm a rollback on the dashboard before closing the incident.` : '',
        entries: deployable.map(stepsView),
      },
      { title: 'Datastore and broker diagnostics', fallback: false, lead: '', entries: operations.filter((o) => o.kind === 'datastore' || o.kind === 'broker').map(stepsView) },
    ].filter((s) => s.fallback || s.entries.length > 0),
  };
}

/** Placeholders the user must fill, in order of first appearance. */
export function placeholdersIn(markdown: string): string[] {
  const found = new Set<string>();
  for (const match of markdown.matchAll(/\{[a-z][a-z0-9-]*\}/g)) found.add(match[0]);
  return [...found];
}

/** Tokens that stand for a fact of the team (an answer), not a value of one incident. */
const STANDING = new Set(['owning-team', ...Object.keys(OPS_TOKENS)]);

/**
 * Where the placeholder lines go in the one rendering of the runbook: a line no answer can produce
 * (free text loses its control characters), replaced once the rest of the text names them.
 */
const PLACEHOLDER_SLOT = '\u0000placeholders\u0000';

export function renderRunbook(context: RenderContext, lib: Library): string {
  const data = runbookData(context, lib);
  // Rendered once: the lines that name the placeholders are rendered apart and put in their slot.
  const body = renderTemplate(docTemplate(lib, 'runbook'), { ...data, placeholderSlot: PLACEHOLDER_SLOT }, lib.partials);
  const all = placeholdersIn(body);
  // Named without braces: filling `{namespace}` by hand (sed) leaves this line as it was, so a later
  // run that drops the name from it merges instead of conflicting.
  const placeholders = all
    .filter((p) => STANDING.has(p.slice(1, -1)))
    .map((p) => ({ name: p.slice(1, -1), key: p === '{owning-team}' ? 'service.team' : `ops.${OPS_TOKENS[p.slice(1, -1)]!}` }));
  const perIncident = all.filter((p) => !STANDING.has(p.slice(1, -1)));
  const lines = renderTemplate(partialTemplate(lib, 'runbook-placeholders'), { ...data, placeholders, perIncident }, lib.partials);
  return tidyMarkdown(body.replace(`${PLACEHOLDER_SLOT}\n`, () => lines));
}

/** `<runbookDir>/<service>.rules.yaml`: the alerts of the runbook that have an expression. */
export function renderRunbookRules(context: RenderContext, lib: Library): string {
  const { alerts } = runbookInputs(context, lib);
  return renderAlertRules(context, alerts, outputPaths(context.answers).runbook);
}
