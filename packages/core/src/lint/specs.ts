/**
 * What each tool accepts in an agent file: keys, types, allowed values, limits. Data, so that a new
 * field is one line. Sources as in FORMATS.md and formats/tools.ts.
 */
import { CLAUDE_TOOLS, COLORS, MODEL_ALIASES, SLUG } from '../answers/schema.js';
import type { AgentFormatId } from '../formats/format.js';
import { GEMINI_TOOLS, OPENCODE_PERMISSIONS } from '../formats/tools.js';

export type FieldType = 'string' | 'boolean' | 'number' | 'list' | 'string-or-list' | 'map' | 'any';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** Allowed values of a string field. */
  values?: readonly string[];
  /** Which tool vocabulary a tools field uses. */
  tools?: 'claude' | 'copilot' | 'gemini';
  /** A key the tool still reads but has replaced. */
  retired?: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

export interface SizeRule {
  /** What is measured: the whole file, the Markdown body, or one TOML field. */
  part: 'file' | 'body' | 'developer_instructions';
  max: number;
  unit: 'characters' | 'bytes' | 'lines';
  severity: 'error' | 'warning';
  why: string;
}

export interface FormatSpec {
  tool: string;
  syntax: 'frontmatter' | 'toml' | 'markdown';
  /** Whether the file must open with frontmatter. */
  frontmatterRequired: boolean;
  fields: Readonly<Record<string, FieldSpec>>;
  /** Unknown keys are normal here (OpenCode passes them to the model provider): only typos are reported. */
  passThroughKeys?: boolean;
  /** How the tool names the agent, for duplicate detection: a field, or the file name. */
  identity?: { field: string } | { fromFile: (path: string) => string };
  /** The rule a `name` field must follow. */
  name?: { pattern: RegExp; min?: number; max?: number; rule: string };
  size?: SizeRule;
}

const CLAUDE_MODEL = (m: string) => (MODEL_ALIASES as readonly string[]).includes(m) || /^claude-[a-z0-9.-]+$/.test(m);
export const MODEL_RULES: Partial<Record<AgentFormatId, { test: (model: string) => boolean; rule: string }>> = {
  claude: { test: CLAUDE_MODEL, rule: 'inherit, sonnet, opus, haiku or a full model id such as claude-sonnet-4-5' },
  orchestration: { test: CLAUDE_MODEL, rule: 'inherit, sonnet, opus, haiku or a full model id such as claude-sonnet-4-5' },
  opencode: { test: (m) => /^[^/\s]+\/\S+$/.test(m), rule: 'provider/model-id, e.g. anthropic/claude-sonnet-4-5' },
};

const baseName = (path: string, ext: RegExp) => path.replace(/\\/g, '/').split('/').pop()!.replace(ext, '');

const CLAUDE_FIELDS: Record<string, FieldSpec> = {
  name: { type: 'string', required: true },
  description: { type: 'string', required: true },
  tools: { type: 'string-or-list', tools: 'claude' },
  disallowedTools: { type: 'string-or-list', tools: 'claude' },
  model: { type: 'string' },
  color: { type: 'string', values: COLORS },
  permissionMode: { type: 'string' },
  maxTurns: { type: 'number', integer: true, min: 1 },
  skills: { type: 'string-or-list' },
  mcpServers: { type: 'any' },
  hooks: { type: 'any' },
  memory: { type: 'any' },
  background: { type: 'boolean' },
  effort: { type: 'string' },
  isolation: { type: 'string' },
  initialPrompt: { type: 'string' },
};

const CLAUDE_NAME = { pattern: SLUG, min: 3, max: 50, rule: 'lowercase letters, digits and hyphens, 3 to 50 characters, e.g. backend-staff' };

