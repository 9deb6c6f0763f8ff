/** Agent definitions and rules files other AI tools already read in this repository (FORMATS.md). */
import { base, type Detector, type Signal } from './scope.js';

const KNOWN: ReadonlyArray<[tool: string, test: (path: string) => boolean]> = [
  ['claude', (p) => /^\.claude\/agents\/.+\.md$/.test(p)],
  ['claude-memory', (p) => base(p) === 'CLAUDE.md'],
  ['copilot', (p) => /^\.github\/(agents\/.+\.agent\.md|copilot-instructions\.md|instructions\/.+\.instructions\.md|chatmodes\/.+\.chatmode\.md)$/.test(p)],
  ['cursor', (p) => /^\.cursor\/rules\/.+\.mdc$/.test(p) || p === '.cursorrules'],
  ['agents-md', (p) => base(p) === 'AGENTS.md'],
  ['opencode', (p) => /^\.opencode\/agents?\/.+\.md$/.test(p)],
  ['gemini', (p) => /^\.gemini\/agents\/.+\.md$/.test(p) || base(p) === 'GEMINI.md'],
  ['codex', (p) => /^\.codex\/agents\/.+\.toml$/.test(p)],
  ['windsurf', (p) => /^\.windsurf\/rules\/.+\.md$/.test(p)],
  ['cursor-agent', (p) => /^\.cursor\/agents\/.+\.md$/.test(p)],
  ['devin', (p) => /^\.devin\/rules\/.+\.md$/.test(p)],
];

export const detectAgents: Detector = (scope) =>
  scope.files.flatMap((path) => {
    const known = KNOWN.find(([, test]) => test(path));
    return known ? [{ type: 'agent', tool: known[0], path } satisfies Signal] : [];
  });
