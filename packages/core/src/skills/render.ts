/**
 * Renders the chosen skills: a SKILL.md per skill (frontmatter built as data) and, beside it, a
 * `references/<facet>.md` for each chosen facet of the kinds the skill lists, carrying that facet's
 * whole knowledge (every practice, pitfall, failure mode and test tool) the core only samples.
 */
import type { Facet } from '../library/schema.js';
import type { Library, Skill } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { frontmatter } from '../render/yaml.js';
import { InternalError } from '../errors.js';
import { layout, renderPackAware } from '../formats/agent-body.js';
import { quoteImportLikeText } from '../formats/code-spans.js';

/** The Agent Skills limit on `description`. */
export const SKILL_DESCRIPTION_MAX = 1024;

export interface RenderedSkill {
  name: string;
  description: string;
  /** The core's line on when to read it. */
  index: string;
  /** SKILL.md, frontmatter included. */
  content: string;
  references: Array<{ file: string; content: string }>;
}

/** Templates compile in strict mode, where a missing optional field is an error: give each its empty value. */
const withNotes = (facet: Facet) => ({ ...facet, testing: { ...facet.testing, tools: facet.testing.tools.map((t) => ({ ...t, note: t.note ?? '' })) } });

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function referenceFacets(skill: Skill, context: RenderContext): Facet[] {
  const kinds = new Set(skill.meta.references);
  return context.stack.all.filter((f) => kinds.has(f.kind));
}

export function renderSkill(skill: Skill, context: RenderContext, lib: Library): RenderedSkill {
  return renderPackAware(lib, `skill:${skill.meta.name}`, () => renderSkillFiles(skill, context, lib));
}

function renderSkillFiles(skill: Skill, context: RenderContext, lib: Library): RenderedSkill {
  const facets = referenceFacets(skill, context);
  const references = facets.map((f) => ({ file: `references/${f.id}.md`, name: f.name, kind: f.kind }));
  const data = { ...context, skill: { name: skill.meta.name }, references };
  const description = oneLine(renderTemplate(skill.description, data));
  if (description.length >= SKILL_DESCRIPTION_MAX) {
    throw new InternalError(`skill ${skill.meta.name}: description is ${description.length} characters (Agent Skills allow under ${SKILL_DESCRIPTION_MAX})`);
  }
  // Copilot CLI reads skills too, and takes a bare `@scope/pkg` for an @-import.
  const body = quoteImportLikeText(tidyMarkdown(renderTemplate(skill.template, data, lib.partials)));
  return {
    name: skill.meta.name,
    description,
    index: oneLine(renderTemplate(skill.index, data)),
    content: `${frontmatter({ name: skill.meta.name, description })}\n${body}`,
    references: facets.map((facet) => ({
      file: `references/${facet.id}.md`,
      content: quoteImportLikeText(tidyMarkdown(renderTemplate(layout(lib, 'skill-reference'), { ...context, facet: withNotes(facet), skill: { name: skill.meta.name } }))),
    })),
  };
}

/** The files of the rendered skills in each folder, paths relative to the repository root. */
export function skillFiles(skills: readonly RenderedSkill[], dirs: readonly string[]): Array<[string, string]> {
  return dirs.flatMap((dir) =>
    skills.flatMap((s): Array<[string, string]> => [
      [`${dir}/${s.name}/SKILL.md`, s.content],
      ...s.references.map((r): [string, string] => [`${dir}/${s.name}/${r.file}`, r.content]),
    ]),
  );
}

/** What the core lists for one folder: each skill's path and when to read it. */
export function skillIndex(skills: readonly RenderedSkill[], dir: string): Array<{ name: string; path: string; index: string }> {
  return skills.map((s) => ({ name: s.name, path: `${dir}/${s.name}/SKILL.md`, index: s.index }));
}