export const SPECS: Readonly<Record<AgentFormatId, FormatSpec>> = {
  claude: {
    tool: 'Claude Code',
    syntax: 'frontmatter',
    frontmatterRequired: true,
    fields: CLAUDE_FIELDS,
    identity: { field: 'name' },
    name: CLAUDE_NAME,
  },
  copilot: {
    tool: 'GitHub Copilot',
    syntax: 'frontmatter',
    frontmatterRequired: true,
    fields: {
      name: { type: 'string' },
      description: { type: 'string', required: true },
      target: { type: 'string', values: ['vscode', 'github-copilot'] },
      tools: { type: 'string-or-list', tools: 'copilot' },
      model: { type: 'string-or-list' },
      'disable-model-invocation': { type: 'boolean' },
      'user-invocable': { type: 'boolean' },
      infer: { type: 'boolean', retired: 'disable-model-invocation and user-invocable' },
      'mcp-servers': { type: 'map' },
      metadata: { type: 'map' },
      'argument-hint': { type: 'string' },
      handoffs: { type: 'any' },
      agents: { type: 'list' },
    },
    // Copilot deduplicates custom agents by file name (minus .agent.md or .md).
    identity: { fromFile: (path) => baseName(path, /(\.agent)?\.md$|\.chatmode\.md$/) },
    size: { part: 'body', max: 30_000, unit: 'characters', severity: 'error', why: 'GitHub Copilot reads at most 30,000 characters of the prompt' },
  },
  cursor: {
    tool: 'Cursor',
    syntax: 'frontmatter',
    frontmatterRequired: false,
    fields: {
      description: { type: 'string' },
      globs: { type: 'string-or-list' },
      alwaysApply: { type: 'boolean' },
    },
    size: { part: 'file', max: 500, unit: 'lines', severity: 'warning', why: "Cursor's documentation asks for rules under 500 lines" },
  },
  'agents-md': {
    tool: 'AGENTS.md readers',
    syntax: 'markdown',
    frontmatterRequired: false,
    fields: {},
    size: { part: 'file', max: 32 * 1024, unit: 'bytes', severity: 'error', why: 'Codex reads at most 32 KiB of AGENTS.md (project_doc_max_bytes) and drops the rest' },
  },
  opencode: {
    tool: 'OpenCode',
    syntax: 'frontmatter',
    frontmatterRequired: true,
    passThroughKeys: true,
    fields: {
      description: { type: 'string', required: true },
      mode: { type: 'string', values: ['primary', 'subagent', 'all'] },
      model: { type: 'string' },
      temperature: { type: 'number', min: 0, max: 2 },
      top_p: { type: 'number', min: 0, max: 1 },
      maxSteps: { type: 'number', integer: true, min: 1 },
      steps: { type: 'number', integer: true, min: 1 },
      hidden: { type: 'boolean' },
      disable: { type: 'boolean' },
      tools: { type: 'map', retired: 'permission' },
      permission: { type: 'any' },
      prompt: { type: 'string' },
      color: { type: 'string' },
      name: { type: 'string' },
      variant: { type: 'string' },
    },
    // The file name is the agent's name.
    identity: { fromFile: (path) => baseName(path, /\.md$/) },
  },
  gemini: {
    tool: 'Gemini CLI',
    syntax: 'frontmatter',
    frontmatterRequired: true,
    fields: {
      name: { type: 'string', required: true },
      description: { type: 'string', required: true },
      kind: { type: 'string', values: ['local', 'remote'] },
      tools: { type: 'list', tools: 'gemini' },
      mcpServers: { type: 'map' },
      model: { type: 'string' },
      temperature: { type: 'number', min: 0, max: 2 },
      max_turns: { type: 'number', integer: true, min: 1 },
      timeout_mins: { type: 'number', min: 0 },
      agent_card_url: { type: 'string' },
      agent_card_json: { type: 'string' },
      auth: { type: 'map' },
    },
    identity: { field: 'name' },
    name: { pattern: /^[a-z0-9][a-z0-9_-]*$/, rule: 'lowercase letters, digits, hyphens and underscores' },
  },
  codex: {
    tool: 'Codex',
    syntax: 'toml',
    frontmatterRequired: false,
    fields: {
      name: { type: 'string', required: true },
      description: { type: 'string', required: true },
      developer_instructions: { type: 'string', required: true },
      nickname_candidates: { type: 'list' },
      model: { type: 'string' },
      model_reasoning_effort: { type: 'string', values: ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] },
      sandbox_mode: { type: 'string', values: ['read-only', 'workspace-write', 'danger-full-access'] },
      approval_policy: { type: 'string' },
      web_search: { type: 'any' },
      mcp_servers: { type: 'map' },
      skills: { type: 'any' },
    },
    identity: { field: 'name' },
    size: { part: 'developer_instructions', max: 32 * 1024, unit: 'bytes', severity: 'warning', why: 'Codex holds project instructions to 32 KiB; longer instructions crowd the context' },
  },
  windsurf: {
    tool: 'Windsurf',
    syntax: 'frontmatter',
    frontmatterRequired: false,
    fields: {
      trigger: { type: 'string', values: ['always_on', 'glob', 'model_decision', 'manual'] },
      globs: { type: 'string-or-list' },
      description: { type: 'string' },
    },
    size: { part: 'file', max: 12_000, unit: 'characters', severity: 'error', why: 'Windsurf reads at most 12,000 characters of a rule file' },
  },
  orchestration: {
    tool: 'multi-agent routers',
    syntax: 'frontmatter',
    frontmatterRequired: false,
    fields: {
      ...CLAUDE_FIELDS,
      name: { type: 'string' },
      description: { type: 'string' },
      specialization_level: { type: 'string' },
      domain_expertise: { type: 'list' },
      escalation_to: { type: 'list' },
      escalation_from: { type: 'list' },
      parallel_compatible: { type: 'list' },
      complexity_triggers: { type: 'list' },
      workflow_integration: { type: 'list' },
      tool_access: { type: 'string' },
      tool_restrictions: { type: 'map' },
    },
  },
  plain: {
    tool: 'plain Markdown',
    syntax: 'markdown',
    frontmatterRequired: false,
    fields: {},
  },
};

/** Known misspellings that a distance check would miss, mapped to the key meant. */
export const KEY_TYPOS: Readonly<Record<string, string>> = {
  allowedtools: 'tools',
  allowedtool: 'tools',
  tool: 'tools',
  toollist: 'tools',
  colour: 'color',
  desc: 'description',
  models: 'model',
  glob: 'globs',
  always: 'alwaysApply',
  alwaysapplied: 'alwaysApply',
  triggers: 'trigger',
  instructions: 'developer_instructions',
};

export const CLAUDE_TOOL_NAMES: readonly string[] = CLAUDE_TOOLS;
export const GEMINI_TOOL_NAMES: readonly string[] = GEMINI_TOOLS;
export const OPENCODE_PERMISSION_KEYS: readonly string[] = OPENCODE_PERMISSIONS;
