/** Every agent format, by its id in outputs.formats. The generator looks formats up here. */
import { agentsMdFormat } from './agents-md.js';
import { claudeFormat } from './claude.js';
import { codexFormat } from './codex.js';
import { copilotFormat } from './copilot.js';
import { cursorFormat } from './cursor.js';
import type { AgentFormat, AgentFormatId } from './format.js';
import { geminiFormat } from './gemini.js';
import { opencodeFormat } from './opencode.js';
import { orchestrationFormat, plainFormat } from './seed-shapes.js';
import { windsurfFormat } from './windsurf.js';

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
};
