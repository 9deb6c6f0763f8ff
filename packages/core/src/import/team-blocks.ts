/**
 * A section no library item covers, written as a team block of the repository's pack: its heading
 * the title, its text the body, verbatim (it is the team's). Handlebars would read `{{` in it as a
 * template, so each is escaped (`\{{` renders as `{{`).
 */
import { stringify } from 'yaml';
import { toSlug } from '../answers/schema.js';
import type { Area } from '../library/schema.js';
import type { AgentSection } from './sections.js';

/** Imported blocks go after the built-in ones (the last is at 1010), in the order they are imported. */
export const FIRST_TEAM_ORDER = 1100;
export const TEAM_ORDER_STEP = 10;

/** The area a section's words point to; a block needs one, and `focus` answers keep or drop it by it. */
const AREA_WORDS: ReadonlyArray<[Area, RegExp]> = [
  ['operations', /\b(incident|on-?call|pager|paging|alert|runbook|postmortem|outage|sev[0-9]|observability|monitoring|dashboard)/i],
  ['security', /\b(security|secret|auth|permission|vulnerab|encrypt|pii|gdpr|compliance)/i],
  ['delivery', /\b(release|deploy|rollout|rollback|pipeline|ci\b|hotfix|feature flag|freeze)/i],
  ['quality', /\b(test|review|lint|coverage|pull request|code style)/i],
  ['api', /\b(api|endpoint|contract|openapi|graphql|grpc)/i],
  ['data', /\b(database|schema|migration|sql|query|table|data)/i],
  ['messaging', /\b(event|queue|topic|consumer|producer|message)/i],
  ['performance', /\b(latency|performance|throughput|load|cache)/i],
  ['architecture', /\b(architecture|design|service boundar|adr|decision)/i],
];

export function areaOf(section: AgentSection): Area {
  const text = `${section.heading ?? ''}\n${section.heading ?? ''}\n${section.body}`;
  return AREA_WORDS.find(([, pattern]) => pattern.test(section.heading ?? ''))?.[0] ?? AREA_WORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'collaboration';
}

/** A block id from the heading that no block of the library or the pack has (a same id would replace it). */
export function teamBlockId(heading: string, taken: ReadonlySet<string>): string {
  // The first words of a long heading ("Skills: read the one that fits…") make a readable id.
  const words = heading.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let short = '';
  for (const word of words) if (`${short}-${word}`.length <= 40) short = short ? `${short}-${word}` : word;
  const base = toSlug(short) ?? 'team-section';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-team${n === 2 ? '' : `-${n}`}`)) return `${base}-team${n === 2 ? '' : `-${n}`}`;
}

export function teamBlock(section: AgentSection, id: string, order: number, from: string): string {
  const meta = stringify({ id, title: section.heading ?? 'Team notes', area: areaOf(section), order, sources: ['original'] }, { lineWidth: 0 }).trimEnd();
  return `---\n# Imported from ${from} (line ${section.line}) by backend-agent import: the text below is yours, verbatim.\n${meta}\n---\n${section.body.replace(/\{\{/g, '\\{{')}\n`;
}
