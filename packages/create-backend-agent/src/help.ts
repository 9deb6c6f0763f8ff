// Subpaths, not the package index: --help then evaluates the catalog alone, not the whole engine.
import { catalog } from '@create-backend-agent/core/catalog';
import { library } from '@create-backend-agent/core/library';
import { presetNames } from '@create-backend-agent/core/presets';
import { VERSION } from './version.js';

export function helpText(): string {
  const keys = catalog.map((q) => {
    const choices = q.choices && !q.openChoices ? q.choices.map((c) => c.value).join('|') : q.kind;
    return `    ${q.id.padEnd(30)} ${choices.length > 46 ? `${choices.slice(0, 43)}...` : choices}`;
  });
  return `create-backend-agent ${VERSION}
Writes a tailored backend staff engineer agent (a Claude Code subagent) and its starter docs
(ADRs, a runbook, a test strategy) into a repository.

Usage
  create-backend-agent [dir] [options]     dir defaults to the current folder
  backend-agent [dir] [options]            the same command, for re-runs
  backend-agent add adr TITLE [options]    write the next ADR; --supersedes N replaces record N
                                           (add adr --help for its options)
  backend-agent lint [paths…] [--json]     check agent files of every supported tool
  backend-agent detect [dir] [--json]      show the stack found in a repository, with evidence
                                           (lint --help for what it checks)
  backend-agent blocks [--json]            list the competency blocks and technology facets
                                           (a folder named like a command: use ./blocks)

In a terminal it asks what no flag answered, pre-filled from the repository; with no terminal,
--yes, --json, in CI or under a coding agent it never prompts.

Answers (later sources win: defaults < detected in the repository < the last run's answers
         < --preset < --answers < --set)
  -y, --yes              use defaults (and what was detected) for everything not given; never prompt
      --preset NAME      start from a preset: ${presetNames(library).join(', ')}
      --answers FILE     answers from a JSON or YAML file
      --set KEY=VALUE    one answer; repeatable; lists are comma-separated

Writing
      --dry-run          print the plan and unified diffs; write nothing
      --check            write nothing; exit 3 when a re-run would change a file (drift)
      --conflict MODE    where your edits and the new version changed the same lines:
                         stop (default: write nothing, exit 2), markers (write <<<<<<< markers,
                         exit 2), mine (keep your lines), theirs (take the new ones)
      --force            the same as --conflict theirs
      --restore PATH     write again a generated file you deleted (repeatable)
      --date YYYY-MM-DD  the date docs carry (default: the first run's date, else today)

Output
      --json             print one machine-readable result object
  -h, --help             show this help
  -v, --version          show the version
  NO_COLOR=1             plain output without colours

Exit codes
  0    done, or nothing to do
  1    bad input (nothing written)
  2    conflicts: overlapping edits left unresolved (nothing written), or markers written
  3    --check found drift: a re-run would change a file (kept edits are no drift)
  4    the file system refused (permissions, read-only, full, a file in the way), path named
  5    another run holds the target's lock (.backend-agent/lock)
  70   a bug in this tool: please report it
  130  cancelled

Keys for --set and answers files
${keys.join('\n')}
`;
}
