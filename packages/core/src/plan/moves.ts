/**
 * Moves follow answers: when an answer changes where an output goes (`service.name` names the
 * runbook, `agent.name` the agent files, `outputs.paths.*` the folders), the file the last run wrote
 * is the same document at a new path. Each output has a role that does not depend on those answers;
 * a path the last run wrote that this run does not, and a new path of the same role, are one move.
 * Pure.
 */
import type { Answers } from '../answers/schema.js';
import { AGENT_FORMAT_REGISTRY } from '../formats/registry.js';
import { outputPaths } from '../paths.js';
import { servicePaths } from '../services.js';

/** What an output is, whatever its path: an agent format, the runbook, the test strategy, ADR number N. */
export function roleOf(path: string, answers: Answers): string {
  for (const id of answers.outputs.formats) if (AGENT_FORMAT_REGISTRY[id].path(answers) === path) return `format:${id}`;
  const paths = outputPaths(answers);
  // A service's docs follow it from its folder to docs/ and back (outputs.docsLayout), and follow its name.
  for (const service of answers.services) {
    const own = servicePaths(answers, service);
    const id = `service:${service.path}`;
    if (path === own.runbook) return `${id}:runbook`;
    if (path === own.alertRules) return `${id}:alert-rules`;
    if (path === own.testStrategy) return `${id}:test-strategy`;
    if (path === own.loadTest) return `${id}:load-test`;
    if (path.startsWith(`${own.adrDir}/`)) return `${id}:adr:${/^(\d+)-/.exec(path.slice(own.adrDir.length + 1))?.[1] ?? path}`;
  }
  if (path === paths.runbook) return 'runbook';
  if (path === paths.alertRules) return 'alert-rules';
  if (path === paths.testStrategy) return 'test-strategy';
  if (path.startsWith(`${paths.adrDir}/`)) {
    const name = path.slice(paths.adrDir.length + 1);
    // An ADR keeps its number when its folder moves; its slug may follow the service name.
    return `adr:${/^(\d+)-/.exec(name)?.[1] ?? name}`;
  }
  return `path:${path}`;
}

/**
 * New path → the old path it moves from: old paths the last run recorded and this run does not
 * write, paired by role with new paths the last run did not record.
 */
export function findMoves(newPaths: readonly string[], newAnswers: Answers, oldPaths: readonly string[], oldAnswers: Answers): Map<string, string> {
  const newSet = new Set(newPaths);
  const oldSet = new Set(oldPaths);
  const gone = new Map<string, string>();
  for (const old of oldPaths) if (!newSet.has(old)) gone.set(roleOf(old, oldAnswers), old);
  const moves = new Map<string, string>();
  for (const path of newPaths) {
    if (oldSet.has(path)) continue;
    const from = gone.get(roleOf(path, newAnswers));
    if (from !== undefined) moves.set(path, from);
  }
  return moves;
}

/** The folder of the service a path belongs to under these answers (its docs, its AGENTS.md), if any. */
export function serviceOfOutput(path: string, answers: Answers): string | undefined {
  const role = /^service:(.*):(runbook|alert-rules|test-strategy|load-test|adr:.*)$/.exec(roleOf(path, answers));
  return role?.[1] ?? answers.services.find((s) => servicePaths(answers, s).agentsMd === path)?.path;
}
