/**
 * The two other shapes of the seed documents: orchestration metadata (seed 001) for multi-agent
 * routers, and a plain titled document with no frontmatter (seed 003).
 */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { frontmatter } from '../render/yaml.js';
import { renderAgentBody, renderLayout, renderSections, type Section } from './agent-body.js';
import { composeBlocks } from '../compose.js';
import { CLAUDE_TOOLS } from '../answers/schema.js';
import { grantsWrites } from './tools.js';
import type { AgentFormat } from './format.js';

const snake = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

/** The user's phrases as router ids when given, the derived ones otherwise. */
const idsOr = (phrases: readonly string[], derived: () => string[]) => (phrases.length > 0 ? phrases.map(snake) : derived());

/** Routers read these: what the agent knows, whom it works with, and what should wake it up. */
const TRIGGERS: Record<string, string> = {
  architecture: 'system_architecture_changes',
  performance: 'performance_bottlenecks',
  'distributed-systems': 'scalability_requirements',
  api: 'complex_integrations',
  security: 'security_implementations',
  data: 'database_schema_changes',
  messaging: 'event_driven_workflows',
  operations: 'production_incidents',
};

export function orchestrationFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  const { agent, collaboration } = context.answers;
  const areas = [...new Set(composeBlocks(context.answers, lib).map((b) => b.meta.area))];
  const tools = agent.tools.length > 0 ? agent.tools : [...CLAUDE_TOOLS];
  const writes = grantsWrites(tools);
  return {
    specialization_level: agent.seniority,
    domain_expertise: idsOr(agent.expertise, () => areas.map(snake)),
    escalation_to: collaboration.escalatesTo,
    escalation_from: collaboration.receivesFrom,
    parallel_compatible: collaboration.parallelWith,
    complexity_triggers: idsOr(agent.triggers, () => areas.map((a) => TRIGGERS[a]).filter((t): t is string => Boolean(t))),
    workflow_integration: idsOr(collaboration.workflow, () => [
      ...collaboration.receivesFrom.map((n) => `receives_work_from_${snake(n)}`),
      ...collaboration.parallelWith.map((n) => `works_in_parallel_with_${snake(n)}`),
      ...collaboration.escalatesTo.map((n) => `escalates_architectural_decisions_to_${snake(n)}`),
      ...collaboration.handsOffTo.map((n) => `hands_off_to_${snake(n)}`),
    ]),
    // Writing files and running commands is full access in this shape; the allowed list says which tools.
    tool_access: writes ? 'full_access' : 'read_only',
    tool_restrictions: {
      allowed: tools,
      // The answers deny no tool by name: what is not allowed is simply not granted.
      forbidden: [],
      rationale: agent.toolRationale.trim()
        ? agent.toolRationale.trim()
        : writes
          ? 'Implements, tests and operates backend changes end to end, so it edits code and runs commands.'
          : 'Advises and reviews; changes are made by the agents it hands off to.',
    },
  };
}

export function renderOrchestrationAgent(context: RenderContext, lib: Library, sections: readonly Section[] = renderSections(context, lib)): string {
  return frontmatter(orchestrationFrontmatterData(context, lib)) + '\n' + renderAgentBody(context, lib, sections);
}

export function renderPlainAgent(context: RenderContext, lib: Library, sections: readonly Section[] = renderSections(context, lib)): string {
  return renderLayout(context, lib, 'plain', sections);
}

export const orchestrationFormat: AgentFormat = {
  id: 'orchestration',
  tool: 'multi-agent routers (orchestration metadata)',
  path: (answers) => `agents/${answers.agent.name}.md`,
  frontmatter: (context, lib) => frontmatter(orchestrationFrontmatterData(context, lib)),
  render: ({ context, lib, sections }) => renderOrchestrationAgent(context, lib, sections),
};

export const plainFormat: AgentFormat = {
  id: 'plain',
  tool: 'any reader (plain Markdown)',
  path: (answers) => `docs/agents/${answers.agent.name}.md`,
  render: ({ context, lib, sections }) => renderPlainAgent(context, lib, sections),
};
