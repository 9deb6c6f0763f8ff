/**
 * The next ADR without a front end: find the log, render the record and the superseded records'
 * updates, write them. `backend-agent add adr` and the plop `adr` generator both run these steps.
 */
import {
  findAdrLog, readAdrLog, newAdr, library, InputError, ADR_LOG_FOLDERS,
  type AdrLog, type Change, type NewAdr, type NewAdrRequest, type RepoView,
} from '@create-backend-agent/core';
import { diskRepoView } from './edge/repo-view.js';
import { assertSafePath, checkTargetDir, readManifest } from './edge/target.js';
import { writeFilesAtomically } from './edge/apply.js';

export interface PreparedAdr {
  dir: string;
  adr: NewAdr;
  /** The new record first, then each superseded record's update. */
  changes: Change[];
}

export function checkAdrDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new InputError(`Invalid date "${date}".`, 'Use YYYY-MM-DD, e.g. --date 2026-11-21.');
  }
  return date;
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

export async function prepareAdr(dir: string, request: NewAdrRequest): Promise<PreparedAdr> {
  checkAdrDate(request.date);
  await checkTargetDir(dir);
  const view = diskRepoView(dir);
  const adr = newAdr(view, await logIn(dir, view), request, library);
  for (const edit of adr.edits) await assertSafePath(dir, edit.path);
  const changes: Change[] = adr.edits.map((e) => ({ path: e.path, kind: e.before === null ? 'create' : 'update', before: e.before, after: e.after }));
  return { dir, adr, changes };
}

export async function applyAdr(prepared: PreparedAdr): Promise<void> {
  await writeFilesAtomically(prepared.dir, prepared.adr.edits.map((e) => ({ path: e.path, content: e.after })));
}
