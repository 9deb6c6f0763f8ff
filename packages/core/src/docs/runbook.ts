/** The service runbook: SLOs, dependencies, alerts, commands and failure modes from the chosen facets. */
import type { Library } from '../library/index.js';
import type { Facet } from '../library/schema.js';
import type { RenderContext } from '../render/context.js';
import { prose, renderTemplate } from '../render/handlebars.js';
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

/**
 * What deploys the service's own code. Within a group the first one chosen owns deploy, rollback and
 * scale: rolling back behind Helm's back with kubectl, or with docker compose on a cluster, makes
 * things worse. Functions deploy on their own, beside a cluster. A platform the owner runs on keeps
 * its inspect commands (kubectl under Helm); the others in the group are left out (Docker builds the
 * image a cluster runs). A cloud's own compute commands (ECS, Cloud Run, App Service) apply only when
 * none of these is chosen; Terraform deploys infrastructure changes and keeps its commands always.
 */
const WORKLOAD_GROUPS: readonly (readonly string[])[] = [['helm', 'kubernetes', 'docker'], ['serverless']];
const RUNS_ON: Readonly<Record<string, readonly string[]>> = { helm: ['kubernetes'] };

type Role = 'deploys' | 'inspect' | 'none';

function platformRoles(facets: readonly Facet[]): { owners: Facet[]; role: (f: Facet) => Role } {
  const owners = WORKLOAD_GROUPS.map((group) => group.map((id) => facets.find((f) => f.id === id)).find(Boolean)).filter((f): f is Facet => f !== undefined);
  const role = (f: Facet): Role => {
    if (f.kind === 'cloud') return owners.length === 0 ? 'deploys' : 'inspect';
    const group = WORKLOAD_GROUPS.find((g) => g.includes(f.id));
    if (!group || owners.includes(f)) return 'deploys';
    const owner = owners.find((o) => group.includes(o.id))!;
    return RUNS_ON[owner.id]?.includes(f.id) ? 'inspect' : 'none';
  };
  return { owners, role };
}

/** The cloud each provider CLI belongs to: a command for a cloud that was not chosen is left out. */
const CLI_CLOUD: Record<string, string> = { aws: 'aws', sam: 'aws', eksctl: 'aws', gcloud: 'gcp', gsutil: 'gcp', bq: 'gcp', az: 'azure', func: 'azure' };

function forChosenClouds(command: string, clouds: ReadonlySet<string>): boolean {
  const cloud = CLI_CLOUD[command.trim().split(/\s+/)[0] ?? ''];
  return cloud === undefined || clouds.size === 0 || clouds.has(cloud);
}

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
  const clouds = new Set(context.stack.cloud?.map((f) => f.id) ?? []);
  const { owners, role } = platformRoles(facets);
  const order: Record<Role, number> = { deploys: 0, inspect: 1, none: 2 };
  const operated = facets.filter((f) => role(f) !== 'none');
  return {
    ...context,
    sloAlertPrefix: alertPrefix(service),
    dependencies: facets.filter((f) => ROLE[f.kind]).map((f) => ({ name: f.name, ...ROLE[f.kind]! })),
    // A platform that does not run the code here (Docker when a cluster runs the image) brings no
    // alerts, failure modes or dashboards either: on-call would chase hosts that do not exist.
    alerts: operated.flatMap((f) => f.runbook.alerts),
    failureModes: operated.flatMap((f) => f.runbook.failureModes),
    dashboards: operated.filter((f) => f.runbook.dashboards.length > 0).map((f) => ({ source: f.name, text: f.runbook.dashboards.map((d) => d.replace(/\.$/, '')).join('; ') })),
    // API-style facets carry burn-rate alerts on the same SLOs; the generic pair is for the rest.
    genericSloAlerts: !facets.some((f) => f.kind === 'api' && f.runbook.alerts.some((a) => /ErrorBudgetBurn|SloBurn/.test(a.name))),
    deployedWith: prose((owners.length > 0 ? owners : (context.stack.cloud ?? [])).map((f) => f.name)),
    // What deploys the code first, then other deploy paths (Terraform), then what is only inspected.
    platforms: facets
      .filter((f) => f.runbook.commands && role(f) !== 'none')
      .sort((a, b) => (owners.includes(a) ? -1 : 0) - (owners.includes(b) ? -1 : 0) || order[role(a)] - order[role(b)])
      .map((f) => ({
        name: f.name,
        groups: COMMAND_GROUPS.filter(([key]) => key === 'inspect' || role(f) === 'deploys').map(([key, label]) => ({
          label,
          commands: (f.runbook.commands?.[key] ?? []).filter((c) => forChosenClouds(c, clouds)).map((c) => withService(c, service)),
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
  const withoutShellBraces = first.replace(/```[\s\S]*?```/g, (block) => block.replace(/\{(?![a-z][a-z0-9-]*\})/g, ''));
  return tidyMarkdown(renderTemplate(template, { ...data, placeholders: placeholdersIn(withoutShellBraces) }));
}
