/**
 * Renders the chosen skills: a SKILL.md per skill (frontmatter built as data) and the references,
 * one `references/<facet>.md` per chosen facet of the kinds some skill lists, carrying that facet's
 * whole knowledge (every practice, pitfall, failure mode and test tool) the core only samples.
 *
 * Each reference is written once, in the folder of the `stack-references` skill, and the task skills
 * link to it by a path relative to their own folder (`../stack-references/references/<facet>.md`):
 * a PostgreSQL reference read by four skills would otherwise be four copies of the same bytes.
 * Relative links are what the Agent Skills layout prescribes, and the owner is a skill itself, so
 * every client lists it like the others and none meets a folder without a SKILL.md.
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

/** The skill whose folder holds every reference; the others link to its files. */
export const REFERENCES_SKILL = 'stack-references';

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

/** One skill, naming its references under `referenceDir` (relative to its own folder); a pack's skill that fails is reported at its file. */
function renderOne(skill: Skill, context: RenderContext, lib: Library, facets: readonly Facet[], referenceDir: string): Omit<RenderedSkill, 'references'> {
  return renderPackAware(lib, `skill:${skill.meta.name}`, () => renderOneUnchecked(skill, context, lib, facets, referenceDir));
}

function renderOneUnchecked(skill: Skill, context: RenderContext, lib: Library, facets: readonly Facet[], referenceDir: string): Omit<RenderedSkill, 'references'> {
  const references = facets.map((f) => ({ file: `${referenceDir}${f.id}.md`, name: f.name, kind: f.kind }));
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
  };
}

function renderReference(facet: Facet, context: RenderContext, lib: Library): string {
  return quoteImportLikeText(tidyMarkdown(renderTemplate(layout(lib, 'skill-reference'), { ...context, facet: withNotes(facet), skill: { name: REFERENCES_SKILL } })));
}

/**
 * The chosen skills (selectSkills) rendered, followed by the `stack-references` skill holding every
 * reference they link to (only when some skill links to one). A library without that skill gets
 * each skill's references beside it, as copies.
 */
export function renderSkills(skills: readonly Skill[], context: RenderContext, lib: Library): RenderedSkill[] {
  const owner = lib.skills.find((s) => s.meta.name === REFERENCES_SKILL);
  const tasks = skills.filter((s) => s.meta.name !== REFERENCES_SKILL);
  const facetsOf = tasks.map((s) => referenceFacets(s, context));
  if (!owner) {
    return tasks.map((s, i) => ({
      ...renderOne(s, context, lib, facetsOf[i]!, 'references/'),
      references: facetsOf[i]!.map((f) => ({ file: `references/${f.id}.md`, content: renderReference(f, context, lib) })),
    }));
  }
  const rendered: RenderedSkill[] = tasks.map((s, i) => ({ ...renderOne(s, context, lib, facetsOf[i]!, `../${REFERENCES_SKILL}/references/`), references: [] }));
  // In the stack's order, each chosen facet once.
  const linked = context.stack.all.filter((f) => facetsOf.some((facets) => facets.includes(f)));
  if (linked.length === 0) return rendered;
  rendered.push({
    ...renderOne(owner, context, lib, linked, 'references/'),
    references: linked.map((f) => ({ file: `references/${f.id}.md`, content: renderReference(f, context, lib) })),
  });
  return rendered;
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
