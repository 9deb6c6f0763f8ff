// Subpaths, not the package index: --help then evaluates the catalog alone, not the whole engine.
import { catalog } from '@create-backend-agent/core/catalog';
import { library } from '@create-backend-agent/core/library';
import { presetNames } from '@create-backend-agent/core/presets';
import { VERSION } from './version.js';

import { fitWidth } from './wrap.js';

/** The width help is written for: a terminal's is applied at run time (cli.ts) when narrower. */
export const HELP_WIDTH = 80;

export function helpText(): string {
  return fitWidth(`create-backend-agent ${VERSION}
Writes a tailored backend staff engineer agent (a Claude Code subagent) and its
starter docs (ADRs, a runbook, a test strategy) into a repository.

Usage
  create-backend-agent [dir] [options]   dir defaults to the current folder
  backend-agent [dir] [options]          the same command, for re-runs
  backend-agent add adr TITLE [options]  write the next ADR (add adr --help)
  backend-agent lint [paths…] [--json]   check agent files of every supported
                                         tool (lint --help)
  backend-agent detect [dir] [--json]    show the stack found in a repository,
                                         with evidence
  backend-agent blocks [--json]          list the competency blocks and facets
  backend-agent import FILE… [--dry-run] report which sections of existing agent
                                         files the library covers; write the
                                         rest into the team pack (import --help)
  backend-agent pack init|check [DIR]    start or check a team pack
                                         (pack --help)
  A folder named like a command is given as a path: backend-agent ./blocks
  From npm: npx create-backend-agent …, or npx -p create-backend-agent
  backend-agent …; with npm create, options go after --.

In a terminal it asks what no flag answered, pre-filled from the repository;
with no terminal, --yes, --json, in CI or under a coding agent it never prompts.

Answers (later sources win: defaults < detected in the repository < the last
run's answers < --preset < --answers < --set)
  -y, --yes            defaults (and what was detected) for everything not
                       given; never prompt
      --preset NAME    start from a preset: ${presetNames(library).join(', ')}
      --answers FILE   answers from a JSON or YAML file
      --set KEY=VALUE  one answer; repeatable; lists are comma-separated
                       (--help answers lists every key and its values)

Writing
      --dry-run          print the plan and unified diffs; write nothing
      --check            write nothing; exit 3 when a re-run would change a file
      --conflict MODE    where your edits and the new version changed the same
                         lines: stop (default: write nothing, exit 2), markers
                         (write <<<<<<< markers, exit 2), mine (keep your
                         lines), theirs (take the new ones)
      --force            the same as --conflict theirs
      --restore PATH     write again a generated file you deleted (repeatable)
      --date YYYY-MM-DD  the date docs carry (default: the first run's date,
                         else today)

Output
      --json             print one machine-readable result object
  -h, --help [answers]   show this help, or every answer key with its values
  -v, --version          show the version
  NO_COLOR=1             plain output without colours
  NODE_DISABLE_COMPILE_CACHE=1  keep no compiled code in ~/.cache between runs

Exit codes
  0    done, or nothing to do
  1    bad input (nothing written)
  2    conflicts: overlapping edits left unresolved (nothing written), or
       markers written
  3    --check found drift: a re-run would change a file (your kept edits
       are not drift)
  4    the file system refused (permissions, read-only, full, a file in the
       way); the path is named
  5    another run holds the target's lock (.backend-agent/lock)
  70   a bug in this tool: please report it
  130  cancelled`, HELP_WIDTH);
}

/** Every answer key: what it is, its values in full, and its default. */
export function answersHelpText(): string {
  const entries = catalog.map((q) => {
    const values = q.choices?.length ? `${q.openChoices ? 'e.g. ' : ''}${q.choices.map((c) => c.value).join(', ')}` : KIND_VALUES[q.kind];
    const shown = formatDefault(q.default);
    return [
      `  ${q.id}`,
      `      ${/[?.]$/.test(q.message) ? q.message : `${q.message}.`}`,
      `      values: ${values}${q.kind === 'multiselect' || q.kind === 'list' ? ' (comma-separated)' : ''}`,
      ...(shown ? [`      default: ${shown}`] : []),
    ].join('\n');
  });
  return fitWidth(`Answer keys, for --set KEY=VALUE and answers files (JSON or YAML, nested by
the dots: targets.coverage is { targets: { coverage: 80 } }).

${entries.join('\n')}`, HELP_WIDTH);
}

const KIND_VALUES: Record<string, string> = {
  text: 'text',
  number: 'a number',
  confirm: 'true or false',
  list: 'names',
  select: 'one of the choices',
  multiselect: 'any of the choices',
};

function formatDefault(value: unknown): string {
  if (value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return String(value);
}
