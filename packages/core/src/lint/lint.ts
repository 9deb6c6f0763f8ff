/**
 * The agent-file linter: a pure function of the files' paths and contents. It catches what the
 * tools themselves forgive silently — frontmatter that does not parse (the agent disappears),
 * misspelled keys (ignored, so an agent gets every tool), booleans written as strings, retired tool
 * names, duplicate names (only one loads) and files past a tool's size limit.
 */
import { RETIRED_TOOLS } from '../answers/schema.js';
import { closest, didYouMean } from '../closest.js';
import { isPlainObject } from '../answers/paths.js';
import { InputError } from '../errors.js';
import { findBlock } from '../formats/agents-md.js';
import { measure } from '../formats/format.js';
import { importLikeText } from '../formats/code-spans.js';
import { COPILOT_COMPATIBLE_ALIASES, COPILOT_TOOL_ALIASES, GEMINI_RETIRED_TOOLS, TOOL_MAP, type ClaudeTool } from '../formats/tools.js';
import { detectFormat } from './detect.js';
import { parseTomlText, parseYaml, splitFrontmatter } from './parse.js';
import {
  CLAUDE_TOOL_NAMES, GEMINI_TOOL_NAMES, KEY_TYPOS, MODEL_RULES, OPENCODE_PERMISSION_KEYS, SPECS,
  type FieldSpec, type FormatSpec, type LintFormatId,
} from './specs.js';
import { thousands } from '../thousands.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  path: string;
  /** 1-based line, when the problem has one. */
  line: number | null;
  severity: Severity;
  /** A stable id of the check, e.g. "parse", "key-typo", "tools-retired". */
  rule: string;
  message: string;
}

export interface LintInput {
  path: string;
  content: string;
}

export interface LintReport {
  files: Array<{ path: string; format: LintFormatId | null }>;
  findings: Finding[];
  errors: number;
  warnings: number;
}

const LOCATIONS = '.claude/agents/*.md, .github/agents/*.agent.md, .cursor/rules/*.mdc, .cursor/agents/*.md, AGENTS.md, .opencode/agents/*.md, .gemini/agents/*.md, .codex/agents/*.toml, .devin/rules/*.md, .windsurf/rules/*.md, plugins/*/agents/*.md, */skills/*/SKILL.md, agents/*.md or docs/agents/*.md';
const exampleHint = (tool: string) => `a description with <example> blocks must be one double-quoted string with \\n escapes (or a "|" block scalar): unquoted, it is invalid YAML and ${tool} skips the agent silently`;

type Data = Record<string, unknown>;

/** Collects one file's findings, with line lookup for keys. */
class FileLinter {
  readonly findings: Finding[] = [];
  private keyLines = new Map<string, number>();

  constructor(readonly path: string, readonly content: string) {}

  add(severity: Severity, rule: string, message: string, line: number | null = null): void {
    this.findings.push({ path: this.path, line, severity, rule, message });
  }

  setKeySource(lines: string[], firstLine: number): void {
    // Indexed once: looking each key up with a regex over every line is quadratic in a large file.
    this.keyLines = new Map();
    for (const [i, line] of lines.entries()) {
      const key = /^["']?([^"'\s:=#][^"':=]*?)["']?\s*[:=]/.exec(line)?.[1];
      if (key !== undefined && !this.keyLines.has(key)) this.keyLines.set(key, i + firstLine);
    }
  }

  /** The line a key is written on, for YAML (`key:`) and TOML (`key =`). */
  lineOf(key: string): number | null {
    return this.keyLines.get(key) ?? null;
  }
}

