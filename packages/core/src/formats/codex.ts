/**
 * Codex custom agent: .codex/agents/<name>.toml with name, description and developer_instructions,
 * serialised by smol-toml. Codex drops the whole file on a key it does not know or an invalid
 * sandbox_mode, so only these keys are written. Its 32 KiB cap (project_doc_max_bytes) is on the
 * AGENTS.md chain, not on an agent's instructions: the whole agent goes here.
 */
import { stringify } from 'smol-toml';
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { summaryDescription } from './claude.js';
import { renderFitted } from './fit.js';
import type { AgentFormat } from './format.js';
import { codexSandbox } from './tools.js';

export function codexAgentData(context: RenderContext, lib: Library, instructions: string): Record<string, string> {
  const { agent } = context.answers;
  // No `model`: Claude models do not run in Codex; omitted means the session's model.
  return {
    name: agent.name,
    description: summaryDescription(context, lib),
    developer_instructions: instructions,
    sandbox_mode: codexSandbox(agent.tools),
  };
}

export function serializeCodexAgent(data: Record<string, string>): string {
  return stringify(data).replace(/\n*$/, '\n');
}

export const codexFormat: AgentFormat = {
  id: 'codex',
  tool: 'Codex',
  path: (answers) => `.codex/agents/${answers.agent.name}.toml`,
  // Codex lists a project's agents only once the project is trusted.
  setupStep: (answers) => `Codex: trust this project (answer yes when Codex asks on first start here) so it loads .codex/agents/${answers.agent.name}.toml.`,
  render: (input) =>
    renderFitted(codexFormat, input, {
      layout: 'codex',
      wrap: (body) => serializeCodexAgent(codexAgentData(input.context, input.lib, body)),
    }),
};
