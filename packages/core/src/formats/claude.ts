/** Claude Code subagent: .claude/agents/<name>.md, YAML frontmatter + the system prompt. */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { frontmatter } from '../render/yaml.js';
import { layout, renderAgentBody, renderSections, type Section } from './agent-body.js';
import type { AgentFormat } from './format.js';
import { outputPaths } from '../paths.js';

/** "Use this agent when…" with <example> blocks, unless the user wrote their own description. */
export function agentDescription(context: RenderContext, lib: Library): string {
  if (context.answers.agent.description.trim()) return context.answers.agent.description;
  return renderTemplate(layout(lib, 'claude-description'), context).trim().replace(/\n{3,}/g, '\n\n');
}

/**
 * The description other tools get: the user's own, verbatim; else the generated one without its
 * <example> blocks, which are a Claude Code convention that other tools would show as raw text.
 */
export function summaryDescription(context: RenderContext, lib: Library): string {
  if (context.answers.agent.description.trim()) return context.answers.agent.description;
  return agentDescription(context, lib).split(/\n\s*\n/)[0]!.trim();
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

export function renderClaudeAgent(context: RenderContext, lib: Library, sections: readonly Section[] = renderSections(context, lib)): string {
  return frontmatter(claudeFrontmatterData(context, lib), ['description']) + '\n' + renderAgentBody(context, lib, sections);
}

export const claudeFormat: AgentFormat = {
  id: 'claude',
  tool: 'Claude Code',
  path: (answers) => outputPaths(answers).claudeAgent,
  frontmatter: (context, lib) => frontmatter(claudeFrontmatterData(context, lib), ['description']),
  render: ({ context, lib, sections }) => renderClaudeAgent(context, lib, sections),
  // Claude Code reads agents when a session starts; /agents reloads them in a running one.
  setupStep: (answers) => `Claude Code: restart it, or run /agents in a running session, to load ${outputPaths(answers).claudeAgent}.`,
};
