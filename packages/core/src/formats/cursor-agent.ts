/**
 * Cursor subagent: .cursor/agents/<name>.md, beside the rule. Cursor's agent delegates to it by its
 * description and runs it in its own context with the body as its prompt (cursor.com/docs/agent/subagents:
 * name, description, model, readonly, is_background).
 */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { frontmatter } from '../render/yaml.js';
import { summaryDescription } from './claude.js';
import { renderFitted } from './fit.js';
import type { AgentFormat } from './format.js';
import { grantsWrites } from './tools.js';

export function cursorAgentFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  const { agent } = context.answers;
  // Claude model names mean nothing to Cursor: inherit the session's model, as Cursor's own default does.
  const data: Record<string, unknown> = { name: agent.name, description: summaryDescription(context, lib), model: 'inherit' };
  // readonly is Cursor's only tool switch: set it when the answers grant no tool that writes or runs.
  if (!grantsWrites(agent.tools)) data.readonly = true;
  return data;
}

export const cursorAgentFormat: AgentFormat = {
  id: 'cursor-agent',
  tool: 'Cursor',
  path: (answers) => `.cursor/agents/${answers.agent.name}.md`,
  frontmatter: (context, lib) => frontmatter(cursorAgentFrontmatterData(context, lib), ['description']),
  render: (input) => renderFitted(cursorAgentFormat, input, { layout: 'cursor-agent' }),
};
