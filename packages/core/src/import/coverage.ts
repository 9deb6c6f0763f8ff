/**
 * Whether the library (with the packs) already covers a section of an agent file, by rules a reader
 * can check: its heading is a block's title or id, its heading names a technology the library has a
 * facet for, it shares key phrases with what a block renders, or its heading's words are a block's.
 * Each match says which rule and which item, so the report explains itself.
 */
import type { Library } from '../library/index.js';
import type { FacetDefinition } from '../library/schema.js';
import { resolveAnswers } from '../answers/resolve.js';
import { buildContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { renderAgentBody, renderSections } from '../formats/agent-body.js';
import { mentions } from '../test-support/mentions.js';
import { splitSections, type AgentSection } from './sections.js';

export type CoverKind = 'block' | 'skill' | 'facet' | 'layout';

export interface Coverer {
  kind: CoverKind;
  id: string;
  title: string;
  /** The pack file it came from, when a pack provided it. */
  file?: string;
}

export interface Coverage {
  by: Coverer;
  rule: 'heading' | 'technology' | 'phrases' | 'heading-words' | 'introduction';
  /** In words: what matched. */
  reason: string;
}

interface Entry extends Coverer {
  /** Normalised headings that name it exactly. */
  names: Set<string>;
  /** Content words of its title and id, for the weaker heading-words rule (blocks only). */
  words: Set<string>;
  phrases: Set<string>;
}

export interface CoverageIndex {
  entries: Entry[];
  facets: readonly FacetDefinition[];
}

/** Words that say nothing about a section's subject. */
const STOP = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'with', 'our', 'your', 'this', 'that', 'every', 'each', 'all', 'rules', 'rule', 'guidelines', 'guide', 'notes', 'team', 'conventions', 'practices', 'standards', 'how', 'we', 'what', 'when', 'you', 'is', 'are', 'it', 'its', 'stack', 'general', 'other', 'about']);
const PHRASE_WORDS = 4;
const MIN_PHRASES = 3;

