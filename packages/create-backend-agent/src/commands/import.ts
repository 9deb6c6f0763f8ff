/**
 * `backend-agent import FILE…`: reads agent files a team already has, reports for each section
 * whether the library (with the packs) covers it and by which rule, and writes the rest into the
 * repository's pack as team blocks, verbatim. The matching is the core's (core/src/import).
 */
import { existsSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { DEFAULT_PACK_DIR, InputError, toSlug } from '@create-backend-agent/core';
import type { ImportedSection } from '@create-backend-agent/core/import';
import { parseStrict } from '../args.js';
import { readBounded } from '../edge/read-file.js';
import { readManifest, checkTargetDir, assertSafePath } from '../edge/target.js';
import { libraryWithPacks, requestedPacks } from '../edge/packs.js';
import { writeFilesAtomically } from '../edge/apply.js';
import { withTarget } from '../edge/guard.js';
import { pc, type Output } from '../report.js';

const HELP = `Usage: backend-agent import FILE… [--pack DIR] [--dir DIR] [--dry-run] [--json]

Reads agent files you already have (any format this tool writes: .claude/agents/*.md,
AGENTS.md, .github/agents/*.agent.md, .cursor/rules/*.mdc, .codex/agents/*.toml…, or a
plain Markdown document) and splits each into its sections. For every section it says
whether the library and your packs already cover it, and why:
  heading       its heading is a block's, a skill's or the agent's own section title
  technology    its heading names a technology the library has a facet for
  phrases       it shares four-word phrases with what a block writes
  heading-words every word of its heading is in a block's title or id
The title and introduction are the tool's own (written from the answers); they are not imported.

Each section nothing covers becomes a team block in the repository's pack, its text kept
verbatim (docs/packs.md). Run create-backend-agent again to compose them into the agent.
Importing the same file again is a no-op: its sections are now the pack's blocks.

Options
  --pack DIR   the pack to write into (default: ${DEFAULT_PACK_DIR})
  --dir DIR    the repository (default: the current folder)
  --dry-run    report, write nothing
  --json       the report as JSON

Exit codes: 0 done, 1 bad input (a file missing, an invalid pack), 4 a file cannot be read.`;

const MAX_AGENT_BYTES = 1024 * 1024;
const toPosix = (path: string) => path.split(sep).join('/');

export async function runImport(argv: readonly string[], env: { cwd: string }, output: Output): Promise<number> {
  const { values, positionals } = parseStrict(argv, {
    pack: { type: 'string' }, dir: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  } as const, 'Run backend-agent import --help.');
  if (values.help) {
    output.out(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new InputError('No agent file given.', 'E.g. backend-agent import .claude/agents/reviewer.md AGENTS.md.');
  const dir = resolve(env.cwd, values.dir ?? '.');
  await checkTargetDir(dir);
  const packDir = toPosix(values.pack ?? DEFAULT_PACK_DIR).replace(/^\.\//, '').replace(/\/+$/, '');
  await assertSafePath(dir, `${packDir}/pack.yaml`);
  const dryRun = values['dry-run'] ?? false;

  const inputs = [];
  for (const given of positionals) {
    const full = resolve(env.cwd, given);
    const shown = toPosix(relative(dir, full).startsWith('..') ? given : relative(dir, full));
    const content = await readBounded(full, given, MAX_AGENT_BYTES, 'An agent file is a few dozen KB; give the agent file itself.');
    if (content === null) throw new InputError(`Cannot import ${given}: no such file.`, 'Check the path.');
    inputs.push({ path: shown, content });
  }

  const previous = await readManifest(dir);
  const packs = requestedPacks(dir, previous ? [{ source: 'the last run', values: previous.answers as unknown as Record<string, unknown> }] : []);
  const withTarget_ = existsSync(resolve(dir, packDir)) && !packs.includes(packDir) ? [...packs, packDir] : packs;
  const { lib } = await libraryWithPacks(dir, withTarget_);
  const { importAgentFiles } = await import('@create-backend-agent/core/import');
  const result = importAgentFiles(inputs, lib, { dir: packDir });
  const writes = result.writes.map(([path, content]) => ({ path, content }));
  const manifestPath = `${packDir}/pack.yaml`;
  if (writes.length > 0 && !existsSync(resolve(dir, manifestPath))) {
    const name = `${toSlug(basename(dir)) ?? 'service'}-team`;
    writes.unshift({ path: manifestPath, content: `# This repository's team pack (docs/packs.md); backend-agent import wrote it.\n${stringify({ name, version: '0.1.0' })}` });
  }
  for (const write of writes) {
    if (existsSync(resolve(dir, write.path))) throw new InputError(`${write.path} exists already; import never overwrites a file.`, 'Move it away or pass another --pack.');
  }
  if (!dryRun && writes.length > 0) {
    await withTarget(dir, { write: true, command: 'backend-agent import', notify: (note) => output.err(`${pc.yellow('note')} ${note}`) }, () => writeFilesAtomically(dir, writes));
  }

  const fresh = result.sections.filter((s) => s.status === 'new');
  if (values.json) {
    output.out(JSON.stringify({
      ok: true, exitCode: 0, target: dir, pack: packDir, dryRun,
      sections: result.sections,
      written: dryRun ? [] : writes.map((w) => w.path),
      summary: { sections: result.sections.length, covered: result.sections.filter((s) => s.status === 'covered').length, new: fresh.length },
    }, null, 2));
    return 0;
  }
  for (const file of [...new Set(result.sections.map((s) => s.file))]) {
    output.out(`${pc.bold(file)}`);
    for (const section of result.sections.filter((s) => s.file === file)) output.out(sectionLine(section));
    output.out('');
  }
  if (result.sections.length === 0) output.out('No sections found in the given files.');
  else if (fresh.length === 0) output.out('Nothing new: the library and the packs cover every section. Nothing was written.');
  else if (dryRun) output.out(`Dry run: would write ${fresh.length} team ${fresh.length === 1 ? 'block' : 'blocks'} to ${packDir}/. Nothing was written.`);
  else output.out(`${pc.green('Wrote')} ${fresh.length} team ${fresh.length === 1 ? 'block' : 'blocks'} to ${packDir}/ (your text, verbatim). Review them, then run create-backend-agent to compose them into the agent.`);
  return 0;
}

function sectionLine(section: ImportedSection): string {
  const name = section.heading === null ? '(untitled)' : `"${section.heading}"`;
  const at = `line ${section.line}`;
  if (section.status === 'covered' && section.coverage) {
    const by = section.coverage.by;
    const item = by.kind === 'layout' ? 'the agent layout' : `${by.kind} ${by.id}${by.file ? ` (${by.file})` : ''}`;
    return `  ${pc.green('covered')}  ${name} (${at}) by ${item}: ${section.coverage.reason}`;
  }
  if (section.status === 'repeated') return `  ${pc.dim('repeated')} ${name} (${at}): the same as ${section.sameAs}`;
  return `  ${pc.yellow('new')}      ${name} (${at}) -> ${section.block!.path} (area ${section.block!.area}, order ${section.block!.order})`;
}
