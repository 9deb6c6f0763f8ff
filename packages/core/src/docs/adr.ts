/** ADRs in the layout both adr-tools and log4brains read (see FORMATS.md). */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { resolveFacet } from '../render/facets.js';
import { tidyMarkdown } from '../render/markdown.js';
import { docTemplate } from './template.js';
import { NEW_LOG_NAMING, type AdrLog, type AdrNaming } from './adr-log.js';
import type { Facet } from '../library/schema.js';

/** adr-tools' file-name rule: lowercase, runs of anything else become one hyphen. */
export function adrSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function adrFileName(number: number, title: string, width = 4): string {
  return `${String(number).padStart(width, '0')}-${adrSlug(title)}.md`;
}

const CONCERN: Record<string, string> = {
  language: 'Language',
  framework: 'Framework',
  datastore: 'Datastore',
  messaging: 'Messaging',
  cloud: 'Cloud',
  infrastructure: 'Infrastructure',
  api: 'API style',
  compliance: 'Compliance',
};

/** Where a record goes and the H1 it carries ("2. Title", or "Title" in a date-named log). */
export interface PlacedAdr {
  path: string;
  heading: string;
}

export interface RenderedAdr {
  path: string;
  content: string;
}

export const RECORD_DECISIONS_TITLE = 'Record architecture decisions';
const STACK_SLUG_PREFIX = 'technology-stack-for-';
/** Statuses after which a record is history: the generator stops rendering it. */
const RETIRED = new Set(['superseded', 'deprecated', 'rejected']);
const RECORD_FILE = /^(\d+)-(.+)\.md$/;

export function stackAdrTitle(serviceName: string): string {
  return `Technology stack for ${serviceName}`;
}

export interface StarterAdrInput {
  /** The ADR folder of the answers. */
  dir: string;
  /** The log found in the target; used only when it is the log in `dir`. */
  log?: AdrLog;
  /** Paths the last run wrote (its manifest): records there are this tool's own. */
  writtenBefore: ReadonlySet<string>;
  date: string;
  serviceName: string;
  /** Write the decision to keep ADRs into a new log (default); a service's log leaves it to the repository's. */
  recordDecisions?: boolean;
}

export interface StarterAdrPlan {
  naming: AdrNaming;
  recordDecisions?: PlacedAdr;
  stack?: PlacedAdr;
}

/**
 * Where the starter records go in the log, never renumbering or touching a record this tool did not
 * write. A record written by an earlier run keeps its path (so a re-run is unchanged), unless it has
 * been superseded, deprecated or rejected since: then it is left alone and not replaced. The record
 * of the decision to keep ADRs is written only into a new log; the stack record takes the next
 * number in the log's width (or the date prefix of a date-named log).
 */
