/**
 * The services of a monorepo as the rest of the pipeline sees them: where each one's docs go (its own
 * folder, or docs/ with its name, by `outputs.docsLayout`), the answers its docs are rendered from
 * (its stack, owner and targets in place of the repository's), and its row in the agent's table.
 * A repository with no services answered is one service: none of this applies.
 */
import type { Answers, Service } from './answers/schema.js';
import { STACK_KINDS } from './answers/resolve.js';
import { getPath } from './answers/paths.js';
import { findFacet, type Library } from './library/index.js';
import type { FacetKind } from './library/schema.js';

const trim = (path: string) => path.replace(/\/+$/, '');
const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const join = (...parts: string[]) => parts.filter((p) => p !== '').join('/');

export interface ServicePaths {
  adrDir: string;
  runbookDir: string;
  runbook: string;
  /** The Prometheus rules the runbook's alert table points to, beside the runbook. */
  alertRules: string;
  testStrategy: string;
  /** The k6 script, beside the test strategy. */
  loadTest: string;
  /** The nested AGENTS.md an AGENTS.md reader loads in the service's folder. */
  agentsMd: string;
}

/**
 * per-service: the repository's doc paths under the service's folder (`services/orders/docs/runbooks/orders.md`);
 * central: under docs/ with the service's name (`docs/runbooks/orders.md`, `docs/testing/orders-test-strategy.md`,
 * `docs/adr/orders/`).
 */
export function servicePaths(answers: Answers, service: Service): ServicePaths {
  const paths = answers.outputs.paths;
  const folder = trim(service.path);
  const perService = answers.outputs.docsLayout === 'per-service';
  const adrDir = perService ? join(folder, trim(paths.adrDir)) : join(trim(paths.adrDir), service.name);
  const runbookDir = perService ? join(folder, trim(paths.runbookDir)) : trim(paths.runbookDir);
  const testStrategy = perService
    ? join(folder, paths.testStrategy)
    : join(dirOf(paths.testStrategy), `${service.name}-${baseOf(paths.testStrategy)}`);
  const loadTest = `${testStrategy.replace(/[^/]*$/, '')}${service.name}.k6.js`;
  return { adrDir, runbookDir, runbook: `${runbookDir}/${service.name}.md`, alertRules: `${runbookDir}/${service.name}.rules.yaml`, testStrategy, loadTest, agentsMd: join(folder, 'AGENTS.md') };
}

/** The answers a service's own docs are rendered from: the repository's, with the service's name, owner, stack, targets and doc paths. */
export function serviceAnswers(answers: Answers, service: Service): Answers {
  const paths = servicePaths(answers, service);
  const targets = Object.fromEntries(Object.entries(service.targets).filter(([, v]) => v !== undefined));
  return {
    ...answers,
    service: { ...answers.service, name: service.name, team: service.team || answers.service.team },
    stack: { ...service.stack },
    targets: { ...answers.targets, ...targets },
    services: [],
    outputs: { ...answers.outputs, paths: { adrDir: paths.adrDir, runbookDir: paths.runbookDir, testStrategy: paths.testStrategy } },
  };
}

/** Where the services table goes when it is too long for the core: beside the runbooks folder. */
export function servicesIndexPath(answers: Answers): string {
  return join(dirOf(trim(answers.outputs.paths.runbookDir)), 'services.md');
}

/** What the table shows of a stack: the code, its data and its brokers and cloud; platforms are the repository's. */
const TABLE_KINDS: readonly FacetKind[] = ['language', 'framework', 'datastore', 'messaging', 'cloud'];

export interface ServiceRow {
  name: string;
  path: string;
  package: string;
  stack: string;
  /** Facet ids of the whole stack, for the references a service reads. */
  ids: string[];
  owner: string;
  targets: string;
  runbook: string;
  testStrategy: string;
  adrDir: string;
}

export function serviceRows(answers: Answers, lib: Library): ServiceRow[] {
  return answers.services.map((service) => {
    const own = serviceAnswers(answers, service);
    const facets = STACK_KINDS.filter(([path]) => path.startsWith('stack.')).flatMap(([path, kind]) =>
      ((getPath(own, path) as string[] | undefined) ?? []).map((id) => findFacet(lib, kind, id)).filter((f) => f !== undefined),
    );
    const t = own.targets;
    const paths = servicePaths(answers, service);
    return {
      name: service.name,
      path: service.path,
      package: service.package,
      stack: facets.filter((f) => TABLE_KINDS.includes(f.kind)).map((f) => f.name).join(', '),
      ids: facets.map((f) => f.id),
      owner: own.service.team,
      targets: `p99 ${t.p99LatencyMs} ms, ${t.throughputRps} rps, ${t.availability}%`,
      runbook: paths.runbook,
      testStrategy: paths.testStrategy,
      adrDir: paths.adrDir,
    };
  });
}
