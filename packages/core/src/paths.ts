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
    manifest: MANIFEST_PATH,
  };
}

export const MANIFEST_PATH = '.backend-agent/manifest.json';