/** The key a misspelled one most likely meant, among the keys the format knows. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const norm = (k: string) => k.toLowerCase().replace(/[-_\s]/g, '');
  const n = norm(key);
  const sameLetters = known.find((k) => norm(k) === n);
  if (sameLetters) return sameLetters;
  const typo = Object.hasOwn(KEY_TYPOS, n) ? KEY_TYPOS[n] : undefined;
  if (typo && known.includes(typo)) return typo;
  const affix = known.find((k) => norm(k).length >= 4 && (n.endsWith(norm(k)) || n.startsWith(norm(k))));
  if (affix) return affix;
  return closest(key, known);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  return `a ${typeof value}`;
}

function checkTools(lint: FileLinter, spec: FormatSpec, key: string, field: FieldSpec, value: unknown): void {
  const line = lint.lineOf(key);
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  for (const raw of items) {
    if (typeof raw !== 'string') {
      lint.add('error', 'type', `${key} lists ${typeName(raw)}; tool names are strings.`, line);
      continue;
    }
    const tool = raw.trim().replace(/\(.*\)$/, '');
    if (tool === '') continue;
    if (field.tools === 'claude') {
      if ((CLAUDE_TOOL_NAMES as readonly string[]).includes(tool) || /^mcp__[A-Za-z0-9_-]+(__[A-Za-z0-9_*-]+)?$/.test(tool)) continue;
      const current = RETIRED_TOOLS[tool];
      if (current) {
        lint.add('warning', 'tools-retired', tool === 'Task'
          ? `${key}: "Task" is the old name of "${current}" (still accepted); write "${current}".`
          : `${key}: "${tool}" is retired and no longer exists in ${spec.tool}; use "${current}".`, line);
      } else {
        lint.add('error', 'tools-unknown', `${key}: unknown tool "${tool}"; ${spec.tool} ignores it, so the agent cannot use it.${didYouMean(tool, CLAUDE_TOOL_NAMES)}`, line);
      }
    } else if (field.tools === 'copilot') {
      const lower = tool.toLowerCase();
      const known = [...COPILOT_TOOL_ALIASES, ...COPILOT_COMPATIBLE_ALIASES] as readonly string[];
      if (lower === '*' || tool.includes('/') || known.includes(lower)) continue;
      lint.add('warning', 'tools-unknown', `${key}: unknown tool "${tool}"; GitHub Copilot ignores unknown names.${didYouMean(tool, COPILOT_TOOL_ALIASES)}`, line);
    } else if (field.tools === 'gemini') {
      if (tool === '*' || GEMINI_TOOL_NAMES.includes(tool) || /^mcp_/.test(tool) || /^discovered_tool_/.test(tool)) continue;
      const renamed = GEMINI_RETIRED_TOOLS[tool];
      const claudeName = TOOL_MAP[tool as ClaudeTool]?.gemini;
      if (renamed) lint.add('warning', 'tools-retired', `${key}: "${tool}" is the old name of "${renamed}"; write "${renamed}".`, line);
      else if (claudeName) {
        lint.add('error', 'tools-unknown', `${key}: "${tool}" is a Claude Code name; Gemini CLI ${claudeName.length > 0 ? `calls it "${claudeName[0]}"` : 'has no such tool'}.`, line);
      } else lint.add('error', 'tools-unknown', `${key}: unknown tool "${tool}" for Gemini CLI.${didYouMean(tool, GEMINI_TOOL_NAMES)}`, line);
    }
  }
}

/** What a strict tool does with a file it cannot read, appended to its findings. */
const drops = (spec: FormatSpec) => (spec.strictKeys ? ` ${spec.tool} skips the whole file for it.` : '');

