/**
 * Codex custom agent: .codex/agents/<name>.toml with name, description and developer_instructions,
 * serialised by smol-toml. Codex caps the project instructions it reads at 32 KiB
 * (project_doc_max_bytes); the instructions here are held to the same budget.
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
  limit: { what: 'the developer instructions', max: 32 * 1024, unit: 'bytes', source: "Codex's 32 KiB instructions budget" },
  render: (input) =>
    renderFitted(codexFormat, input, {
      layout: 'codex',
      wrap: (body) => serializeCodexAgent(codexAgentData(input.context, input.lib, body)),
      measured: (body) => body,
    }),
};
