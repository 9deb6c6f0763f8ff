/** The main job: resolve answers, render in memory, plan against the disk, then apply or report. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  resolveAnswers, parseSetFlag, summarize, findPreset, library,
  InputError, unifiedDiff, outputPaths, servicePaths, MANIFEST_PATH, BOOKKEEPING_PATHS, BASES_PATH, type AnswerLayer, type Answers, type Library, type Plain, type Plan,
} from '@create-backend-agent/core';
import { type RepoView } from '@create-backend-agent/core';
import { equivalentSets, resolveAll, drift, setupSteps, type Change, type WriteDecision } from '@create-backend-agent/core';
import { automationError, interactionFor } from '../wizard/mode.js';
import { nonInteractiveCommand } from '../edge/command-line.js';
import { diskRepoView } from '../edge/repo-view.js';
import type { Args } from '../args.js';
import { readAnswersFile } from '../edge/answers-file.js';
import { withTarget } from '../edge/guard.js';
import { checkTargetDir } from '../edge/target.js';
import { applyScaffold, readRepo, renderScaffold, suggestedLayers } from '../scaffold.js';
import { conflictHunks, countsLine, diffText, planLines, pc, type Output } from '../report.js';
import { terminalPager } from '../edge/pager.js';
import { VERSION } from '../version.js';
import { EXIT } from '../exit-codes.js';

export interface Environment {
  cwd: string;
  stdinIsTTY: boolean;
  /** Prompts need a terminal to draw on too; undefined counts as one. */
  stdoutIsTTY?: boolean;
  /** The terminal's width, when stdout is one: help narrower than 80 columns is rewrapped to it. */
  columns?: number;
  /** Environment variables: CI and coding agents (never prompted), the package manager that ran us. */
  vars?: Readonly<Record<string, string | undefined>>;
  /** Today's date, YYYY-MM-DD, read from the clock at the edge. */
  today: string;
  /** The terminal's height, for paging a long difference. */
  rows?: number;
}

export { EXIT } from '../exit-codes.js';

// Reading the target, rendering, planning and applying live in scaffold.ts, shared with the plop generators.
export { suggestedLayers } from '../scaffold.js';

/** What the command line gives: --preset, --answers, --set, later winning. The wizard never asks these. */
export async function givenLayers(args: Args, lib: Library = library): Promise<AnswerLayer[]> {
  const layers: AnswerLayer[] = [];
  if (args.preset !== undefined) layers.push({ source: `preset ${args.preset}`, values: findPreset(lib, args.preset).answers });
  if (args.answers !== undefined) layers.push({ source: args.answers, values: await readAnswersFile(resolve(args.answers)) });
  for (const expression of args.set) layers.push({ source: '--set', values: parseSetFlag(expression) });
  return layers;
}

export async function resolveLayers(args: Args, dir: string, previous: Answers | undefined, view: RepoView = diskRepoView(dir)): Promise<AnswerLayer[]> {
  return [...suggestedLayers(dir, previous, view), ...(await givenLayers(args))];
}

export async function runCreate(args: Args, env: Environment, output: Output): Promise<number> {
  // Decided first, from argv and env only: a run nobody can answer stops here, at once.
  if (args.positionals.length > 1) throw new InputError(`Expected one target folder, got ${args.positionals.length}: ${args.positionals.join(' ')}.`);
  const dir = resolve(env.cwd, args.positionals[0] ?? '.');
  const interaction = interactionFor(args, { ...env, previousRun: existsSync(join(dir, MANIFEST_PATH)) });
  await checkTargetDir(dir);
  const write = !args.dryRun && !args.check;
  return withTarget(dir, { write, command: 'create-backend-agent', notify: (note) => output.err(`${pc.yellow('note')} ${note}`) }, () => createIn(dir, args, env, output, interaction));
}

