/** The main job: resolve answers, render in memory, plan against the disk, then apply or report. */
import { basename, resolve } from 'node:path';
import {
  generate, resolveAnswers, parseSetFlag, planChanges, summarize, findPreset, library,
  InputError, unifiedDiff, outputPaths, type AnswerLayer, type Answers, type Plain, type Plan,
} from '@create-backend-agent/core';
import type { Args } from '../args.js';
import { readAnswersFile } from '../edge/answers-file.js';
import { checkTargetDir, readManifest, readTarget } from '../edge/target.js';
import { writeFilesAtomically } from '../edge/apply.js';
import { countsLine, diffText, planLines, pc, type Output } from '../report.js';
import { VERSION } from '../version.js';

export interface Environment {
  cwd: string;
  stdinIsTTY: boolean;
  /** Today's date, YYYY-MM-DD, read from the clock at the edge. */
  today: string;
}

export const EXIT = { ok: 0, input: 1, conflicts: 2, cancelled: 130 } as const;

function hasAnswersSource(args: Args): boolean {
  return args.yes || args.preset !== undefined || args.answers !== undefined || args.set.length > 0;
}

/** What the folder name suggests as the service name, when it is a valid one. */
function detectedLayer(dir: string): Plain {
  const name = basename(dir).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(name) && name.length >= 3 && name.length <= 50 ? { service: { name } } : {};
}

export async function resolveLayers(args: Args, dir: string, previous: Answers | undefined): Promise<AnswerLayer[]> {
  const layers: AnswerLayer[] = [{ source: 'the target folder', values: detectedLayer(dir) }];
  if (previous) layers.push({ source: 'the last run (.backend-agent/manifest.json)', values: previous as unknown as Plain });
  if (args.preset !== undefined) layers.push({ source: `preset ${args.preset}`, values: findPreset(library, args.preset).answers });
  if (args.answers !== undefined) layers.push({ source: args.answers, values: await readAnswersFile(resolve(args.answers)) });
  for (const expression of args.set) layers.push({ source: '--set', values: parseSetFlag(expression) });
  return layers;
}

export async function runCreate(args: Args, env: Environment, output: Output): Promise<number> {
  if (!hasAnswersSource(args)) {
    throw new InputError(
      env.stdinIsTTY
        ? 'No answers given.'
        : 'No answers given and no terminal to prompt in.',
      'Pass --yes to use the defaults, or --answers FILE, --preset NAME or --set KEY=VALUE.',
    );
  }
  if (args.positionals.length > 1) throw new InputError(`Expected one target folder, got ${args.positionals.length}: ${args.positionals.join(' ')}.`);
  const dir = resolve(env.cwd, args.positionals[0] ?? '.');
  await checkTargetDir(dir);

  const previous = await readManifest(dir);
  const { answers, warnings } = resolveAnswers(await resolveLayers(args, dir, previous?.answers), library);
  const date = args.date ?? previous?.date ?? env.today;
  const tree = generate(answers, { date, toolVersion: VERSION });
  const state = await readTarget(dir, tree);
  const plan = planChanges(tree, state.disk, state.manifest);
  const counts = summarize(plan);
  const unresolved = args.force ? [] : plan.changes.filter((c) => c.kind === 'conflict');
  const writes = plan.changes.filter((c) => c.kind === 'create' || c.kind === 'update' || (c.kind === 'conflict' && args.force));
  const exitCode = unresolved.length > 0 ? EXIT.conflicts : EXIT.ok;

  if (!args.dryRun && unresolved.length === 0 && writes.length > 0) {
    await writeFilesAtomically(dir, writes.map((c) => ({ path: c.path, content: c.after })));
  }

  if (args.json) {
    output.out(JSON.stringify({
      ok: exitCode === EXIT.ok,
      exitCode,
      target: dir,
      dryRun: args.dryRun,
      written: args.dryRun || unresolved.length > 0 ? [] : writes.map((c) => c.path),
      changes: plan.changes.map((c) => ({
        path: c.path,
        action: c.kind,
        ...(c.reason ? { reason: c.reason } : {}),
        ...(args.dryRun && c.kind !== 'unchanged' ? { diff: unifiedDiff(c) } : {}),
      })),
      summary: counts,
      warnings,
      answers,
      date,
    }, null, 2));
    return exitCode;
  }

  for (const warning of warnings) output.err(`${pc.yellow('warning')} ${warning}`);
  output.out(`${pc.bold('create-backend-agent')} ${VERSION} ${pc.dim('→')} ${dir}\n`);
  output.out(planLines(plan).join('\n'));
  output.out('');
  if (args.dryRun) {
    const diffs = diffText(plan.changes);
    if (diffs) output.out(diffs);
    output.out(`Dry run: ${countsLine(counts)}. Nothing was written.`);
    if (unresolved.length > 0) output.out(conflictAdvice(unresolved.length));
    return exitCode;
  }
  if (unresolved.length > 0) {
    output.out(`${pc.red(`${unresolved.length} ${unresolved.length === 1 ? 'file has' : 'files have'} local changes`)}, so nothing was written.`);
    output.out(conflictAdvice(unresolved.length));
    return exitCode;
  }
  if (writes.length === 0) {
    output.out('Everything is up to date; nothing to write.');
    return exitCode;
  }
  output.out(doneText(plan, answers));
  return exitCode;
}

function conflictAdvice(count: number): string {
  return `See the ${count === 1 ? 'difference' : 'differences'} with --dry-run; re-run with --force to overwrite ${count === 1 ? 'it' : 'them'}, or undo your edits to keep the generated version.`;
}

function doneText(plan: Plan, answers: Answers): string {
  const c = summarize(plan);
  const done = [c.create && `${c.create} created`, c.update && `${c.update} updated`, c.unchanged && `${c.unchanged} unchanged`].filter(Boolean).join(', ');
  const paths = outputPaths(answers);
  const next = [
    answers.outputs.formats.includes('claude') && `Read ${paths.claudeAgent}: Claude Code loads it from .claude/agents/ (check with /agents).`,
    answers.outputs.docs.runbook && `Fill the {placeholders} listed at the top of ${paths.runbook}.`,
    'Commit everything, including .backend-agent/manifest.json: it lets re-runs keep your edits.',
  ].filter(Boolean);
  return `${pc.green('Done:')} ${done}.\n\nNext:\n${next.map((n) => `  - ${n}`).join('\n')}`;
}
