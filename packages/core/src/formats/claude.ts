/** Claude Code subagent: .claude/agents/<name>.md, YAML frontmatter + the system prompt. */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { frontmatter } from '../render/yaml.js';
import { layout, renderAgentBody } from './agent-body.js';

/** "Use this agent when…" with <example> blocks, unless the user wrote their own description. */
export function agentDescription(context: RenderContext, lib: Library): string {
  if (context.answers.agent.description.trim()) return context.answers.agent.description;
  return renderTemplate(layout(lib, 'claude-description'), context).trim().replace(/\n{3,}/g, '\n\n');
}

export function claudeFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  const { agent } = context.answers;
  const data: Record<string, unknown> = { name: agent.name, description: agentDescription(context, lib) };
  // An empty list means "all tools": Claude Code grants every tool when the field is absent.
  if (agent.tools.length > 0) data.tools = agent.tools.join(', ');
  data.model = agent.model;
  data.color = agent.color;
  return data;
}

export function renderClaudeAgent(context: RenderContext, lib: Library): string {
  return frontmatter(claudeFrontmatterData(context, lib), ['description']) + '\n' + renderAgentBody(context, lib);
}
