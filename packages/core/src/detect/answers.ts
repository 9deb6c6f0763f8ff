/**
 * What detection suggests as answers: the "detected" layer of answers resolution (above the
 * defaults, below the last run, presets, answers files and flags), with the evidence behind each
 * value so the wizard can show why it is pre-filled.
 */
import { STACK_KINDS } from '../answers/resolve.js';
import { setPath, type Plain } from '../answers/paths.js';
import type { Detection, Evidence } from './types.js';

export interface DetectedAnswers {
  values: Plain;
  /** Evidence by answer path, then by value: evidence['stack.languages']['go']. */
  evidence: Record<string, Record<string, Evidence[]>>;
}

export function detectedAnswers(detection: Detection): DetectedAnswers {
  let values: Plain = {};
  const evidence: DetectedAnswers['evidence'] = {};
  const note = (path: string, value: string, list: Evidence[]) => {
    (evidence[path] ??= {})[value] = list;
  };

  // A detected stack is the whole stack: kinds with no finding are answered empty, not defaulted.
  if (detection.findings.length > 0) {
    for (const [path, kind] of STACK_KINDS) {
      if (!path.startsWith('stack.')) continue;
      const found = detection.findings.filter((f) => f.kind === kind);
      values = setPath(values, path, found.map((f) => f.id));
      for (const f of found) note(path, f.id, f.evidence);
    }
  }
  if (detection.service) {
    values = setPath(values, 'service.name', detection.service.name);
    note('service.name', detection.service.name, [detection.service.evidence]);
  }
  if (detection.adrLog) {
    values = setPath(values, 'outputs.paths.adrDir', detection.adrLog.dir);
    note('outputs.paths.adrDir', detection.adrLog.dir, detection.adrLog.evidence);
  }
  return { values, evidence };
}
