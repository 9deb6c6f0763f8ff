/**
 * The repository's ADR log, as detection reports it. Finding the log is the docs module's job
 * (findAdrLog: .adr-dir, .log4brains.yml, then the conventional folders); this only words its
 * result as evidence.
 */
import { findAdrLog } from '../docs/adr-log.js';
import type { RepoView } from '../repo-view.js';
import type { DetectedAdrLog } from './types.js';

export function detectAdrLog(view: RepoView): DetectedAdrLog | null {
  const log = findAdrLog(view);
  if (!log) return null;
  const count = log.records.length;
  const what = `${count} record${count === 1 ? '' : 's'}${log.highest > 0 ? `, highest ${log.highest}` : ''}`;
  const file = log.source === 'folder' ? log.records[0]?.path ?? log.dir : log.source;
  const detail = log.source === 'folder' ? `ADR folder ${log.dir}/ (${what})` : `names ${log.dir}/ (${what})`;
  return { dir: log.dir, count, evidence: [{ file, detail }] };
}
