/**
 * Whether a CI system or a coding agent runs us: nobody would answer a prompt, so the wizard does
 * not start and prints the non-interactive command instead. Variables as the tools set them
 * (FORMATS.md and the tools' own docs); only presence counts, as their values vary by version.
 */
export interface Automation {
  /** "a coding agent (Claude Code)" or "CI". */
  who: string;
  variable: string;
}

const AGENTS: ReadonlyArray<[variable: string, name: string]> = [
  ['CLAUDECODE', 'Claude Code'],
  ['CURSOR_AGENT', 'Cursor'],
  ['GEMINI_CLI', 'Gemini CLI'],
  ['OPENCODE', 'OpenCode'],
  ['OPENCODE_CLIENT', 'OpenCode'],
  ['COPILOT_CLI', 'GitHub Copilot CLI'],
  ['AUGMENT_AGENT', 'Augment'],
  ['AMP_CURRENT_THREAD_ID', 'Amp'],
  ['ANTIGRAVITY_AGENT', 'Antigravity'],
  ['REPLIT_AGENT', 'Replit Agent'],
  // The generic conventions: AGENT (the agents.md proposal) and AI_AGENT name the agent.
  ['AI_AGENT', 'a coding agent'],
  ['AGENT', 'a coding agent'],
];

const CI = ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'CIRCLECI', 'TF_BUILD', 'JENKINS_URL', 'TEAMCITY_VERSION', 'CODEBUILD_BUILD_ID', 'BITBUCKET_BUILD_NUMBER', 'DRONE'];

const set = (value: string | undefined) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';

export function detectAutomation(vars: Readonly<Record<string, string | undefined>>): Automation | null {
  for (const [variable, name] of AGENTS) {
    if (set(vars[variable])) return { who: name === 'a coding agent' ? name : `a coding agent (${name})`, variable };
  }
  const codex = Object.keys(vars).sort().find((k) => k.startsWith('CODEX_') && set(vars[k]));
  if (codex) return { who: 'a coding agent (Codex)', variable: codex };
  const ci = CI.find((v) => set(vars[v]));
  return ci ? { who: 'CI', variable: ci } : null;
}
