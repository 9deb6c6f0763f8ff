/** Which agent format a file is, told by where it lives (the way each tool finds its files). */
import type { LintFormatId } from './specs.js';

export interface Detected {
  format: LintFormatId;
  /** Set when the location itself is a problem: a wrong extension the tool ignores, a retired folder. */
  locationProblem?: { message: string; severity: 'error' | 'warning' };
}

type Rule = [RegExp, LintFormatId, Detected['locationProblem']?];

/** First match wins, so the specific folders come before the generic `agents/`. */
const RULES: readonly Rule[] = [
  [/(^|\/)\.claude\/agents\/.+\.md$/, 'claude'],
  [/(^|\/)(\.claude|\.agents|\.github|\.opencode|\.gemini|\.cursor|\.codex)\/skills\/[^/]+\/SKILL\.md$/, 'skill'],
  [/(^|\/)skills\/[^/]+\/SKILL\.md$/, 'skill'],
  [/(^|\/)plugins\/[^/]+\/agents\/[^/]+\.md$/, 'claude-plugin'],
  [/(^|\/)\.cursor\/agents\/[^/]+\.md$/, 'cursor-agent'],
  [/(^|\/)\.github\/agents\/[^/]+\.md$/, 'copilot'],
  [/(^|\/)\.github\/chatmodes\/[^/]+\.chatmode\.md$/, 'copilot', { severity: 'warning', message: '.github/chatmodes/ is the retired location of Copilot custom agents: move it to .github/agents/<name>.agent.md.' }],
  [/(^|\/)\.cursor\/rules\/.+\.mdc$/, 'cursor'],
  [/(^|\/)\.cursor\/rules\/.+\.md$/, 'cursor', { severity: 'error', message: 'Cursor ignores .md files in .cursor/rules: rename it to .mdc.' }],
  [/(^|\/)AGENTS\.md$/, 'agents-md'],
  [/(^|\/)\.opencode\/agents\/.+\.md$/, 'opencode'],
  [/(^|\/)\.opencode\/agent\/.+\.md$/, 'opencode', { severity: 'warning', message: '.opencode/agent/ is the old folder name (still read): move it to .opencode/agents/.' }],
  [/(^|\/)\.gemini\/agents\/[^/]+\.md$/, 'gemini'],
  [/(^|\/)\.codex\/agents\/[^/]+\.toml$/, 'codex'],
  [/(^|\/)\.windsurf\/rules\/.+\.md$/, 'windsurf'],
  [/(^|\/)\.devin\/rules\/.+\.md$/, 'devin'],
  [/(^|\/)docs\/agents\/[^/]+\.md$/, 'plain'],
  [/(^|\/)agents\/[^/]+\.md$/, 'orchestration'],
];

/** Keys only the orchestration shape (seed 001) uses. */
const ORCHESTRATION_KEYS = ['specialization_level', 'domain_expertise', 'escalation_to', 'escalation_from', 'parallel_compatible', 'complexity_triggers', 'workflow_integration', 'tool_access', 'tool_restrictions'];

/**
 * The format of the file at `path` (forward slashes). A top-level `agents/` folder holds either
 * orchestration metadata or a Claude Code plugin's agents; the frontmatter tells them apart.
 */
export function detectFormat(path: string, content?: string): Detected | null {
  const normal = path.replace(/\\/g, '/');
  for (const [pattern, format, locationProblem] of RULES) {
    if (!pattern.test(normal)) continue;
    if (format === 'orchestration' && content !== undefined && looksLikeClaudePluginAgent(content)) return { format: 'claude-plugin' };
    return locationProblem ? { format, locationProblem } : { format };
  }
  return null;
}

function looksLikeClaudePluginAgent(content: string): boolean {
  const head = content.slice(0, 4000);
  const hasKey = (key: string) => new RegExp(`^${key}\\s*:`, 'm').test(head);
  return head.startsWith('---') && hasKey('name') && hasKey('description') && !ORCHESTRATION_KEYS.some(hasKey);
}

/**
 * Whether a file found by scanning a repository is worth linting. The generic shapes count only at
 * the root (agents/, docs/agents/), where this tool writes them; elsewhere such folders are often
 * something else entirely.
 */
export function isDiscoverable(path: string): boolean {
  const detected = detectFormat(path);
  if (!detected) return false;
  if (detected.format === 'orchestration') return /^agents\/[^/]+\.md$/.test(path);
  if (detected.format === 'plain') return /^docs\/agents\/[^/]+\.md$/.test(path);
  return true;
}
