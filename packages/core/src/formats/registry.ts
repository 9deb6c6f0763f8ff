/** Every agent format, by its id in outputs.formats. The generator looks formats up here. */
import type { Answers } from '../answers/schema.js';
import { agentsMdFormat } from './agents-md.js';
import { claudeFormat } from './claude.js';
import { claudePluginFormat } from './claude-plugin.js';
import { codexFormat } from './codex.js';
import { copilotFormat } from './copilot.js';
import { cursorAgentFormat } from './cursor-agent.js';
import { cursorFormat } from './cursor.js';
import type { AgentFormat, AgentFormatId } from './format.js';
import { geminiFormat } from './gemini.js';
import { opencodeFormat } from './opencode.js';
import { orchestrationFormat, plainFormat } from './seed-shapes.js';
import { devinFormat, windsurfFormat } from './windsurf.js';

export const AGENT_FORMAT_REGISTRY: Readonly<Record<AgentFormatId, AgentFormat>> = {
  claude: claudeFormat,
  copilot: copilotFormat,
  cursor: cursorFormat,
  'agents-md': agentsMdFormat,
  opencode: opencodeFormat,
  gemini: geminiFormat,
  codex: codexFormat,
  windsurf: windsurfFormat,
  orchestration: orchestrationFormat,
  plain: plainFormat,
  'cursor-agent': cursorAgentFormat,
  devin: devinFormat,
  'claude-plugin': claudePluginFormat,
};

/** Formats that always carry the whole agent, in the order a condensed one prefers to point at. */
const WHOLE_AGENT_FORMATS: readonly AgentFormatId[] = ['claude', 'plain', 'orchestration', 'opencode', 'gemini', 'cursor-agent', 'codex'];

/** The steps the user still has to take for the chosen formats, each said once, in format order. */
export function setupSteps(answers: Answers): string[] {
  const steps = [...new Set(answers.outputs.formats)].flatMap((id) => AGENT_FORMAT_REGISTRY[id].setupStep?.(answers) ?? []);
  return [...new Set(steps)];
}

/** Where a condensed format can send its reader for the whole agent, if any chosen format has it. */
export function fullAgentPath(answers: Answers): string | null {
  const id = WHOLE_AGENT_FORMATS.find((f) => answers.outputs.formats.includes(f));
  return id ? AGENT_FORMAT_REGISTRY[id].path(answers) : null;
}
