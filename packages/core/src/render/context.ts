/** The data every template sees (documented in templates/README.md). Built once per render. */
import { mdHeading, mdText } from './markdown.js';
import type { Answers } from '../answers/schema.js';
import type { Facet, FacetKind } from '../library/schema.js';
import { AREAS, AREA_DESCRIPTIONS, FACET_KINDS, type Area } from '../library/kinds.js';
import { findFacet, type Library } from '../library/index.js';
import { STACK_KINDS } from '../answers/resolve.js';
import { getPath } from '../answers/paths.js';
import { outputPaths } from '../paths.js';
import { InternalError } from '../errors.js';
import { prose } from './prose.js';
import { adrNamingText, NEW_LOG_NAMING, type AdrNaming } from '../docs/adr-log.js';
import { resolveFacet } from './facets.js';
import { servicePaths, serviceRows, servicesIndexPath, type ServiceRow } from '../services.js';

/** Above this many characters the services table leaves the core for a file of its own. */
export const SERVICES_TABLE_MAX = 3000;

export function adrDocsNaming(naming: AdrNaming): { adrFilePattern: string; adrNumberingRule: string } {
  const { filePattern, numberingRule } = adrNamingText(naming);
  return { adrFilePattern: filePattern, adrNumberingRule: numberingRule };
}

const SENIORITY_LABEL = { senior: 'Senior', staff: 'Staff', principal: 'Principal' } as const;

/** Plural names of the `has.<kind>` flags, matching the stack answer names. */
const KIND_FLAG: Record<FacetKind, string> = {
  language: 'languages',
  framework: 'frameworks',
  datastore: 'datastores',
  messaging: 'messaging',
  cloud: 'cloud',
  infrastructure: 'infrastructure',
  api: 'apiStyles',
  compliance: 'compliance',
};

const TEST_LEVELS = [
  ['unit', 'Unit'],
  ['integration', 'Integration'],
  ['contract', 'Contract'],
  ['e2e', 'End-to-end'],
  ['load', 'Load'],
  ['security', 'Security'],
  ['resilience', 'Resilience'],
  ['static', 'Static analysis'],
] as const;

export interface RenderContext {
  answers: Answers;
  date: string;
  agent: Answers['agent'] & { title: string; seniorityLabel: string; years: number };
  service: Answers['service'] & { teamOrPlaceholder: string };
  stack: Record<string, Facet[]> & { all: Facet[] };
  has: Record<string, boolean>;
  targets: Answers['targets'] & { errorBudgetMinutes: number };
  /** The stack in one phrase ("Go on Gin, storing data in PostgreSQL, running on AWS"); empty when none. */
  stackSummary: string;
  /** Test tools of the chosen stack by level, names only, without repeats. */
  testTools: Array<{ level: string; label: string; tools: string[] }>;
  collaboration: Answers['collaboration'];
  /** A monorepo's services (none for a one-service repository), and where their docs go. */
  services: {
    rows: ServiceRow[];
    /** The services table's own file, when the table is too long for the core (else empty). */
    index: string;
    adrDir: string;
    nestedAgentsMd: boolean;
  };
  /**
   * The focus areas to weigh first, with what each covers; empty when none is chosen or when nearly
   * every area is (a focus on everything says nothing).
   */
  focus: Array<{ area: string; description: string }>;
  /** The skills index of the core: each skill's path and when to read it (empty until skills render). */
  skills: Array<{ name: string; path: string; index: string }>;
  docs: {
    adr: boolean;
    adrDir: string;
    /** How the ADR log names its files, e.g. `NNNN-title-in-kebab-case.md` (see docs/adr-log.ts). */
    adrFilePattern: string;
    /** The numbering rule in words, e.g. "numbered one past the highest number already there, four digits wide". */
    adrNumberingRule: string;
    runbook: boolean;
    runbookPath: string;
    testStrategy: boolean;
    testStrategyPath: string;
  };
}

export function defaultTitle(answers: Answers): string {
  return `${SENIORITY_LABEL[answers.agent.seniority]} Backend Engineer`;
}

