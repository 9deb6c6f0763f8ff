/** `backend-agent add adr "Title"`: the next record of the repository's ADR log, superseding others on request. */
import { parseStrict } from '../args.js';
import { resolve } from 'node:path';
import { InputError, unifiedDiff, ADR_LOG_FOLDERS } from '@create-backend-agent/core';
import { ADR_OPTIONS, adrOptionsHelp } from '../adr-options.js';
import { applyAdr, prepareAdr } from '../new-adr.js';
import { withTarget } from '../edge/guard.js';
import { checkTargetDir } from '../edge/target.js';
import { diffText, planLines, pc, type Output } from '../report.js';
import type { Environment } from './create.js';

export const ADD_ADR_HELP = `Usage: backend-agent add adr [options] TITLE...

Writes the next Architecture Decision Record into the repository's ADR log, numbered one past the
highest record in the width the log already uses (dated instead, in a log4brains date-named log),
in the layout both adr-tools and log4brains read. The log is the folder named by .adr-dir or
.log4brains.yml, else the first of ${ADR_LOG_FOLDERS.map((f) => `${f}/`).join(', ')} that holds records.

Options
${adrOptionsHelp().join('\n')}
      --dir DIR          the repository (default: the current folder)
      --dry-run          print the plan and unified diffs; write nothing
      --json             print one machine-readable result object
  -h, --help             show this help

Examples
  backend-agent add adr Use NATS for internal events
  backend-agent add adr --supersedes 2 "Move the ledger to Go"

Exit codes: 0 done, 1 bad input (nothing written), 4 the file system refused, 5 another run holds
the lock.`;

const OPTIONS = {
  ...ADR_OPTIONS,
  dir: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: readonly string[]) {
  return parseStrict(argv, OPTIONS, 'Run backend-agent add adr --help.');
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

export async function runAddAdr(argv: readonly string[], env: Environment, output: Output): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    output.out(ADD_ADR_HELP);
    return 0;
  }
  const title = positionals.join(' ');
  if (title.trim() === '') throw new InputError('No title given.', 'E.g. backend-agent add adr "Use PostgreSQL for orders".');
  const date = values.date ?? env.today;
  const dir = resolve(env.cwd, values.dir ?? '.');
  const dryRun = values['dry-run'] ?? false;
  await checkTargetDir(dir);
  // Under the lock from the read of the log to the write: two runs at once get two numbers.
  const prepared = await withTarget(dir, { write: !dryRun, command: 'backend-agent add adr', notify: (note) => output.err(`${pc.yellow('note')} ${note}`) }, async () => {
    const next = await prepareAdr(dir, { title, status: values.status ?? 'accepted', date, supersedes: values.supersedes ?? [] });
    if (!dryRun) await applyAdr(next);
    return next;
  });
  const { adr, changes } = prepared;

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
