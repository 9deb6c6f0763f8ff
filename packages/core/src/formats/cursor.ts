/**
 * Cursor project rule: .cursor/rules/<name>.mdc. Agent-requested ("Apply Intelligently"): Cursor
 * reads the description and attaches the rule when a task matches. Cursor's documentation asks for
 * rules under 500 lines; the core (formats/core.ts) is well under that.
 */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { frontmatter } from '../render/yaml.js';
import { summaryDescription } from './claude.js';
import { renderFitted } from './fit.js';
import type { AgentFormat } from './format.js';

export function cursorFrontmatterData(context: RenderContext, lib: Library): Record<string, unknown> {
  // alwaysApply is a real boolean: Cursor reads the string "true" as false.
  return { description: summaryDescription(context, lib), alwaysApply: false };
}

export const cursorFormat: AgentFormat = {
  id: 'cursor',
  tool: 'Cursor',
  path: (answers) => `.cursor/rules/${answers.agent.name}.mdc`,
  limit: { what: 'a rule', max: 500, unit: 'lines', source: "Cursor's rules documentation" },
  frontmatter: (context, lib) => frontmatter(cursorFrontmatterData(context, lib), ['description']),
  render: (input) =>
    renderFitted(cursorFormat, input, {
      layout: 'cursor',
    }),
};
