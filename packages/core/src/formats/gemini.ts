/** Gemini CLI subagent: .gemini/agents/<name>.md; the body is the subagent's system prompt. */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { frontmatter } from '../render/yaml.js';
import { summaryDescription } from './claude.js';
import { renderFitted } from './fit.js';
import type { AgentFormat } from './format.js';
import { geminiTools } from './tools.js';

export function geminiFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  const { agent } = context.answers;
  // No `model`: Claude models do not run in Gemini CLI; omitted means the session's model.
  const data: Record<string, unknown> = { name: agent.name, description: summaryDescription(context, lib), kind: 'local' };
  const tools = geminiTools(agent.tools);
  if (tools) data.tools = tools;
  return data;
}

export const geminiFormat: AgentFormat = {
  id: 'gemini',
  tool: 'Gemini CLI',
  path: (answers) => `.gemini/agents/${answers.agent.name}.md`,
  // Gemini CLI registers a project agent only in a trusted folder, after the user acknowledges
  // that exact file (its hash): again after every regeneration that changes it.
  setupStep: (answers) => `Gemini CLI: trust this folder and acknowledge the new agent ${answers.agent.name} when Gemini CLI offers it (again after each change to the file).`,
  frontmatter: (context, lib) => frontmatter(geminiFrontmatterData(context, lib), ['description']),
  render: (input) =>
    renderFitted(geminiFormat, input, {
      layout: 'gemini',
    }),
};
