/**
 * Where skills are written, so that every chosen tool finds each skill exactly once.
 *
 * Claude Code reads only `.claude/skills/`; Codex, Gemini-family CLIs and the open Agent Skills
 * readers read `.agents/skills/`; Copilot CLI and OpenCode read both. Both of those list a skill
 * found in both folders once (checked with `copilot skill list` 1.0.102 and `opencode debug skill`
 * 1.18.33: same name, one entry), so writing both folders is safe; writing only the folders some
 * chosen tool needs keeps the tree small.
 */
import type { AgentFormatId } from '../formats/format.js';

export const CLAUDE_SKILLS_DIR = '.claude/skills';
export const AGENTS_SKILLS_DIR = '.agents/skills';

/** Formats whose tools read `.claude/skills/` as well as `.agents/skills/`. */
const READS_BOTH: ReadonlySet<AgentFormatId> = new Set(['copilot', 'opencode']);

/** The folder a format's tool (or reader, for plain and orchestration) finds skills in. */
export function skillsDirFor(format: AgentFormatId, formats: readonly AgentFormatId[]): string {
  if (format === 'claude' || format === 'claude-plugin') return CLAUDE_SKILLS_DIR;
  if (READS_BOTH.has(format) && formats.includes('claude')) return CLAUDE_SKILLS_DIR;
  return AGENTS_SKILLS_DIR;
}

/** Every folder the chosen formats need, in a stable order. */
export function skillDirs(formats: readonly AgentFormatId[]): string[] {
  const dirs = new Set(formats.map((f) => skillsDirFor(f, formats)));
  return [CLAUDE_SKILLS_DIR, AGENTS_SKILLS_DIR].filter((d) => dirs.has(d));
}