export function buildContext(answers: Answers, lib: Library, date: string): RenderContext {
  const stack: Record<string, Facet[]> = {};
  const all: Facet[] = [];
  // Every facet id and kind gets a flag, so that templates compiled in strict mode can test any of them.
  const has: Record<string, boolean> = Object.fromEntries(lib.facets.map((f) => [f.id, false]));
  for (const kind of FACET_KINDS) has[KIND_FLAG[kind]] = false;

  for (const [path, kind] of STACK_KINDS) {
    const ids = (getPath(answers, path) as string[] | undefined) ?? [];
    const facets = ids.map((id) => {
      const facet = findFacet(lib, kind, id);
      // resolveAnswers has already mapped every id to a facet; a miss here is a bug, not bad input.
      if (!facet) throw new InternalError(`no ${kind} facet "${id}" in the library`);
      // Only the items that hold beside the rest of this stack (see render/facets.ts).
      return resolveFacet(facet, answers, date);
    });
    const key = KIND_FLAG[kind];
    stack[key] = facets;
    all.push(...facets);
    has[key] = facets.length > 0;
    for (const f of facets) has[f.id] = true;
  }

  const testTools = TEST_LEVELS.map(([level, label]) => ({
    level,
    label,
    tools: [...new Set(all.flatMap((f) => f.testing.tools.filter((t) => t.level === level).map((t) => t.tool)))],
  })).filter((l) => l.tools.length > 0);

  const minutesPerMonth = 30 * 24 * 60;
  const paths = outputPaths(answers);
  const rows = serviceRows(answers, lib);
  // With services, the docs named in the core are each service's: paths with the service's folder and name in them.
  const pattern = rows.length > 0 ? servicePaths(answers, { name: '<service>', path: '<folder>', package: '', team: '', stack: answers.stack, targets: {} }) : undefined;
  const tableSize = rows.reduce((n, r) => n + r.name.length + r.path.length + r.package.length + r.stack.length + r.owner.length + r.targets.length + 20, 0);
  return {
    answers,
    date,
    agent: {
      ...answers.agent,
      // A title of only spaces (or of nothing a heading can show) would leave an empty heading: it counts as no title.
      title: mdHeading(answers.agent.title) !== '' ? answers.agent.title : defaultTitle(answers),
      seniorityLabel: SENIORITY_LABEL[answers.agent.seniority],
      years: answers.agent.yearsOfExperience,
    },
    // A team of nothing Markdown can show (tabs, control characters) counts as none.
    service: { ...answers.service, ...(mdText(answers.service.team) === '' ? { team: '' } : {}), teamOrPlaceholder: mdText(answers.service.team) !== '' ? answers.service.team : '{owning-team}' },
    stack: Object.assign(stack, { all }),
    skills: [],
    focus: answers.focus.length * 2 <= AREAS.length ? answers.focus.map((area) => ({ area, description: AREA_DESCRIPTIONS[area as Area] })) : [],
    testTools,
    stackSummary: stackSummary(stack),
    has,
    targets: {
      ...answers.targets,
      errorBudgetMinutes: Math.round(minutesPerMonth * (1 - answers.targets.availability / 100) * 10) / 10,
    },
    collaboration: answers.collaboration,
    services: {
      rows,
      index: tableSize > SERVICES_TABLE_MAX ? servicesIndexPath(answers) : '',
      adrDir: pattern?.adrDir ?? '',
      nestedAgentsMd: rows.length > 0 && answers.outputs.formats.includes('agents-md'),
    },
    docs: {
      adr: answers.outputs.docs.adr,
      adrDir: answers.outputs.paths.adrDir,
      // A new log's naming; generate() replaces it with the naming of the log it continues.
      ...adrDocsNaming(NEW_LOG_NAMING),
      runbook: answers.outputs.docs.runbook,
      runbookPath: pattern?.runbook ?? paths.runbook,
      testStrategy: answers.outputs.docs.testStrategy,
      testStrategyPath: pattern?.testStrategy ?? answers.outputs.paths.testStrategy,
    },
  };
}

/** Any subset of the stack reads as one phrase: each part only when something of its kind is chosen. */
function stackSummary(stack: Record<string, Facet[]>): string {
  const names = (key: string) => prose((stack[key] ?? []).map((f) => f.name));
  const code = [names('languages'), names('frameworks')].filter(Boolean).join(' on ');
  const parts = [
    code,
    names('datastores') && `storing data in ${names('datastores')}`,
    names('messaging') && `exchanging events over ${names('messaging')}`,
    names('cloud') && `running on ${names('cloud')}`,
  ].filter(Boolean);
  return parts.join(', ');
}
