/** GitHub Copilot custom agent: .github/agents/<name>.agent.md (prompt body at most 30,000 characters). */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { frontmatter } from '../render/yaml.js';
import { summaryDescription } from './claude.js';
import { renderFitted } from './fit.js';
import type { AgentFormat } from './format.js';
import { copilotTools } from './tools.js';

export function copilotFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  const { agent } = context.answers;
  const data: Record<string, unknown> = { name: agent.name, description: summaryDescription(context, lib) };
  // Omitted means every tool, as in Claude Code. No `model`: Copilot names models by display name
  // ("Claude Sonnet 4.5"), so the session's model applies, like Claude's `inherit`.
  const tools = copilotTools(agent.tools);
  if (tools) data.tools = tools;
  return data;
}

export const copilotFormat: AgentFormat = {
  id: 'copilot',
  tool: 'GitHub Copilot',
  path: (answers) => `.github/agents/${answers.agent.name}.agent.md`,
  limit: { what: 'the prompt below the frontmatter', max: 30_000, unit: 'characters', source: 'GitHub Copilot' },
  frontmatter: (context, lib) => frontmatter(copilotFrontmatterData(context, lib), ['description']),
  render: (input) =>
    renderFitted(copilotFormat, input, {
      layout: 'copilot',
      measured: (body) => body,
    }),
};
