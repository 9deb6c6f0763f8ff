/**
 * `backend-agent lint [paths…]`: validates agent files of every supported tool. The checks are the
 * core's (pure); this module only finds and reads the files and prints the findings.
 */
import { parseStrict } from '../args.js';
import { stat } from 'node:fs/promises';
import { readPrefix } from '../edge/read-file.js';
import { relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { InputError, isDiscoverableAgentFile, lintAgentFiles, type LintFinding, type LintInput } from '@create-backend-agent/core';
import { diskRepoView, IGNORED } from '../edge/repo-view.js';
import { pc, type Output } from '../report.js';

const HELP = `Usage: backend-agent lint [paths…] [--json]

Checks agent files of every supported tool, each recognised by where it lives:
  .claude/agents/*.md      Claude Code          .opencode/agent/*.md   OpenCode
  .github/agents/*.agent.md GitHub Copilot      .gemini/agents/*.md    Gemini CLI
  .cursor/rules/*.mdc      Cursor               .codex/agents/*.toml   Codex
  .windsurf/rules/*.md     Windsurf             AGENTS.md              any AGENTS.md reader
  agents/*.md              orchestration        docs/agents/*.md       plain document

With no paths, finds every such file under the current folder. A path may be a file or a folder.

Reports frontmatter or TOML that does not parse (with its line), missing required fields, bad
names, unknown or retired tool names, invalid model and colour values, booleans written as
strings, misspelled keys, agent names used twice, and files past a tool's size limit.

Exit codes: 0 no errors (warnings allowed), 1 errors found or bad input, 4 a file cannot be read
(permissions, a FIFO or device).`;

export interface LintEnvironment {
  cwd: string;
}

/** Agent files are kilobytes; past this, lint stops reading and says the file is too large. */
const MAX_LINT_BYTES = 1024 * 1024;

const toPosix = (path: string) => path.split(sep).join('/');

/** The files to lint: every agent file under cwd, or those named (folders are searched). */
async function collect(cwd: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return diskRepoView(cwd).files.filter(isDiscoverableAgentFile).map((p) => resolve(cwd, p));
  const out: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    const stats = await stat(full).catch(() => null);
    if (!stats) throw new InputError(`Cannot lint ${path}: no such file or folder.`, 'Check the path, or run backend-agent lint with no paths to check the whole repository.');
    if (stats.isDirectory()) {
      const found = globSync('**/*', { cwd: full, dot: true, ignore: IGNORED, onlyFiles: true, followSymbolicLinks: false });
      out.push(...found.filter((p) => isDiscoverableAgentFile(p) || isDiscoverableAgentFile(toPosix(relative(cwd, resolve(full, p))))).map((p) => resolve(full, p)));
    } else out.push(full);
  }
  return [...new Set(out)].sort();
}

function humanLine(f: LintFinding): string {
  const where = f.line === null ? f.path : `${f.path}:${f.line}`;
  const label = f.severity === 'error' ? pc.red('error  ') : pc.yellow('warning');
  return `${where}  ${label} ${f.message} ${pc.dim(`(${f.rule})`)}`;
}

export async function runLint(argv: readonly string[], env: LintEnvironment, output: Output): Promise<number> {
  const parsed = parseStrict(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const, 'Run backend-agent lint --help.');
  if (parsed.values.help) {
    output.out(HELP);
    return 0;
  }
  const files = await collect(env.cwd, parsed.positionals);
  const inputs: LintInput[] = [];
  const tooLarge: LintFinding[] = [];
  for (const file of files) {
    // Paths as the user sees them: relative to where the command runs.
    const path = toPosix(relative(env.cwd, file)) || file;
    const read = await readPrefix(file, path, MAX_LINT_BYTES);
    if (read.truncated) {
      tooLarge.push({ path, line: null, severity: 'error', rule: 'size', message: `too large to lint: over ${MAX_LINT_BYTES / 1024 / 1024} MB, where no agent tool reads more than a few dozen KB; read stopped there.` });
    } else inputs.push({ path, content: read.text });
  }
  const linted = lintAgentFiles(inputs);
  const report = tooLarge.length === 0 ? linted : {
    ...linted,
    files: [...linted.files, ...tooLarge.map((f) => ({ path: f.path, format: null }))],
    findings: [...linted.findings, ...tooLarge],
    errors: linted.errors + tooLarge.length,
  };
  const exitCode = report.errors > 0 ? 1 : 0;

  if (parsed.values.json) {
    output.out(JSON.stringify({
      ok: exitCode === 0,
      exitCode,
      files: report.files,
      findings: report.findings,
      summary: { files: report.files.length, errors: report.errors, warnings: report.warnings },
    }, null, 2));
    return exitCode;
  }
  if (report.files.length === 0) {
    output.out('No agent files found (looked for .claude/agents, .github/agents, .cursor/rules, AGENTS.md, .opencode, .gemini, .codex, .windsurf, agents/ and docs/agents/).');
    return 0;
  }
  for (const finding of report.findings) output.out(humanLine(finding));
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${count(report.files.length, 'agent file')} checked: ${count(report.errors, 'error')}, ${count(report.warnings, 'warning')}.`;
  if (report.findings.length > 0) output.out('');
  output.out(report.errors > 0 ? pc.red(summary) : report.warnings > 0 ? pc.yellow(summary) : pc.green(summary));
  return exitCode;
}