function checkField(lint: FileLinter, format: LintFormatId, spec: FormatSpec, key: string, field: FieldSpec, value: unknown): void {
  const line = lint.lineOf(key);
  if (field.retired) lint.add('warning', 'retired-key', `${key} is retired in ${spec.tool}: use ${field.retired}.`, line);
  switch (field.type) {
    case 'boolean':
      if (typeof value === 'string' && /^(true|false|yes|no|on|off)$/i.test(value.trim())) {
        const meant = /^(true|yes|on)$/i.test(value.trim());
        lint.add('error', 'boolean-string', `${key} is the string "${value}", which ${spec.tool} does not read as ${meant}: write ${key}: ${meant} without quotes.`, line);
        return;
      }
      if (typeof value !== 'boolean') lint.add('error', 'type', `${key} must be true or false, not ${typeName(value)}.`, line);
      return;
    case 'number':
      if (typeof value !== 'number') {
        lint.add('error', 'type', `${key} must be a number, not ${typeName(value)}${typeof value === 'string' ? ` ("${value}")` : ''}.`, line);
        return;
      }
      if ((field.integer && !Number.isInteger(value)) || (field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
        const range = field.max !== undefined ? `from ${field.min ?? 0} to ${field.max}` : `at least ${field.min ?? 0}`;
        lint.add('error', 'value', `${key} must be ${field.integer ? 'a whole number ' : ''}${range}, not ${value}.`, line);
      }
      return;
    case 'list':
      if (!Array.isArray(value)) {
        const comma = typeof value === 'string' && value.includes(',') ? ` (write it as a YAML list: ${key}: [${value.split(',').map((v) => v.trim()).join(', ')}])` : '';
        lint.add('error', 'type', `${key} must be a list, not ${typeName(value)}${comma}.${drops(spec)}`, line);
      }
      else if (field.tools) checkTools(lint, spec, key, field, value);
      return;
    case 'string-or-list':
      if (typeof value !== 'string' && !Array.isArray(value)) lint.add('error', 'type', `${key} must be a string or a list, not ${typeName(value)}.`, line);
      else if (field.tools) checkTools(lint, spec, key, field, value);
      return;
    case 'map':
      if (!isPlainObject(value)) {
        const hooks = key === 'hooks' && (format === 'claude' || format === 'claude-plugin') ? ' Claude Code expects hook events (PreToolUse: …) here; some releases skip the agent for a list such as hooks: [].' : '';
        lint.add('error', 'type', `${key} must be a mapping of keys to values, not ${typeName(value)}.${hooks}${drops(spec)}`, line);
      }
      return;
    case 'string': {
      if (typeof value !== 'string') {
        lint.add('error', 'type', `${key} must be a string, not ${typeName(value)}.`, line);
        return;
      }
      if (field.values && !field.values.includes(value)) {
        const effect = key === 'color' ? ` ${spec.tool} drops it without a word.` : drops(spec);
        lint.add('error', key === 'color' ? 'color' : 'value', `${key} "${value}" is not one ${spec.tool} knows: use ${field.values.join(', ')}.${didYouMean(value, field.values)}${effect}`, line);
      }
      const model = MODEL_RULES[format];
      if (key === 'model' && model && !model.test(value)) lint.add('error', 'model', `model "${value}" is not valid for ${spec.tool}: use ${model.rule}.`, line);
      if (key === 'name' && spec.name) {
        const { pattern, min, max, rule } = spec.name;
        if (!pattern.test(value) || (min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
          lint.add('error', 'name', `name "${value}" is not valid for ${spec.tool}: use ${rule}.${drops(spec)}`, line);
        }
      }
      if (key === 'name' && spec.nameIs) {
        const parts = lint.path.replace(/\\/g, '/').split('/');
        const expected = spec.nameIs === 'folder' ? parts.at(-2) : parts.at(-1)!.replace(/\.[^.]+$/, '');
        if (expected !== undefined && value !== expected) {
          lint.add('error', 'name-mismatch', `name "${value}" differs from its ${spec.nameIs} "${expected}": tools look the ${format === 'skill' ? 'skill' : 'agent'} up by its ${spec.nameIs} and skip it; rename one to match.`, line);
        }
      }
      if (key === 'description' && format === 'skill' && value.length > 1024) {
        lint.add('error', 'description', `description is ${thousands(value.length)} characters; skills allow at most 1,024.`, line);
      }
      if (key === 'description' && format === 'claude' && (value.trim().length < 10 || value.length > 5000)) {
        lint.add('warning', 'description', `description is ${value.length} characters; ${spec.tool} expects 10 to 5,000 saying when to use the agent.`, line);
      }
      return;
    }
    case 'any':
      return;
  }
}

function checkOpencodePermission(lint: FileLinter, value: unknown): void {
  const line = lint.lineOf('permission');
  const actions = ['ask', 'allow', 'deny'];
  const checkAction = (where: string, action: unknown) => {
    if (typeof action === 'string' && actions.includes(action)) return;
    if (isPlainObject(action) && Object.values(action).every((a) => typeof a === 'string' && actions.includes(a))) return;
    lint.add('error', 'value', `${where} must be ask, allow or deny (or a mapping of patterns to them), not ${typeof action === 'string' ? `"${action}"` : typeName(action)}.`, line);
  };
  if (typeof value === 'string') return checkAction('permission', value);
  if (!isPlainObject(value)) return lint.add('error', 'type', `permission must be ask, allow, deny or a mapping, not ${typeName(value)}.`, line);
  for (const [key, action] of Object.entries(value)) {
    if (key !== '*' && !OPENCODE_PERMISSION_KEYS.includes(key) && !key.includes('_')) {
      lint.add('warning', 'unknown-key', `permission.${key} is not a permission OpenCode knows.${didYouMean(key, OPENCODE_PERMISSION_KEYS)}`, line);
    }
    checkAction(`permission.${key}`, action);
  }
}

function checkData(lint: FileLinter, format: LintFormatId, spec: FormatSpec, data: Data): void {
  const known = Object.keys(spec.fields);
  for (const [key, value] of Object.entries(data)) {
    const forbidden = spec.forbiddenKeys && Object.hasOwn(spec.forbiddenKeys, key) ? spec.forbiddenKeys[key] : undefined;
    if (forbidden) {
      lint.add('error', 'forbidden-key', `${key}: ${forbidden}.`, lint.lineOf(key));
      continue;
    }
    // Own keys only: "__proto__", "constructor" or "toString" are not fields because every object has them.
    const field = Object.hasOwn(spec.fields, key) ? spec.fields[key] : undefined;
    if (field) {
      checkField(lint, format, spec, key, field, value);
      continue;
    }
    const meant = suggestKey(key, known);
    if (spec.strictKeys) {
      lint.add('error', 'unknown-key', `unknown key "${key}":${drops(spec)}${meant && !Object.hasOwn(data, meant) ? ` Did you mean "${meant}"?` : ` Remove it (${spec.tool} knows ${known.join(', ')}).`}`, lint.lineOf(key));
    } else if (meant && !Object.hasOwn(data, meant)) {
      lint.add('error', 'key-typo', `unknown key "${key}": did you mean "${meant}"? ${spec.tool} ignores unknown keys${meant === 'tools' ? ', so this agent gets every tool' : ''}.`, lint.lineOf(key));
    } else if (!spec.passThroughKeys) {
      lint.add('warning', 'unknown-key', `unknown key "${key}": ${spec.tool} ignores it.`, lint.lineOf(key));
    }
  }
  for (const [key, field] of Object.entries(spec.fields)) {
    if (field.required && !Object.hasOwn(data, key)) lint.add('error', 'required', `missing required field "${key}": ${spec.tool} ${format === 'claude' || spec.strictKeys ? 'skips the agent without it' : 'needs it'}.`, null);
  }
  if (format === 'opencode' && Object.hasOwn(data, 'permission')) checkOpencodePermission(lint, data.permission);
  if (format === 'devin' && typeof data.globs === 'string') {
    lint.add('error', 'type', `globs is one string; Devin's CLI fails to load the rule unless it is a YAML list (globs: [${data.globs}]).`, lint.lineOf('globs'));
  }
  if (format === 'windsurf' || format === 'devin') {
    if (data.trigger === 'glob' && !data.globs) lint.add('error', 'required', 'trigger is glob but there are no globs: add globs, e.g. globs: src/**/*.ts.', lint.lineOf('trigger'));
    if (data.trigger === 'model_decision' && !data.description) lint.add('error', 'required', 'trigger is model_decision but there is no description for the model to decide on.', lint.lineOf('trigger'));
    if (data.trigger === undefined) lint.add('warning', 'required', 'no trigger: Windsurf applies the rule only when you @-mention it; set trigger (always_on, glob, model_decision or manual).', null);
  }
  if (format === 'orchestration' && isPlainObject(data.tool_restrictions)) {
    for (const key of ['allowed', 'forbidden']) {
      const list = data.tool_restrictions[key];
      if (list !== undefined) checkTools(lint, spec, `tool_restrictions.${key}`, { type: 'list', tools: 'claude' }, list);
    }
  }
}

/** Cursor reads `globs` raw (`globs: **\/*.ts` is fine there, though not YAML): quote it before parsing. */
function quoteCursorGlobs(frontmatter: string): string {
  return frontmatter.replace(/^globs:[ \t]*([^\s"'[\n][^\n]*)$/m, (_m, raw: string) => `globs: ${JSON.stringify(raw.trim())}`);
}

function checkSize(lint: FileLinter, spec: FormatSpec, body: string, data: Data | null): void {
  const size = spec.size;
  if (!size) return;
  const text =
    size.part === 'file' ? lint.content
    : size.part === 'body' ? body.replace(/^(\s*\n)+/, '')
    : typeof data?.[size.part] === 'string' ? (data[size.part] as string) : '';
  const measured = measure(text, size.unit);
  if (measured > size.max) {
    const what = size.part === 'file' ? 'the file' : size.part === 'body' ? 'the prompt' : size.part;
    const line = size.part === 'file' || size.part === 'body' ? null : lint.lineOf(size.part);
    lint.add(size.severity, 'size', `${what} is ${thousands(measured)} ${size.unit}; ${size.why} (limit ${thousands(size.max)}).`, line);
  }
}

interface Linted {
  format: LintFormatId | null;
  findings: Finding[];
  identity?: string;
}

function lintFile(input: LintInput): Linted {
  const lint = new FileLinter(input.path, input.content);
  const detected = detectFormat(input.path, input.content);
  if (!detected) {
    lint.add('error', 'location', `not a known agent file location; expected ${LOCATIONS}.`);
    return { format: null, findings: lint.findings };
  }
  const { format } = detected;
  const spec = SPECS[format];
  if (detected.locationProblem) lint.add(detected.locationProblem.severity, 'location', detected.locationProblem.message);
  if (input.content.startsWith('\uFEFF') && spec.syntax === 'frontmatter') {
    // Claude Code 2.1 then finds no frontmatter on line 1 and skips the agent without a word.
    lint.add('error', 'bom', `the file starts with a byte-order mark: ${spec.tool} looks for "---" at the very first byte and may skip the file. Save it as UTF-8 without BOM.`, 1);
  }

  let data: Data | null = null;
  let body = input.content;
  if (spec.syntax === 'toml') {
    lint.setKeySource(input.content.split(/\r?\n/), 1);
    const parsed = parseTomlText(input.content);
    if (parsed.problem) {
      const multiline = /control characters/.test(parsed.problem.message) ? ' (a "..." string cannot span lines: use """...""" for text with line breaks)' : '';
      lint.add('error', 'parse', `invalid TOML: ${parsed.problem.message}${multiline}; ${spec.tool} cannot load this agent.`, parsed.problem.line);
      return { format, findings: lint.findings };
    }
    data = parsed.data as Data;
  } else {
    const split = splitFrontmatter(input.content);
    body = split.body;
    if (split.unclosed) {
      lint.add('error', 'parse', 'the frontmatter opened on line 1 is never closed: end it with a line of three dashes (---).', 1);
      return { format, findings: lint.findings };
    }
    if (split.frontmatter === null) {
      if (spec.frontmatterRequired) lint.add('error', 'frontmatter', `no YAML frontmatter: ${spec.tool} needs one at the top (--- with ${Object.entries(spec.fields).filter(([, f]) => f.required).map(([k]) => k).join(' and ')} ---).`, 1);
    } else if (spec.syntax === 'markdown') {
      lint.add('warning', 'frontmatter', `${format === 'agents-md' ? 'AGENTS.md' : 'a plain agent document'} has no frontmatter in its format: readers show these lines as text.`, 1);
    } else {
      const text = format === 'cursor' ? quoteCursorGlobs(split.frontmatter) : split.frontmatter;
      lint.setKeySource(split.frontmatter.split('\n'), split.frontmatterLine);
      const parsed = parseYaml(text, split.frontmatterLine);
      if (parsed.problem) {
        const pitfall = /<\/?(example|commentary)>/i.test(split.frontmatter) ? `; ${exampleHint(spec.tool)}` : `; ${spec.tool} cannot load this file`;
        lint.add('error', 'parse', `frontmatter is not valid YAML: ${parsed.problem.message}${pitfall}.`, parsed.problem.line);
        return { format, findings: lint.findings };
      }
      for (const a of parsed.ambiguities) lint.add('error', 'yaml-ambiguous', a.message, a.line);
      const value = parsed.data ?? {};
      if (!isPlainObject(value)) {
        lint.add('error', 'parse', `frontmatter must be "key: value" lines, not ${typeName(value)}.`, split.frontmatterLine);
        return { format, findings: lint.findings };
      }
      data = value;
    }
  }

  if (data) checkData(lint, format, spec, data);
  if (format === 'agents-md' || format === 'copilot') {
    const offset = input.content.split('\n').length - body.split('\n').length;
    for (const { token, line } of importLikeText(body)) {
      lint.add('error', 'import', `"${token}" is read by Copilot CLI as an @-import of a file ("Could not resolve instruction import"): wrap it in backticks (\`${token}\`).`, line + offset);
    }
  }
  if (format === 'agents-md') {
    try {
      findBlock(input.content);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      lint.add('error', 'markers', error.message);
    }
  }
  if (format === 'plain' && !/^# \S/m.test(body)) lint.add('warning', 'title', 'a plain agent document should start with a "# " title naming the agent.', null);
  checkSize(lint, spec, body, data);

  let identity: string | undefined;
  if (spec.identity && 'field' in spec.identity) {
    const name = data?.[spec.identity.field];
    if (typeof name === 'string' && name !== '') identity = name;
  } else if (spec.identity) identity = spec.identity.fromFile(input.path);
  return { format, findings: lint.findings, identity };
}

/** Lints agent files of every format, including names used twice by the same tool. */
export function lintAgentFiles(inputs: readonly LintInput[]): LintReport {
  const sorted = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: LintReport['files'] = [];
  const findings: Finding[] = [];
  const owners = new Map<string, string>();
  for (const input of sorted) {
    const linted = lintFile(input);
    files.push({ path: input.path, format: linted.format });
    findings.push(...linted.findings);
    if (linted.format && linted.identity) {
      const key = `${linted.format}\u0000${linted.identity}`;
      const first = owners.get(key);
      if (first) {
        findings.push({
          path: input.path,
          line: null,
          severity: 'error',
          rule: 'duplicate-name',
          message: `agent name "${linted.identity}" is also used by ${first}: ${SPECS[linted.format].tool} loads only one of them.`,
        });
      } else owners.set(key, input.path);
    }
  }
  findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return {
    files,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
