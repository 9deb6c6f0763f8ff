/** The service runbook: SLOs, dependencies, alerts, commands and failure modes from the chosen facets. */
import type { Library } from '../library/index.js';
import type { Facet } from '../library/schema.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { docTemplate } from './template.js';

const ROLE: Partial<Record<Facet['kind'], { role: string; impact: string }>> = {
  datastore: { role: 'Datastore', impact: 'Requests that read or write it fail or slow down; see its alerts below.' },
  messaging: { role: 'Message broker', impact: 'Events queue up or are not delivered; consumers fall behind.' },
  cloud: { role: 'Cloud platform', impact: 'Regional or service outages take managed dependencies with them.' },
};

const COMMAND_GROUPS = [
  ['deploy', 'Deploy'],
  ['rollback', 'Roll back'],
  ['scale', 'Scale'],
  ['inspect', 'Inspect'],
] as const;

/** `{service}` in facet commands is the service's name; any other `{token}` stays for the user to fill. */
function withService(command: string, service: string): string {
  return command.replaceAll('{service}', service);
}

function alertPrefix(service: string): string {
  return service
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function runbookData(context: RenderContext) {
  const facets = context.stack.all;
  const service = context.service.name;
  return {
    ...context,
    sloAlertPrefix: alertPrefix(service),
    dependencies: facets.filter((f) => ROLE[f.kind]).map((f) => ({ name: f.name, ...ROLE[f.kind]! })),
    alerts: facets.flatMap((f) => f.runbook.alerts),
    failureModes: facets.flatMap((f) => f.runbook.failureModes),
    dashboards: facets.flatMap((f) => f.runbook.dashboards.map((text) => ({ source: f.name, text }))),
    platforms: facets
      .filter((f) => f.runbook.commands)
      .map((f) => ({
        name: f.name,
        groups: COMMAND_GROUPS.map(([key, label]) => ({
          label,
          commands: (f.runbook.commands?.[key] ?? []).map((c) => withService(c, service)),
        })).filter((g) => g.commands.length > 0),
      }))
      .filter((p) => p.groups.length > 0),
  };
}

/** Placeholders the user must fill, in order of first appearance. */
export function placeholdersIn(markdown: string): string[] {
  const found = new Set<string>();
  for (const match of markdown.matchAll(/\{[a-z][a-z0-9-]*\}/g)) found.add(match[0]);
  return [...found];
}

export function renderRunbook(context: RenderContext, lib: Library): string {
  const data = runbookData(context);
  const template = docTemplate(lib, 'runbook');
  const first = tidyMarkdown(renderTemplate(template, { ...data, placeholders: [] }));
  // Code blocks may hold shell syntax in braces; only prose placeholders are listed.
  const prose = first.replace(/```[\s\S]*?```/g, (block) => block.replace(/\{(?![a-z][a-z0-9-]*\})/g, ''));
  return tidyMarkdown(renderTemplate(template, { ...data, placeholders: placeholdersIn(prose) }));
}
