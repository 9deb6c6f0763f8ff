import type { Answers } from './answers/schema.js';

/** Where each output lands in the target, relative to its root, with forward slashes. */
export function outputPaths(answers: Answers) {
  return {
    claudeAgent: `.claude/agents/${answers.agent.name}.md`,
    adrDir: answers.outputs.paths.adrDir.replace(/\/+$/, ''),
    runbook: `${answers.outputs.paths.runbookDir.replace(/\/+$/, '')}/${answers.service.name}.md`,
    /** Prometheus alerting rules, beside the runbook they link into. */
    alertRules: `${answers.outputs.paths.runbookDir.replace(/\/+$/, '')}/${answers.service.name}.rules.yaml`,
    testStrategy: answers.outputs.paths.testStrategy,
    /** The k6 script, next to the test strategy that says when it runs. */
    loadTest: `${answers.outputs.paths.testStrategy.replace(/[^/]*$/, '')}${answers.service.name}.k6.js`,
    manifest: MANIFEST_PATH,
  };
}

export const MANIFEST_PATH = '.backend-agent/manifest.json';

/** The repository's own team pack (docs/packs.md): used whenever it exists, after the listed packs. */
export const DEFAULT_PACK_DIR = '.backend-agent/pack';

/** The packs a run composes: the listed ones, then the repository's own when it exists and is not listed. */
export function effectivePacks(listed: readonly string[], defaultExists: boolean): string[] {
  const normal = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
  const packs = listed.map(normal);
  return defaultExists && !packs.includes(DEFAULT_PACK_DIR) ? [...packs, DEFAULT_PACK_DIR] : packs;
}
