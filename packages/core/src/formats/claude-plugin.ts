/**
 * Claude Code plugin: the agent packaged for every repository of a team, beside a marketplace that
 * lists it. A platform team commits this once; each service repository installs it with
 * `/plugin marketplace add <repo>` and `/plugin install <plugin>@<marketplace>`.
 *
 *   .claude-plugin/marketplace.json            the marketplace (name, owner, plugins[{name, source}])
 *   plugins/<agent>/.claude-plugin/plugin.json the manifest (name required)
 *   plugins/<agent>/agents/<agent>.md          the agent, with only the fields plugin agents may carry
 *   plugins/<agent>/commands/*.md              /adr (backend-agent add adr) and /agent-drift (--check)
 *
 * Claude Code refuses hooks, mcpServers and permissionMode in a plugin-shipped agent; the agent here
 * carries the frontmatter of the claude format, which has none of them.
 */
import type { Answers } from '../answers/schema.js';
import { frontmatter } from '../render/yaml.js';
import { claudeFrontmatterData, renderClaudeAgent } from './claude.js';
import type { AgentFormat, FormatInput } from './format.js';

/** Keys Claude Code rejects in an agent that a plugin ships. */
export const PLUGIN_AGENT_FORBIDDEN_KEYS = ['hooks', 'mcpServers', 'permissionMode'] as const;

/** The command-line tool every service repository runs through npx, so nothing needs installing first. */
const CLI = 'npx --yes create-backend-agent';

export const pluginDir = (answers: Answers) => `plugins/${answers.agent.name}`;
export const MARKETPLACE_PATH = '.claude-plugin/marketplace.json';

const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

function command(description: string, argumentHint: string | null, allowed: string, body: string): string {
  const data: Record<string, unknown> = { description };
  if (argumentHint) data['argument-hint'] = argumentHint;
  data['allowed-tools'] = allowed;
  return `${frontmatter(data)}\n${body}`;
}

export function pluginFiles(input: FormatInput): Array<[string, string]> {
  const { answers } = input.context;
  const dir = pluginDir(answers);
  const name = answers.agent.name;
  const title = input.context.agent.title;
  const data = claudeFrontmatterData(input.context, input.lib);
  for (const key of PLUGIN_AGENT_FORBIDDEN_KEYS) delete data[key];
  const description = `${title}: the ${name} agent, its ADR command and its drift check.`;
  // The owning team when the answers name one, else the service: claude plugin validate warns without an author.
  const owner = { name: answers.service.team || answers.service.name };
  return [
    [MARKETPLACE_PATH, json({
      name: `${name}-marketplace`,
      owner,
      metadata: { description: `The ${name} agent for the services of ${owner.name}.` },
      plugins: [{ name, source: `./${dir}`, description }],
    })],
    [`${dir}/.claude-plugin/plugin.json`, json({ name, version: '1.0.0', description, author: owner })],
    [`${dir}/agents/${name}.md`, renderClaudeAgent(input.context, input.lib, input.sections)],
    [`${dir}/commands/adr.md`, command(
      'Record an architecture decision as the next ADR in this repository',
      '<title> [--supersedes N] [--status proposed]',
      `Bash(${CLI} add adr:*)`,
      [
        '# Record an architecture decision',
        '',
        `Run \`${CLI} add adr $ARGUMENTS\` from the repository root. It writes the next record in the log the`,
        'repository already keeps and marks any superseded record. Then open the new file, fill its Context,',
        'Decision and Consequences from this conversation, and show the user the diff.',
        '',
      ].join('\n'),
    )],
    [`${dir}/commands/agent-drift.md`, command(
      'Check whether the generated agent and docs drifted from what the generator writes',
      null,
      `Bash(${CLI} --check:*)`,
      [
        '# Check the generated files for drift',
        '',
        `Run \`${CLI} --check\` from the repository root. Exit 0: up to date. Exit 3: it lists the files a`,
        're-run would create or change; summarise them and suggest `--dry-run` to see the diff.',
        '',
      ].join('\n'),
    )],
  ];
}

export const claudePluginFormat: AgentFormat = {
  id: 'claude-plugin',
  tool: 'Claude Code (plugin)',
  path: (answers) => `${pluginDir(answers)}/agents/${answers.agent.name}.md`,
  frontmatter: (context, lib) => frontmatter(claudeFrontmatterData(context, lib), ['description']),
  render: ({ context, lib, sections }) => renderClaudeAgent(context, lib, sections),
  files: pluginFiles,
  setupStep: (answers) => `Publish the plugin: push this repository, then in each service repository run /plugin marketplace add <this repository> and /plugin install ${answers.agent.name}@${answers.agent.name}-marketplace in Claude Code.`,
};
