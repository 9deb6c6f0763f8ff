/**
 * `backend-agent import`: each section of the given agent files, covered by the library (and the
 * packs) or not, and the team blocks that carry what is not. Pure: the CLI reads the files and
 * writes the blocks. Importing the same files again finds their sections in the pack: nothing new.
 */
import type { Library } from '../library/index.js';
import { agentSections, type AgentSection } from './sections.js';
import { coverageIndex, coverageOf, normalHeading, type Coverage } from './coverage.js';
import { FIRST_TEAM_ORDER, TEAM_ORDER_STEP, teamBlock, teamBlockId, areaOf } from './team-blocks.js';

export interface ImportInput {
  /** As the user gave it, for the report. */
  path: string;
  content: string;
}

export interface ImportedSection {
  file: string;
  line: number;
  heading: string | null;
  status: 'covered' | 'new' | 'repeated';
  coverage?: Coverage;
  /** For a new section: the team block written for it. */
  block?: { id: string; path: string; area: string; order: number };
  /** For a repeated one: where it was seen first. */
  sameAs?: string;
}

export interface ImportResult {
  sections: ImportedSection[];
  /** Files to create in the pack, paths relative to the repository. */
  writes: Array<[string, string]>;
}

export function importAgentFiles(inputs: readonly ImportInput[], lib: Library, pack: { dir: string }): ImportResult {
  const index = coverageIndex(lib);
  const taken = new Set(lib.blocks.map((b) => b.meta.id));
  const packOrders = lib.blocks.filter((b) => lib.origins?.[`block:${b.meta.id}`]?.file.startsWith(`${pack.dir}/`)).map((b) => b.meta.order);
  let order = Math.max(FIRST_TEAM_ORDER - TEAM_ORDER_STEP, ...packOrders) + TEAM_ORDER_STEP;
  const seen = new Map<string, string>();
  const sections: ImportedSection[] = [];
  const writes: Array<[string, string]> = [];
  for (const input of inputs) {
    for (const section of agentSections(input.path, input.content)) {
      const where = `${input.path}:${section.line}`;
      const base = { file: input.path, line: section.line, heading: section.heading };
      const coverage = coverageOf(section, index);
      if (coverage) {
        sections.push({ ...base, status: 'covered', coverage });
        continue;
      }
      const key = `${normalHeading(section.heading ?? '')}\n${section.body}`;
      const first = seen.get(key);
      if (first) {
        sections.push({ ...base, status: 'repeated', sameAs: first });
        continue;
      }
      seen.set(key, where);
      const id = teamBlockId(section.heading ?? 'team notes', taken);
      taken.add(id);
      const path = `${pack.dir}/blocks/${id}.md`;
      writes.push([path, teamBlock(section, id, order, input.path)]);
      sections.push({ ...base, status: 'new', block: { id, path, area: areaOf(section as AgentSection), order } });
      order += TEAM_ORDER_STEP;
    }
  }
  return { sections, writes };
}

export { agentSections, type AgentSection } from './sections.js';
export type { Coverage, Coverer } from './coverage.js';
