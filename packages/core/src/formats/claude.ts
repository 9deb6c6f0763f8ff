/** Claude Code subagent: .claude/agents/<name>.md, YAML frontmatter + the system prompt. */
import type { Library } from '../library/index.js';
import type { Facet } from '../library/schema.js';
import type { Answers } from '../answers/schema.js';
import { prose } from '../render/prose.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { frontmatter } from '../render/yaml.js';
import { layout, renderAgentBody, renderSections, type Section } from './agent-body.js';
import type { AgentFormat } from './format.js';
import { outputPaths } from '../paths.js';

type Example = NonNullable<Facet['example']> | Answers['agent']['examples'][number];

/** When no chosen API style carries an example of its own. */
const API_EXAMPLE: Example = {
  context: 'A new capability has to be added to the service.',
  user: 'We need to let customers export their order history as CSV',
  task: 'design the endpoint, the data access and the limits before we write code',
  why: 'New API surface with data-access and load implications is design work.',
};

/**
 * The description's <example> blocks, from the answers: the chosen API style's, the first
 * datastore's and the first broker's, in the words their users use (consumer lag for Kafka, queue
 * depth for RabbitMQ), then a compliance regime's or a review of resilience code in the stack's
 * language. Two to four, as Claude Code's convention asks.
 */
export function descriptionExamples(context: RenderContext): Example[] {
  // The user's own examples replace the generated ones (a preset reproducing an agent gives that agent's).
  if (context.answers.agent.examples.length > 0) return context.answers.agent.examples;
  const first = (facets: readonly Facet[] | undefined) => (facets ?? []).find((f) => f.example)?.example;
  const languages = prose((context.stack.languages ?? []).map((f) => f.name));
  const review: Example = {
    context: 'Code is ready for review.',
    user: `Can you review my retry logic for the payment client${languages ? ` (${languages})` : ''} before I merge?`,
    task: 'review it for correctness, idempotency, timeouts and failure handling',
    why: 'Resilience code needs an eye for failure modes.',
  };
  const examples = [first(context.stack.apiStyles) ?? API_EXAMPLE, first(context.stack.datastores), first(context.stack.messaging), first(context.stack.compliance) ?? review];
  return examples.filter((e): e is Example => Boolean(e));
}

/** "Use this agent when…" with <example> blocks, unless the user wrote their own description. */
export function agentDescription(context: RenderContext, lib: Library): string {
  const { description, examples } = context.answers.agent;
  if (description.trim() && examples.length === 0) return description;
  const summary = description.trim() ? description.trim() : '';
  return renderTemplate(layout(lib, 'claude-description'), { ...context, summary, examples: descriptionExamples(context) }).trim().replace(/\n{3,}/g, '\n\n');
}

/**
 * The description other tools get: the user's own, verbatim; else the generated one without its
 * <example> blocks, which are a Claude Code convention that other tools would show as raw text.
 */
export function summaryDescription(context: RenderContext, lib: Library): string {
  if (context.answers.agent.description.trim()) return context.answers.agent.description;
  return agentDescription(context, lib).split(/\n\s*\n/)[0]!.trim();
}

export function claudeFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  const { agent } = context.answers;
  const data: Record<string, unknown> = { name: agent.name, description: agentDescription(context, lib) };
  // An empty list means "all tools": Claude Code grants every tool when the field is absent.
  if (agent.tools.length > 0) data.tools = agent.tools.join(', ');
  // Only when chosen: absent, Claude Code inherits the session's model and shows no colour, and a
  // preset that reproduces an agent without these keys must not gain them.
  if (agent.model !== undefined) data.model = agent.model;
  if (agent.color !== undefined) data.color = agent.color;
  return data;
}

export function renderClaudeAgent(context: RenderContext, lib: Library, sections: readonly Section[] = renderSections(context, lib)): string {
  return frontmatter(claudeFrontmatterData(context, lib), ['description']) + '\n' + renderAgentBody(context, lib, sections);
}

export const claudeFormat: AgentFormat = {
  id: 'claude',
  tool: 'Claude Code',
  path: (answers) => outputPaths(answers).claudeAgent,
  frontmatter: (context, lib) => frontmatter(claudeFrontmatterData(context, lib), ['description']),
  render: ({ context, lib, sections }) => renderClaudeAgent(context, lib, sections),
  // Claude Code reads agents when a session starts; /agents reloads them in a running one.
  setupStep: (answers) => `Claude Code: restart it, or run /agents in a running session, to load ${outputPaths(answers).claudeAgent}.`,
};
