/**
 * OpenCode agent: .opencode/agents/<name>.md (the documented folder; agent/ is still read); the file
 * name is the agent's name. Permissions stay in the `permission` map: OpenCode 1.18 reads a V2
 * `permissions:` list in an agent file as provider options, so the agent would get every tool.
 */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { frontmatter } from '../render/yaml.js';
import { summaryDescription } from './claude.js';
import { renderFitted } from './fit.js';
import type { AgentFormat } from './format.js';
import { opencodePermission } from './tools.js';

/** OpenCode names models provider/model-id; Claude's aliases (sonnet, opus…) have no such id, so they inherit. */
export function opencodeModel(model: string): string | undefined {
  return model.startsWith('claude-') ? `anthropic/${model}` : undefined;
}

export function opencodeFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  const { agent } = context.answers;
  const data: Record<string, unknown> = { description: summaryDescription(context, lib), mode: 'subagent' };
  const model = opencodeModel(agent.model ?? 'inherit');
  if (model) data.model = model;
  const permission = opencodePermission(agent.tools);
  if (permission) data.permission = permission;
  return data;
}

export const opencodeFormat: AgentFormat = {
  id: 'opencode',
  tool: 'OpenCode',
  path: (answers) => `.opencode/agents/${answers.agent.name}.md`,
  frontmatter: (context, lib) => frontmatter(opencodeFrontmatterData(context, lib), ['description']),
  render: (input) =>
    renderFitted(opencodeFormat, input, {
      layout: 'opencode',
    }),
};