const words = (text: string): string[] => text.toLowerCase().replace(/[`*_>#|[\]()]/g, ' ').match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [];
export const normalHeading = (text: string) => words(text).join(' ');
const contentWords = (text: string) => new Set(words(text).filter((w) => !STOP.has(w)));

function phrasesOf(text: string): string[] {
  const list = words(text);
  const out: string[] = [];
  for (let i = 0; i + PHRASE_WORDS <= list.length; i++) out.push(list.slice(i, i + PHRASE_WORDS).join(' '));
  return out;
}

/** Renders what the library writes for the default answers (every block, even one its condition drops), to compare with. */
export function coverageIndex(lib: Library, date = '2000-01-01'): CoverageIndex {
  const answers = resolveAnswers([], lib).answers;
  const context = buildContext(answers, lib, date);
  const render = (fn: () => string) => {
    try {
      return fn();
    } catch {
      return '';
    }
  };
  const fileOf = (key: string) => lib.origins?.[key]?.file;
  const entries: Entry[] = [];
  for (const block of lib.blocks) {
    const text = render(() => renderTemplate(block.template, context, lib.partials));
    const file = fileOf(`block:${block.meta.id}`);
    entries.push({
      kind: 'block', id: block.meta.id, title: block.meta.title, ...(file ? { file } : {}),
      names: new Set([normalHeading(block.meta.title), normalHeading(block.meta.id.replace(/-/g, ' '))]),
      words: new Set([...contentWords(block.meta.title), ...contentWords(block.meta.id.replace(/-/g, ' '))]),
      phrases: new Set(phrasesOf(text)),
    });
  }
  for (const skill of lib.skills) {
    const data = { ...context, skill: { name: skill.meta.name }, references: [] };
    const text = render(() => renderTemplate(skill.template, data, lib.partials));
    const file = fileOf(`skill:${skill.meta.name}`);
    const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? skill.meta.name;
    entries.push({
      kind: 'skill', id: skill.meta.name, title, ...(file ? { file } : {}),
      names: new Set([normalHeading(skill.meta.name.replace(/-/g, ' ')), normalHeading(title)]),
      words: new Set(),
      phrases: new Set(phrasesOf(text)),
    });
  }
  // What the layouts add around the blocks: the introduction, acceptance criteria, skills, docs.
  const withSkills = { ...context, skills: lib.skills.map((s) => ({ name: s.meta.name, path: `.claude/skills/${s.meta.name}/SKILL.md`, index: s.meta.name })) };
  const sections = render(() => renderAgentBody(withSkills, lib, renderSections(withSkills, lib)));
  const titles = new Set(lib.blocks.map((b) => normalHeading(b.meta.title)));
  for (const section of splitSections({ text: sections, line: 1 })) {
    if (section.heading !== null && !section.preamble && titles.has(normalHeading(section.heading))) continue;
    const title = section.preamble ? 'the title and introduction' : section.heading ?? '';
    entries.push({ kind: 'layout', id: 'agent-body', title, names: new Set(section.preamble ? [] : [normalHeading(title)]), words: new Set(), phrases: new Set(phrasesOf(section.body)) });
  }
  return { entries, facets: lib.facets };
}

function coverer(entry: Entry): Coverer {
  return { kind: entry.kind, id: entry.id, title: entry.title, ...(entry.file ? { file: entry.file } : {}) };
}

const what = (c: Coverer) => (c.kind === 'layout' ? `the agent's "${c.title}" section` : `${c.kind} ${c.id} ("${c.title}")`);

/** The first rule that holds, strongest first; null when the section is not covered. */
export function coverageOf(section: AgentSection, index: CoverageIndex): Coverage | null {
  if (section.preamble) {
    return {
      by: { kind: 'layout', id: 'agent-body', title: 'the title and introduction' },
      rule: 'introduction',
      reason: 'the tool writes the title and introduction itself, from the answers (agent.title, agent.seniority, service, stack); move a rule from it into a section of its own to import it',
    };
  }
  const heading = section.heading === null ? '' : normalHeading(section.heading);
  if (heading !== '' && !section.preamble) {
    const exact = index.entries.find((e) => e.names.has(heading));
    if (exact) {
      const named = normalHeading(exact.title) === heading ? 'the title' : 'the id';
      return { by: coverer(exact), rule: 'heading', reason: `its heading is ${named} of ${what(exact)}` };
    }
    const facet = index.facets.find((f) => mentions(section.heading!, f));
    if (facet) {
      return {
        by: { kind: 'facet', id: facet.id, title: facet.name },
        rule: 'technology',
        reason: `its heading names ${facet.name}, a ${facet.kind} facet of the library: its practices and pitfalls go in the agent when ${facet.name} is in the stack`,
      };
    }
  }
  const own = phrasesOf(section.body);
  const ownSet = new Set(own);
  let best: { entry: Entry; shared: string[] } | null = null;
  for (const entry of index.entries) {
    const shared = [...ownSet].filter((p) => entry.phrases.has(p));
    if (shared.length > (best?.shared.length ?? 0)) best = { entry, shared };
  }
  if (best && best.shared.length >= Math.max(MIN_PHRASES, Math.ceil(ownSet.size / 4))) {
    const examples = best.shared.slice(0, 2).map((p) => `"${p}"`).join(', ');
    return { by: coverer(best.entry), rule: 'phrases', reason: `${best.shared.length} of its ${ownSet.size} four-word phrases are in ${what(best.entry)}, e.g. ${examples}` };
  }
  if (heading !== '' && !section.preamble) {
    const mine = contentWords(section.heading!);
    for (const entry of index.entries.filter((e) => e.kind === 'block')) {
      const shared = [...mine].filter((w) => entry.words.has(w));
      if (mine.size > 0 && shared.length * 2 >= mine.size && shared.length === mine.size) {
        return { by: coverer(entry), rule: 'heading-words', reason: `every word of its heading (${shared.map((w) => `"${w}"`).join(', ')}) is in the title or id of ${what(entry)}` };
      }
    }
  }
  return null;
}
