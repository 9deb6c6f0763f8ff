/** The test strategy: levels with the chosen stack's tools, gates and a load test from the targets. */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { docTemplate } from './template.js';

const LEVELS = ['static', 'unit', 'integration', 'contract', 'e2e', 'load', 'security', 'resilience'] as const;

/**
 * How each API style proves a change does not break its consumers: consumer-driven contracts where
 * consumers pick what they use (REST), a schema breaking-change check where the schema is the
 * contract (gRPC, GraphQL), schema compatibility for events.
 */
const CONTRACT_APPROACH: Record<string, { approach: string; how: string }> = {
  rest: {
    approach: 'consumer-driven contracts',
    how: 'each consumer publishes a Pact of the requests it sends and the fields it reads; the provider verifies every pact in CI and a release waits for `can-i-deploy`. An OpenAPI diff (oasdiff) in the pull request blocks breaking changes to the published document.',
  },
  grpc: {
    approach: 'schema breaking-change check',
    how: '`buf breaking --against` the main branch fails any pull request that removes or renumbers a field, changes a type or drops an RPC; reserved numbers and names keep deleted fields from coming back with another meaning.',
  },
  graphql: {
    approach: 'schema breaking-change check',
    how: 'graphql-inspector (or a schema registry check such as rover subgraph check) compares the schema with the main branch and with the operations clients actually send, and blocks removing or retyping anything still in use; deprecate first, remove when usage is zero.',
  },
  events: {
    approach: 'schema compatibility check',
    how: 'the schema registry rejects a schema that breaks BACKWARD compatibility for the topic, and consumers publish message pacts that the producer verifies in CI.',
  },
};

/** The protocol the load test speaks: the first synchronous API style chosen, HTTP by default. */
function loadProtocol(context: RenderContext): 'http' | 'graphql' | 'grpc' {
  const first = (context.stack.apiStyles ?? []).map((f) => f.id).find((id) => id === 'rest' || id === 'graphql' || id === 'grpc');
  return first === 'graphql' || first === 'grpc' ? first : 'http';
}

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
  const protocol = loadProtocol(context);
  return {
    ...context,
    tools,
    contracts: (context.stack.apiStyles ?? []).filter((f) => CONTRACT_APPROACH[f.id]).map((f) => ({ name: f.name, ...CONTRACT_APPROACH[f.id]! })),
    load: { grpc: protocol === 'grpc', graphql: protocol === 'graphql', http: protocol === 'http' },
    successRate: Math.round((context.targets.availability / 100) * 1e6) / 1e6,
    notes: context.stack.all.flatMap((f) => f.testing.notes),
    // The generic fault-injection line would repeat a facet that already names Toxiproxy.
    facetsNameToxiproxy: tools.resilience!.some((t) => /toxiproxy/i.test(t.tool)),
    errorRate,
    errorRatePercent: Math.round(errorRate * 100 * 1e4) / 1e4,
    // One virtual user per request in flight at p99 latency, doubled for headroom.
    preAllocatedVus: Math.max(10, Math.ceil((context.targets.throughputRps * context.targets.p99LatencyMs) / 1000) * 2),
  };
}

export function renderTestStrategy(context: RenderContext, lib: Library): string {
  return tidyMarkdown(renderTemplate(docTemplate(lib, 'test-strategy'), testStrategyData(context)));
}
