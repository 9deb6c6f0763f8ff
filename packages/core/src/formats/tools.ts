/**
 * One table for tool access across coding tools. Answers name Claude Code tools (the default
 * target); each format maps them to its own names and permission model here and nowhere else.
 * Sources: FORMATS.md, GitHub's custom-agents reference (tool aliases), gemini-cli
 * packages/core/src/tools (tool names), OpenCode's permissions page, Codex's subagents page.
 */
import { CLAUDE_TOOLS } from '../answers/schema.js';

export type ClaudeTool = (typeof CLAUDE_TOOLS)[number];

export interface ToolMapping {
  /** GitHub Copilot custom-agent alias; undefined when Copilot has no such tool. */
  copilot?: string;
  /** Gemini CLI built-in tool names. */
  gemini: readonly string[];
  /** OpenCode permission keys. */
  opencode: readonly string[];
  /** Changes files or runs commands: decides Codex's sandbox and the orchestration access level. */
  writes: boolean;
}

export const TOOL_MAP: Readonly<Record<ClaudeTool, ToolMapping>> = {
  Agent: { copilot: 'agent', gemini: [], opencode: ['task'], writes: false },
  Bash: { copilot: 'execute', gemini: ['run_shell_command'], opencode: ['bash'], writes: true },
  Edit: { copilot: 'edit', gemini: ['replace'], opencode: ['edit'], writes: true },
  Write: { copilot: 'edit', gemini: ['write_file'], opencode: ['edit'], writes: true },
  Read: { copilot: 'read', gemini: ['read_file', 'read_many_files'], opencode: ['read'], writes: false },
  Glob: { copilot: 'search', gemini: ['glob', 'list_directory'], opencode: ['glob', 'list'], writes: false },
  Grep: { copilot: 'search', gemini: ['grep_search'], opencode: ['grep'], writes: false },
  NotebookEdit: { copilot: 'edit', gemini: [], opencode: ['edit'], writes: true },
  WebFetch: { copilot: 'web', gemini: ['web_fetch'], opencode: ['webfetch'], writes: false },
  WebSearch: { copilot: 'web', gemini: ['google_web_search'], opencode: ['websearch'], writes: false },
  TodoWrite: { copilot: 'todo', gemini: ['write_todos'], opencode: ['todowrite'], writes: false },
  Skill: { gemini: ['activate_skill'], opencode: ['skill'], writes: false },
  LSP: { gemini: [], opencode: ['lsp'], writes: false },
};

/** Every name each tool knows, for the linter. */
export const COPILOT_TOOL_ALIASES = ['execute', 'read', 'edit', 'search', 'agent', 'web', 'todo'] as const;
export const COPILOT_COMPATIBLE_ALIASES = ['shell', 'bash', 'powershell', 'notebookread', 'multiedit', 'write', 'notebookedit', 'grep', 'glob', 'custom-agent', 'task', 'websearch', 'webfetch', 'todowrite'] as const;
export const GEMINI_TOOLS = [
  'glob', 'grep_search', 'list_directory', 'read_file', 'read_many_files', 'run_shell_command', 'write_file',
  'replace', 'google_web_search', 'web_fetch', 'write_todos', 'save_memory', 'activate_skill', 'ask_user',
  'get_internal_docs', 'enter_plan_mode', 'exit_plan_mode', 'update_topic',
] as const;
/** Gemini's old name for grep_search, still accepted. */
export const GEMINI_RETIRED_TOOLS: Readonly<Record<string, string>> = { search_file_content: 'grep_search' };
export const OPENCODE_PERMISSIONS = [
  'read', 'edit', 'glob', 'grep', 'list', 'bash', 'task', 'skill', 'lsp', 'todowrite',
  'webfetch', 'websearch', 'codesearch', 'external_directory', 'doom_loop',
] as const;

const isMcp = (tool: string) => tool.startsWith('mcp__');
const mapped = (tools: readonly string[]) => tools.filter((t): t is ClaudeTool => t in TOOL_MAP);
const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** mcp__server__tool -> [server, tool]; mcp__server -> [server, undefined]. */
function mcpParts(tool: string): [string, string | undefined] {
  const [, server = '', ...rest] = tool.split('__');
  return [server, rest.length > 0 ? rest.join('__') : undefined];
}

/** Copilot `tools`: aliases and `server/tool` for MCP. Undefined (omit the key) means every tool. */
export function copilotTools(tools: readonly string[]): string[] | undefined {
  if (tools.length === 0) return undefined;
  const builtIn = mapped(tools).map((t) => TOOL_MAP[t].copilot).filter((t): t is string => t !== undefined);
  const mcp = tools.filter(isMcp).map((t) => {
    const [server, tool] = mcpParts(t);
    return `${server}/${tool ?? '*'}`;
  });
  return unique([...builtIn, ...mcp]);
}

/** Gemini CLI `tools`: built-in names, and `mcp_<server>_<tool>` (or `mcp_<server>_*`) for MCP. */
export function geminiTools(tools: readonly string[]): string[] | undefined {
  if (tools.length === 0) return undefined;
  const builtIn = mapped(tools).flatMap((t) => TOOL_MAP[t].gemini);
  const mcp = tools.filter(isMcp).map((t) => {
    const [server, tool] = mcpParts(t);
    return `mcp_${server}_${tool ?? '*'}`;
  });
  return unique([...builtIn, ...mcp]);
}

/**
 * OpenCode `permission`: allow what the answers grant, deny the rest of the tools the table knows.
 * MCP tools are left to OpenCode's defaults: its permission keys name built-in tools only.
 */
export function opencodePermission(tools: readonly string[]): Record<string, 'allow' | 'deny'> | undefined {
  if (tools.length === 0) return undefined;
  const allowed = new Set(mapped(tools).flatMap((t) => TOOL_MAP[t].opencode));
  const known = new Set(Object.values(TOOL_MAP).flatMap((m) => m.opencode));
  const keys = OPENCODE_PERMISSIONS.filter((k) => known.has(k));
  return Object.fromEntries(keys.map((k) => [k, allowed.has(k) ? 'allow' : 'deny']));
}

/** Whether the tools let the agent change files or run commands (an empty list grants every tool). */
export function grantsWrites(tools: readonly string[]): boolean {
  return tools.length === 0 || mapped(tools).some((t) => TOOL_MAP[t].writes);
}

/** Codex `sandbox_mode`: the least the tools need. Full access is never granted by a generator. */
export function codexSandbox(tools: readonly string[]): 'read-only' | 'workspace-write' {
  return grantsWrites(tools) ? 'workspace-write' : 'read-only';
}
