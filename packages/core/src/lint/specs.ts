/**
 * What each tool accepts in an agent file: keys, types, allowed values, limits. Data, so that a new
 * field is one line. Sources as in FORMATS.md and formats/tools.ts.
 */
import { CLAUDE_TOOLS, COLORS, MODEL_ALIASES, SLUG } from '../answers/schema.js';
import type { AgentFormatId } from '../formats/format.js';

/** What the linter tells apart: every agent format, and Agent Skills (`<skills dir>/<name>/SKILL.md`). */
export type LintFormatId = AgentFormatId | 'skill';
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
  /** The tool rejects the whole file on a key it does not know: unknown keys are errors. */
  strictKeys?: boolean;
  /** Keys the tool refuses here although the same tool reads them elsewhere, with why. */
  forbiddenKeys?: Readonly<Record<string, string>>;
  /** The name field must equal the file's folder (skills) or base name. */
  nameIs?: 'folder' | 'file';
  /** How the tool names the agent, for duplicate detection: a field, or the file name. */
  identity?: { field: string } | { fromFile: (path: string) => string };
  /** The rule a `name` field must follow. */
  name?: { pattern: RegExp; min?: number; max?: number; rule: string };
  size?: SizeRule;
}

const CLAUDE_MODEL = (m: string) => (MODEL_ALIASES as readonly string[]).includes(m) || /^claude-[a-z0-9.-]+$/.test(m);
export const MODEL_RULES: Partial<Record<LintFormatId, { test: (model: string) => boolean; rule: string }>> = {
  claude: { test: CLAUDE_MODEL, rule: 'inherit, sonnet, opus, haiku or a full model id such as claude-sonnet-4-5' },
  orchestration: { test: CLAUDE_MODEL, rule: 'inherit, sonnet, opus, haiku or a full model id such as claude-sonnet-4-5' },
  'claude-plugin': { test: CLAUDE_MODEL, rule: 'inherit, sonnet, opus, haiku or a full model id such as claude-sonnet-4-5' },
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
  // A mapping of hook events to matchers; a list (`hooks: []`) is the shape users get wrong.
  hooks: { type: 'map' },
  memory: { type: 'any' },
  background: { type: 'boolean' },
  effort: { type: 'string' },
  isolation: { type: 'string' },
  initialPrompt: { type: 'string' },
};

/** Windsurf and its successor Devin read the same rule files; Devin's CLI needs globs as a list. */
function RULE_SPEC(tool: string): FormatSpec {
  return {
    tool,
    syntax: 'frontmatter',
    frontmatterRequired: false,
    fields: {
      trigger: { type: 'string', values: ['always_on', 'glob', 'model_decision', 'manual'] },
      globs: { type: 'string-or-list' },
      description: { type: 'string' },
    },
    size: { part: 'file', max: 12_000, unit: 'characters', severity: 'error', why: `${tool} reads at most 12,000 characters of a workspace rule` },
  };
}

const CLAUDE_NAME = { pattern: SLUG, min: 3, max: 50, rule: 'lowercase letters, digits and hyphens, 3 to 50 characters, e.g. backend-staff' };

export const SPECS: Readonly<Record<LintFormatId, FormatSpec>> = {
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
      display_name: { type: 'string' },
      tools: { type: 'list', tools: 'gemini' },
      mcp_servers: { type: 'map' },
      model: { type: 'string' },
      temperature: { type: 'number', min: 0, max: 2 },
      max_turns: { type: 'number', integer: true, min: 1 },
      timeout_mins: { type: 'number', integer: true, min: 1 },
      agent_card_url: { type: 'string' },
      agent_card_json: { type: 'string' },
      auth: { type: 'map' },
    },
    // gemini-cli packages/core/src/agents/agentLoader.ts: a strict zod schema; one unknown key and
    // the file is reported as a load error and skipped.
    strictKeys: true,
    identity: { field: 'name' },
    name: { pattern: /^[a-z0-9_-]+$/, rule: 'lowercase letters, digits, hyphens and underscores (Gemini CLI: ^[a-z0-9-_]+$)' },
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
      // config.toml keys an agent file may set too (codex 0.171 loads them).
      model_provider: { type: 'string' },
      model_verbosity: { type: 'string', values: ['low', 'medium', 'high'] },
      model_reasoning_summary: { type: 'string' },
      features: { type: 'map' },
    },
    // An agent file is a config layer: Codex drops the whole file on a key it does not know.
    strictKeys: true,
    identity: { field: 'name' },
  },
  windsurf: RULE_SPEC('Windsurf'),
  devin: RULE_SPEC('Devin'),
  'cursor-agent': {
    tool: 'Cursor',
    syntax: 'frontmatter',
    frontmatterRequired: true,
    fields: {
      name: { type: 'string' },
      description: { type: 'string', required: true },
      model: { type: 'string' },
      readonly: { type: 'boolean' },
      is_background: { type: 'boolean' },
    },
    identity: { fromFile: (path) => baseName(path, /\.md$/) },
  },
  'claude-plugin': {
    tool: 'Claude Code',
    syntax: 'frontmatter',
    frontmatterRequired: true,
    fields: CLAUDE_FIELDS,
    forbiddenKeys: {
      hooks: 'Claude Code ignores hooks in an agent a plugin ships: put them in the plugin\'s hooks/hooks.json',
      mcpServers: 'Claude Code ignores mcpServers in an agent a plugin ships: declare the servers in the plugin\'s .mcp.json',
      permissionMode: 'Claude Code ignores permissionMode in an agent a plugin ships: the user\'s settings decide it',
    },
    identity: { field: 'name' },
    name: CLAUDE_NAME,
  },
  skill: {
    tool: 'Agent Skills readers',
    syntax: 'frontmatter',
    frontmatterRequired: true,
    fields: {
      name: { type: 'string', required: true },
      description: { type: 'string', required: true },
      license: { type: 'string' },
      compatibility: { type: 'string' },
      metadata: { type: 'map' },
      'allowed-tools': { type: 'string-or-list' },
      'disable-model-invocation': { type: 'boolean' },
      'user-invocable': { type: 'boolean' },
      'argument-hint': { type: 'string' },
      context: { type: 'string', values: ['fork'] },
      agent: { type: 'string' },
      model: { type: 'string' },
      paths: { type: 'string-or-list' },
      hooks: { type: 'map' },
      effort: { type: 'string' },
    },
    nameIs: 'folder',
    name: { pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, max: 64, rule: 'lowercase letters, digits and single hyphens, at most 64 characters, the same as its folder' },
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
