/** Windsurf rule: .windsurf/rules/<name>.md, at most 12,000 characters per rule file. */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { frontmatter } from '../render/yaml.js';
import { summaryDescription } from './claude.js';
import { renderFitted } from './fit.js';
import type { AgentFormat } from './format.js';

export function windsurfFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  // model_decision: Cascade reads the description and applies the rule when the task matches it.
  return { trigger: 'model_decision', description: summaryDescription(context, lib) };
}

export const windsurfFormat: AgentFormat = {
  id: 'windsurf',
  tool: 'Windsurf',
  path: (answers) => `.windsurf/rules/${answers.agent.name}.md`,
  limit: { what: 'a rule file', max: 12_000, unit: 'characters', source: 'Windsurf' },
  frontmatter: (context, lib) => frontmatter(windsurfFrontmatterData(context, lib), ['description']),
  render: (input) =>
    renderFitted(windsurfFormat, input, {
      layout: 'windsurf',
    }),
};