async function createIn(dir: string, args: Args, env: Environment, output: Output, interaction: ReturnType<typeof interactionFor>): Promise<number> {
  // The answers file and --set may name packs; a preset may come from one, so it is read after them.
  const { preset: _preset, ...withoutPreset } = args;
  const repo = await readRepo(dir, await givenLayers(withoutPreset));
  const { previous, detection, detected, suggested, lib } = repo;
  const given = await givenLayers(args, lib);
  if (interaction.kind === 'automation') {
    const unattended = resolveAnswers([...suggested, ...given], lib).answers;
    throw automationError(interaction.automation, nonInteractiveCommand(env.vars ?? {}, args.positionals[0], equivalentSets(unattended, suggested, lib)));
  }
  const wizard = interaction.kind === 'prompt'
    ? await (await import('../wizard/session.js')).startWizard({
      output, vars: env.vars ?? {}, dirArg: args.positionals[0], detection, detected, lib,
      header: `${pc.bold('create-backend-agent')} ${VERSION} ${pc.dim('→')} ${dir}`,
      pager: terminalPager(output, env.rows, env.vars ?? {}),
      ...(previous ? { lastRun: previous.answers as unknown as Plain } : {}),
    })
    : null;
  const layers = wizard ? [...suggested, ...given, await wizard.ask(suggested, given)] : [...suggested, ...given];
  const rendered = await renderScaffold(repo, layers, { date: args.date, today: env.today, restore: args.restore });
  for (const path of args.restore) {
    if (!rendered.plan.changes.some((c) => c.path === path && !BOOKKEEPING.has(path))) {
      throw new InputError(`--restore ${path}: not a file this run writes.`, 'Give the path as the run lists it, e.g. --restore docs/testing/test-strategy.md.');
    }
  }
  if (args.check) return reportDrift(rendered.plan, dir, previous !== null, args.json, output);
  const { answers, warnings, date, plan } = rendered;
  const counts = summarize(plan);
  // Overlapping edits end as the user says: per file in the wizard, else --conflict (stop, the
  // default, writes nothing). Every choice records the new rendering as the base (core plan.ts).
  const choices = wizard ? await wizard.review(plan, { dryRun: args.dryRun, mode: args.conflict }) : resolveAll(plan, args.conflict);
  const decision = await applyScaffold(rendered, choices, { dryRun: args.dryRun });
  const { unresolved, writes } = decision;
  // Markers left in a file are unresolved work too: exit 2 so CI notices.
  const exitCode = unresolved.length > 0 || decision.markers.length > 0 ? EXIT.conflicts : EXIT.ok;
  const written = args.dryRun || unresolved.length > 0 ? [] : writes.map((c) => c.path);

  if (args.json) {
    output.out(JSON.stringify({
      ok: exitCode === EXIT.ok,
      exitCode,
      target: dir,
      dryRun: args.dryRun,
      written,
      removed: args.dryRun || unresolved.length > 0 ? [] : decision.removes,
      changes: plan.changes.map((c) => ({
        path: c.path,
        action: c.kind,
        ...(c.from !== undefined ? { from: c.from } : {}),
        ...(c.reason ? { reason: c.reason } : {}),
        ...(c.hunks ? { hunks: c.hunks.map((h) => ({ yoursLine: h.yoursLine, yours: h.yours.join(''), theirsLine: h.theirsLine, theirs: h.theirs.join('') })) } : {}),
        ...(c.kind === 'conflict' && choices.has(c.path) && unresolved.length === 0 ? { resolution: choices.get(c.path) } : {}),
        ...(args.dryRun && c.kind !== 'unchanged' && c.kind !== 'deleted-by-you' && c.path !== BASES_PATH ? { diff: unifiedDiff(c) } : {}),
      })),
      summary: counts,
      noLongerGenerated: plan.noLongerGenerated ?? [],
      warnings,
      answers,
      date,
    }, null, 2));
    return exitCode;
  }

  for (const warning of warnings) output.err(`${pc.yellow('warning')} ${warning}`);
  const deleted = plan.changes.filter((c) => c.kind === 'deleted-by-you');
  if (wizard && unresolved.length === 0) {
    const code = wizard.finish({ plan, decision, answers, suggested, dryRun: args.dryRun, done: doneText(plan, answers), exitCode });
    if (deleted.length > 0) output.out(deletedNote(deleted));
    if (plan.noLongerGenerated) output.out(noLongerNote(plan.noLongerGenerated));
    return code;
  }
  if (!wizard) {
    output.out(`${pc.bold('create-backend-agent')} ${VERSION} ${pc.dim('→')} ${dir}\n`);
    output.out(planLines(plan).join('\n'));
    output.out('');
  }
  if (deleted.length > 0) output.out(`${deletedNote(deleted)}\n`);
  if (plan.noLongerGenerated) output.out(`${noLongerNote(plan.noLongerGenerated)}\n`);
  if (args.dryRun) {
    const diffs = diffText(plan.changes);
    if (diffs) output.out(diffs);
    output.out(`Dry run: ${countsLine(counts)}. Nothing was written.`);
    if (unresolved.length > 0) output.out(conflictAdvice(unresolved));
    return exitCode;
  }
  if (unresolved.length > 0) {
    const hunks = unresolved.filter((c) => c.hunks).map(conflictHunks).join('\n');
    if (hunks) output.out(`${hunks}\n`);
    output.out(`${pc.red(`${unresolved.length} ${unresolved.length === 1 ? 'file has' : 'files have'} conflicting changes`)}, so nothing was written.`);
    output.out(conflictAdvice(unresolved));
    return exitCode;
  }
  if (writes.length === 0) {
    output.out('Everything is up to date; nothing to write.');
    return exitCode;
  }
  output.out(doneText(plan, answers));
  const resolvedNote = resolutionNote(decision);
  if (resolvedNote) output.out(`\n${resolvedNote}`);
  return exitCode;
}

