/** The test strategy: levels with the chosen stack's tools, gates and a load test from the targets. */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { docTemplate } from './template.js';

const LEVELS = ['static', 'unit', 'integration', 'contract', 'e2e', 'load', 'security', 'resilience'] as const;

export function testStrategyData(context: RenderContext) {
  const tools = Object.fromEntries(
    LEVELS.map((level) => [
      level,
      context.stack.all.flatMap((f) => f.testing.tools.filter((t) => t.level === level)).filter(
        (t, i, all) => all.findIndex((o) => o.tool === t.tool) === i,
      ),
    ]),
  );
  const errorRate = Math.round((1 - context.targets.availability / 100) * 1e6) / 1e6;
  return {
    ...context,
    tools,
    notes: context.stack.all.flatMap((f) => f.testing.notes),
    errorRate,
    errorRatePercent: Math.round(errorRate * 100 * 1e4) / 1e4,
    // One virtual user per request in flight at p99 latency, doubled for headroom.
    preAllocatedVus: Math.max(10, Math.ceil((context.targets.throughputRps * context.targets.p99LatencyMs) / 1000) * 2),
  };
}

export function renderTestStrategy(context: RenderContext, lib: Library): string {
  return tidyMarkdown(renderTemplate(docTemplate(lib, 'test-strategy'), testStrategyData(context)));
}
