/**
 * Windsurf, now Devin Desktop: a workspace rule with trigger and description, at most 12,000
 * characters (the 6,000 figure some pages quote is the global rules file's). Devin reads
 * .devin/rules/ first and still reads .windsurf/rules/, so `devin` writes the current folder and
 * `windsurf` stays as the alias for teams on older builds.
 */
import type { Answers } from '../answers/schema.js';
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { frontmatter } from '../render/yaml.js';
import { summaryDescription } from './claude.js';
import { renderFitted } from './fit.js';
import type { AgentFormat } from './format.js';

export function windsurfFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  // model_decision: the agent reads the description and applies the rule when the task matches it.
  return { trigger: 'model_decision', description: summaryDescription(context, lib) };
}

function ruleFormat(id: 'windsurf' | 'devin', tool: string, path: (answers: Answers) => string): AgentFormat {
  const format: AgentFormat = {
    id,
    tool,
    path,
    limit: { what: 'a workspace rule', max: 12_000, unit: 'characters', source: tool },
    frontmatter: (context, lib) => frontmatter(windsurfFrontmatterData(context, lib), ['description']),
    render: (input) => renderFitted(format, input, { layout: 'windsurf' }),
  };
  return format;
}

export const devinFormat = ruleFormat('devin', 'Devin Desktop (Windsurf)', (answers) => `.devin/rules/${answers.agent.name}.md`);
export const windsurfFormat = ruleFormat('windsurf', 'Windsurf', (answers) => `.windsurf/rules/${answers.agent.name}.md`);
