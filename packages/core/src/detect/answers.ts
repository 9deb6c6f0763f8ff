/**
 * What detection suggests as answers: the "detected" layer of answers resolution (above the
 * defaults, below the last run, presets, answers files and flags), with the evidence behind each
 * value so the wizard can show why it is pre-filled.
 */
import { STACK_KINDS } from '../answers/resolve.js';
import { setPath, type Plain } from '../answers/paths.js';
import type { Detection, Evidence, PackageDetection } from './types.js';

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
  const services = (detection.monorepo?.packages ?? []).filter(isService);
  if (services.length > 0) {
    values = setPath(values, 'services', services.map(serviceAnswer));
    for (const p of services) note('services', p.slug, [p.nameEvidence]);
  }
  if (detection.adrLog) {
    values = setPath(values, 'outputs.paths.adrDir', detection.adrLog.dir);
    note('outputs.paths.adrDir', detection.adrLog.dir, detection.adrLog.evidence);
  }
  return { values, evidence };
}

/**
 * A package that runs on its own, as opposed to a library the services share: it serves HTTP (a
 * framework), builds its own image (a Dockerfile in its folder), or sits in a services/ or apps/ folder.
 */
export function isService(p: PackageDetection): boolean {
  if (/(^|\/)(services|apps)\//.test(p.path)) return true;
  const own = (e: Evidence) => e.file.startsWith(`${p.path}/`) && !e.detail.includes('(through ');
  return p.findings.some((f) => f.kind === 'framework' || (f.id === 'docker' && f.evidence.some(own)));
}

/** The service as answers: its folder, the package name the team knows, the stack found in it. */
function serviceAnswer(p: PackageDetection): Plain {
  const stack: Plain = {};
  for (const [path, kind] of STACK_KINDS) {
    if (path.startsWith('stack.')) stack[path.slice('stack.'.length)] = p.findings.filter((f) => f.kind === kind).map((f) => f.id);
  }
  return { name: p.slug, path: p.path, package: p.nameEvidence.detail === 'folder name' ? '' : p.name, stack };
}