export function planStarterAdrs(input: StarterAdrInput): StarterAdrPlan {
  const { dir, writtenBefore, date } = input;
  const log = input.log?.dir === dir ? input.log : undefined;
  const records = log?.records ?? [];
  const naming = log?.naming ?? NEW_LOG_NAMING;
  const onDisk = new Map(records.map((r) => [r.path, r]));
  const numbersTaken = new Set(records.map((r) => r.number));
  let highest = log?.highest ?? 0;

  const heading = (number: number, title: string) => (naming.kind === 'date' ? title : `${number}. ${title}`);
  const previous = (matches: (slug: string) => boolean) =>
    [...writtenBefore].sort().find((path) => {
      const name = path.slice(dir.length + 1);
      const match = path.startsWith(`${dir}/`) && !name.includes('/') ? RECORD_FILE.exec(name) : null;
      return match !== null && matches(match[2]!);
    });
  const allocate = (title: string): PlacedAdr => {
    if (naming.kind === 'date') return { path: `${dir}/${date.replaceAll('-', '')}-${adrSlug(title)}.md`, heading: title };
    highest += 1;
    return { path: `${dir}/${adrFileName(highest, title, naming.width)}`, heading: heading(highest, title) };
  };
  const place = (title: string, previousPath: string | undefined, mayStartNew: boolean): PlacedAdr | undefined => {
    if (previousPath !== undefined) {
      const number = Number(RECORD_FILE.exec(previousPath.slice(dir.length + 1))![1]);
      const record = onDisk.get(previousPath);
      if (record) return RETIRED.has(record.status ?? '') ? undefined : { path: previousPath, heading: heading(number, title) };
      // Deleted since the last run: written again where it was, unless another record took its number.
      if (naming.kind === 'date' || !numbersTaken.has(number)) return { path: previousPath, heading: heading(number, title) };
    }
    return mayStartNew ? allocate(title) : undefined;
  };

  const stackTitle = stackAdrTitle(input.serviceName);
  const stackSlug = adrSlug(stackTitle);
  const recordDecisions = place(
    RECORD_DECISIONS_TITLE,
    previous((slug) => slug === adrSlug(RECORD_DECISIONS_TITLE)),
    records.length === 0 && input.recordDecisions !== false,
  );
  const stack = place(
    stackTitle,
    previous((slug) => slug.startsWith(STACK_SLUG_PREFIX)),
    !records.some((r) => r.slug === stackSlug),
  );
  return { naming, ...(recordDecisions ? { recordDecisions } : {}), ...(stack ? { stack } : {}) };
}

export function renderRecordDecisionsAdr(context: RenderContext, lib: Library, placed: PlacedAdr): RenderedAdr {
  const content = renderTemplate(docTemplate(lib, 'adr-record-decisions'), { ...context, adr: { heading: placed.heading } });
  return { path: placed.path, content: tidyMarkdown(content) };
}

/** How many reasons for and against each option the record gives: the strongest, not all. */
const REASONS = 2;

/** An option's strongest reasons for and against here: the strengths and trade-offs that hold for this stack, conditional ones first. */
function weigh(f: Facet) {
  return { name: f.name, for: [...f.strengths, f.summary].slice(0, REASONS), against: f.tradeoffs.slice(0, REASONS) };
}

/**
 * For each choice, the alternatives teams usually weigh against it (facet `alternatives`) that were
 * not chosen too, each resolved for this stack, so that the reasons for and against read in its
 * context (a target, the cloud, the platform). Compliance regimes are constraints, never options.
 */
function optionsConsidered(context: RenderContext, lib: Library, choices: readonly Facet[]) {
  const chosen = new Set(context.stack.all.map((f) => f.id));
  return choices
    .map((f) => ({
      concern: CONCERN[f.kind],
      chosen: weigh(f),
      alternatives: f.alternatives
        .filter((id) => !chosen.has(id))
        .map((id) => weigh(resolveFacet(lib.facets.find((o) => o.id === id)!, context.answers, context.date))),
    }))
    .filter((o) => o.alternatives.length > 0);
}

export function renderStackAdr(context: RenderContext, lib: Library, placed: PlacedAdr): RenderedAdr {
  const choices = context.stack.all.filter((f) => f.kind !== 'compliance');
  const options = optionsConsidered(context, lib, choices);
  const weighed = new Set(options.map((o) => o.chosen.name));
  const rows = choices.map((f) => ({
    concern: CONCERN[f.kind],
    name: f.name,
    over: options.find((o) => o.chosen.name === f.name)?.alternatives.map((a) => a.name) ?? [],
  }));
  // Costs already weighed under the options are not repeated; the rest are the consequences.
  const tradeoffs = choices.flatMap((f) => f.tradeoffs.slice(weighed.has(f.name) ? REASONS : 0).map((text) => ({ name: f.name, text })));
  const constraints = (context.stack.compliance ?? []).map((f) => ({ name: f.name, summary: f.summary, costs: f.tradeoffs }));
  const content = renderTemplate(docTemplate(lib, 'adr-stack'), { ...context, adr: { heading: placed.heading }, rows, tradeoffs, options, constraints });
  return { path: placed.path, content: tidyMarkdown(content) };
}
