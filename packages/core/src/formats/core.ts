/**
 * The core: the one file each tool loads on every invocation, held to CORE_MAX_CHARACTERS for any
 * answers. Everything in it is fixed by the answers except how many of each technology's leading
 * practices and pitfalls it carries; that number is the largest that keeps every chosen format's
 * file within the limit. The rest of each facet is in the skills' references.
 */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { budgetFacets, budgetStack, coreItemCount } from '../render/budget.js';
import { renderAgentBody, renderSections, type Section } from './agent-body.js';
import { AGENT_FORMAT_REGISTRY } from './registry.js';

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
  const body = (core: Core) => renderAgentBody(core.context, lib, core.sections).length;

  // What each format adds around the body (frontmatter, title lines, markers) does not depend on
  // how many rules the body carries: measure it once, on the smallest core.
  const smallest = at(0);
  let wrapper = 0;
  for (const id of new Set(context.answers.outputs.formats)) {
    try {
      const file = AGENT_FORMAT_REGISTRY[id].render({ context: smallest.context, lib, sections: smallest.sections, existingAgentsMd: null });
      wrapper = Math.max(wrapper, file.length - body(smallest));
    } catch {
      // Even the smallest core is over this tool's limit: its render reports that itself later.
    }
  }
  const limit = Math.min(CORE_MAX_CHARACTERS, context.answers.outputs.coreCharacters);
  const fits = (core: Core) => body(core) + wrapper <= limit;

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
  return low === 0 ? smallest : at(low);
}
