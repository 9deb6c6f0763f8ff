/**
 * The wizard's services step: the monorepo's services as a table (path, package, stack, owner,
 * targets), kept as a whole or edited one service at a time (owner, package name, targets), or
 * dropped from the answers. It returns the whole list, which replaces the one suggested.
 */
import { serviceRows, ServiceSchema, type Answers, type Library, type Service } from '@create-backend-agent/core';
import { pc, type Output } from '../report.js';
import type { Prompter } from './prompter.js';

/** Rows shown before asking: a monorepo may have hundreds of services. */
const SHOWN = 30;

export function serviceTable(answers: Answers, lib: Library): string[] {
  const rows = serviceRows(answers, lib).map((r) => [r.name, r.path, r.package || '–', r.stack || '–', r.owner || '–', r.targets]);
  const head = ['Service', 'Path', 'Package', 'Stack', 'Owner', 'Targets'];
  const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.slice(0, SHOWN).map((r) => r[i]!.length))));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  const lines = [pc.dim(line(head)), ...rows.slice(0, SHOWN).map(line)];
  if (rows.length > SHOWN) lines.push(pc.dim(`  +${rows.length - SHOWN} more (backend-agent detect lists them all)`));
  return lines;
}

const check = (service: Service): true | string => {
  const result = ServiceSchema.safeParse(service);
  return result.success ? true : result.error.issues[0]!.message;
};

export async function askServices(prompter: Prompter, start: Answers, lib: Library, output: Output, summarised: boolean): Promise<Service[] | undefined> {
  for (const line of serviceTable(start, lib)) output.out(line);
  if (summarised && (await prompter.confirm({ message: 'Keep these services?', default: true }))) return undefined;
  let services = [...start.services];
  for (;;) {
    const picked = await prompter.select({
      message: 'Change a service?',
      choices: [{ value: '', name: 'Done' }, ...services.map((s) => ({ value: s.name, name: `${s.name} (${s.path})` }))],
      default: '',
    });
    if (picked === '') return services;
    const at = services.findIndex((s) => s.name === picked);
    const service = services[at]!;
    const action = await prompter.select({
      message: `${service.name}: change what?`,
      choices: [
        { value: 'team', name: `Owner (${service.team || 'none'})` },
        { value: 'package', name: `Package name (${service.package || 'none'})` },
        { value: 'p99', name: `p99 latency target (${service.targets.p99LatencyMs ?? start.targets.p99LatencyMs} ms)` },
        { value: 'availability', name: `Availability SLO (${service.targets.availability ?? start.targets.availability}%)` },
        { value: 'remove', name: 'Remove it from the answers (its docs are then no longer generated; never deleted)' },
      ],
    });
    if (action === 'remove') {
      services = services.filter((s) => s.name !== picked);
      continue;
    }
    const edit = (next: Service) => check(next);
    let next: Service = service;
    if (action === 'team' || action === 'package') {
      const value = (await prompter.text({ message: action === 'team' ? 'Owning team' : 'Package name', default: service[action], validate: (v) => edit({ ...service, [action]: v.trim() }) })).trim();
      next = { ...service, [action]: value };
    } else {
      const key = action === 'p99' ? 'p99LatencyMs' : 'availability';
      const value = await prompter.number({ message: action === 'p99' ? 'p99 latency target (ms)' : 'Availability SLO (%)', default: service.targets[key] ?? start.targets[key], validate: (n) => edit({ ...service, targets: { ...service.targets, [key]: n } }) });
      next = { ...service, targets: { ...service.targets, [key]: value } };
    }
    services = services.map((s, i) => (i === at ? next : s));
  }
}
