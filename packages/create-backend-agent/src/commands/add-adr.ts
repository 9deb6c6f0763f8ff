/** `backend-agent add adr "Title"`: the next record of the repository's ADR log, superseding others on request. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  findAdrLog, readAdrLog, newAdr, library, InputError, unifiedDiff, NEW_ADR_STATUSES, ADR_LOG_FOLDERS,
  type AdrLog, type Change, type RepoView,
} from '@create-backend-agent/core';
import { diskRepoView } from '../edge/repo-view.js';
import { assertSafePath, checkTargetDir, readManifest } from '../edge/target.js';
import { writeFilesAtomically } from '../edge/apply.js';
import { diffText, planLines, pc, type Output } from '../report.js';
import type { Environment } from './create.js';

export const ADD_ADR_HELP = `Usage: backend-agent add adr [options] TITLE...

Writes the next Architecture Decision Record into the repository's ADR log, numbered one past the
highest record in the width the log already uses (dated instead, in a log4brains date-named log),
in the layout both adr-tools and log4brains read. The log is the folder named by .adr-dir or
.log4brains.yml, else the first of ${ADR_LOG_FOLDERS.map((f) => `${f}/`).join(', ')} that holds records.

Options
      --status STATUS    ${NEW_ADR_STATUSES.join(', ')} (default: accepted)
      --supersedes N     the number, or part of the file name, of a record this one replaces
                         (repeatable): its "- Status:" line and "## Status" section become
                         "superseded by" this record, and each record links to the other
      --date YYYY-MM-DD  the record's date (default: today)
      --dir DIR          the repository (default: the current folder)
      --dry-run          print the plan and unified diffs; write nothing
      --json             print one machine-readable result object
  -h, --help             show this help

Examples
  backend-agent add adr Use NATS for internal events
  backend-agent add adr --supersedes 2 "Move the ledger to Go"

Exit codes: 0 done, 1 bad input (nothing written).`;

const OPTIONS = {
  status: { type: 'string' },
  supersedes: { type: 'string', multiple: true },
  date: { type: 'string' },
  dir: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError(`${(error as Error).message.split('. ')[0]}.`, 'Run backend-agent add adr --help.');
  }
}

/** `add <what>`: only ADRs so far. */
export async function runAdd(argv: readonly string[], env: Environment, output: Output): Promise<number> {
  const [what, ...rest] = argv;
  if (what === 'adr') return runAddAdr(rest, env, output);
  if (what === '--help' || what === '-h') {
    output.out(ADD_ADR_HELP);
    return 0;
  }
  throw new InputError(what === undefined ? 'Nothing to add.' : `Cannot add "${what}".`, 'Use backend-agent add adr "Title".');
}

async function logIn(dir: string, view: RepoView): Promise<AdrLog> {
  const found = findAdrLog(view);
  if (found) return found;
  // A log this tool started in a folder no convention names, with its .adr-dir since deleted.
  const answers = (await readManifest(dir))?.answers;
  if (answers?.outputs.docs.adr) return readAdrLog(view, answers.outputs.paths.adrDir);
  throw new InputError(
    `No ADR log in ${dir}: no .adr-dir or .log4brains.yml, and no records in ${ADR_LOG_FOLDERS.map((f) => `${f}/`).join(', ')}.`,
    'Run create-backend-agent there first, or point --dir at the repository root.',
  );
}

export async function runAddAdr(argv: readonly string[], env: Environment, output: Output): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    output.out(ADD_ADR_HELP);
    return 0;
  }
  const title = positionals.join(' ');
  if (title.trim() === '') throw new InputError('No title given.', 'E.g. backend-agent add adr "Use PostgreSQL for orders".');
  const date = values.date ?? env.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new InputError(`Invalid date "${date}".`, 'Use YYYY-MM-DD, e.g. --date 2026-11-21.');
  }
  const dir = resolve(env.cwd, values.dir ?? '.');
  await checkTargetDir(dir);

  const view = diskRepoView(dir);
  const log = await logIn(dir, view);
  const adr = newAdr(view, log, { title, status: values.status ?? 'accepted', date, supersedes: values.supersedes ?? [] }, library);
  for (const edit of adr.edits) await assertSafePath(dir, edit.path);
  const changes: Change[] = adr.edits.map((e) => ({ path: e.path, kind: e.before === null ? 'create' : 'update', before: e.before, after: e.after }));
  const dryRun = values['dry-run'] ?? false;
  if (!dryRun) await writeFilesAtomically(dir, adr.edits.map((e) => ({ path: e.path, content: e.after })));

  if (values.json) {
    output.out(JSON.stringify({
      ok: true,
      exitCode: 0,
      target: dir,
      dryRun,
      adr: { path: adr.path, ...(adr.number === undefined ? {} : { number: adr.number }), title: title.trim(), heading: adr.heading, status: adr.status, date },
      written: dryRun ? [] : changes.map((c) => c.path),
      changes: changes.map((c) => ({ path: c.path, action: c.kind, ...(dryRun ? { diff: unifiedDiff(c) } : {}) })),
    }, null, 2));
    return 0;
  }
  output.out(planLines({ changes }).join('\n'));
  output.out('');
  if (dryRun) {
    output.out(diffText(changes));
    output.out('Dry run: nothing was written.');
    return 0;
  }
  const superseded = changes.length > 1 ? ` It supersedes ${changes.slice(1).map((c) => c.path).join(', ')}.` : '';
  output.out(`${pc.green('Wrote')} ${adr.path} (${adr.status}).${superseded} Fill in its Context, Decision and Consequences.`);
  return 0;
}