/**
 * --check: nothing is written; drift is a file a re-run would create or change. An edit the merge
 * keeps as it is, a file the user deleted, and the tool's own bookkeeping are not drift.
 */
function reportDrift(plan: Plan, dir: string, generatedBefore: boolean, json: boolean, output: Output): number {
  const drifted = drift(plan);
  const exitCode = drifted.length > 0 ? EXIT.drift : EXIT.ok;
  if (json) {
    output.out(JSON.stringify({
      ok: exitCode === EXIT.ok,
      exitCode,
      target: dir,
      drift: drifted.map((c) => ({ path: c.path, action: c.kind, ...(c.from !== undefined ? { from: c.from } : {}), ...(c.reason ? { reason: c.reason } : {}) })),
    }, null, 2));
    return exitCode;
  }
  if (drifted.length === 0) {
    const files = plan.changes.filter((c) => !BOOKKEEPING.has(c.path)).length;
    output.out(`Up to date: the ${files} generated files hold what this version writes for the recorded answers (your edits kept).`);
    return exitCode;
  }
  output.out(planLines({ changes: drifted }).join('\n'));
  output.out('');
  if (!generatedBefore) {
    output.out(`${pc.red('Nothing was generated here yet')} (no .backend-agent/manifest.json). Run with --yes, or without flags for the wizard.`);
    return exitCode;
  }
  output.out(`${pc.red(`${drifted.length} ${drifted.length === 1 ? 'file differs' : 'files differ'}`)} from what this version writes for the recorded answers. See the diff with --dry-run; update with --yes (your edits are merged in).`);
  return exitCode;
}

const BOOKKEEPING = new Set(BOOKKEEPING_PATHS);

function conflictAdvice(unresolved: readonly Change[]): string {
  const markers = unresolved.filter((c) => c.reason === 'markers').map((c) => c.path);
  const open = unresolved.length - markers.length;
  return [
    markers.length > 0 && `Resolve the <<<<<<< yours … >>>>>>> markers in ${markers.join(', ')} (keep the lines you want, delete the marker lines), then run again.`,
    open > 0 && `Choose how ${open === 1 ? 'it ends' : 'they end'}: --conflict markers (both versions marked in the file), mine (your lines where both changed), theirs or --force (the new version); --dry-run shows the diff.`,
  ].filter(Boolean).join('\n');
}

function deletedNote(deleted: readonly Change[]): string {
  const paths = deleted.map((c) => c.path);
  return `Not written again, as you deleted ${paths.length === 1 ? 'it' : 'them'}: ${paths.join(', ')}. To bring ${paths.length === 1 ? 'it' : 'them'} back: ${paths.map((p) => `--restore ${p}`).join(' ')}.`;
}

/** Files the last run wrote that these answers no longer produce (a service removed): kept, never deleted. */
function noLongerNote(paths: readonly string[]): string {
  return `${pc.yellow('No longer generated')} (the answers no longer produce ${paths.length === 1 ? 'it' : 'them'}; left as ${paths.length === 1 ? 'it is' : 'they are'}, delete ${paths.length === 1 ? 'it' : 'them'} yourself if unwanted): ${paths.join(', ')}.`;
}

function resolutionNote(decision: WriteDecision): string {
  return [
    decision.kept.length > 0 && `Kept your lines where both changed: ${decision.kept.join(', ')} (new content elsewhere merged in).`,
    decision.markers.length > 0 && `${pc.yellow('Conflict markers written')} in ${decision.markers.join(', ')}: edit each <<<<<<< yours … >>>>>>> place, then run again (exit 2 until then).`,
  ].filter(Boolean).join('\n');
}

function doneText(plan: Plan, answers: Answers): string {
  const c = summarize(plan);
  const done = [
    c.create && `${c.create} created`, c.update && `${c.update} updated`, c.merged && `${c.merged} merged with your edits`,
    c.moved && `${c.moved} moved`, c.conflict && `${c.conflict} with conflicts resolved`, c.unchanged && `${c.unchanged} unchanged`,
  ].filter(Boolean).join(', ');
  const paths = outputPaths(answers);
  const next = [
    ...setupSteps(answers),
    answers.outputs.docs.runbook && (answers.services.length === 0
      ? `Fill the {placeholders} listed at the top of ${paths.runbook}.`
      : `Fill the {placeholders} listed at the top of each service's runbook (${answers.services.slice(0, 3).map((s) => servicePaths(answers, s).runbook).join(', ')}${answers.services.length > 3 ? `, +${answers.services.length - 3} more` : ''}).`),
    'Commit everything, including .backend-agent/ (the manifest and the merge bases): it lets re-runs merge your edits.',
  ].filter(Boolean);
  return `${pc.green('Done:')} ${done}.\n\nNext:\n${next.map((n) => `  - ${n}`).join('\n')}`;
}
