/**
 * The core: the one file each tool loads on every invocation, held to CORE_MAX_CHARACTERS for any
 * answers. Everything in it is fixed by the answers except how many of each technology's leading
 * practices and pitfalls it carries; that number is the largest that keeps the Claude Code file
 * (frontmatter and body, the longest of the formats) within the limit. The rest of each facet is in
 * the skills' references.
 */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { budgetFacets, budgetStack, coreItemCount } from '../render/budget.js';
import { renderSections, type Section } from './agent-body.js';
import { renderClaudeAgent } from './claude.js';

export const CORE_MAX_CHARACTERS = 12_000;

export interface Core {
  /** The render context with each facet cut to the core's budget and the skills index filled in. */
  context: RenderContext;
  sections: Section[];
}

export function composeCore(context: RenderContext, lib: Library): Core {
  const all = context.stack.all;
  const at = (items: number): Core => {
    const core = { ...context, stack: budgetStack(context.stack, budgetFacets(all, items)) };
    return { context: core, sections: renderSections(core, lib) };
  };
  const fits = (core: Core) => renderClaudeAgent(core.context, lib, core.sections).length <= CORE_MAX_CHARACTERS;
  let high = coreItemCount(all);
  const whole = at(high);
  if (fits(whole)) return whole;
  // The size grows with the item count, so the largest count that fits is found by bisection.
  let low = 0;
  high -= 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(at(mid))) low = mid;
    else high = mid - 1;
  }
  return at(low);
}
