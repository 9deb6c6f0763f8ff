/** The test strategy: levels with the chosen stack's tools, gates and a load test from the targets. */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { docTemplate } from './template.js';
import { loadTestData } from './load-test.js';
import type { ApiOperations } from './api-operations.js';

const LEVELS = ['static', 'unit', 'integration', 'contract', 'e2e', 'load', 'security', 'resilience'] as const;

/**
 * How each API style proves a change does not break its consumers: consumer-driven contracts where
 * consumers pick what they use (REST), a schema breaking-change check where the schema is the
 * contract (gRPC, GraphQL), schema compatibility for events.
 */
const CONTRACT_APPROACH: Record<string, { approach: string; how: string }> = {
  rest: {
    approach: 'consumer-driven contracts',
    how: 'each consumer publishes a Pact of the requests it sends and the fields it reads; the provider verifies every pact in CI and a release waits for `can-i-deploy`. An OpenAPI diff (oasdiff) in the pull request blocks breaking changes to the published document, and Schemathesis checks that the responses honour it.',
  },
  grpc: {
    approach: 'schema breaking-change check',
    how: '`buf breaking --against` the main branch fails any pull request that removes or renumbers a field, changes a type or drops an RPC; reserved numbers and names keep deleted fields from coming back with another meaning. Where a consumer relies on behaviour the schema cannot express, Pact with the pact-protobuf-plugin covers it.',
  },
  graphql: {
    approach: 'schema breaking-change check',
    how: 'graphql-inspector (or a schema registry check such as rover subgraph check) compares the schema with the main branch and with the operations clients actually send, and blocks removing or retyping anything still in use; deprecate first, remove when usage is zero.',
  },
  events: {
    approach: 'schema compatibility check',
    how: 'the AsyncAPI document is validated in CI and the schema registry rejects a schema that breaks BACKWARD compatibility for the topic; consumers publish message pacts (or Microcks tests from the AsyncAPI document) that the producer verifies in CI.',
  },
};

export function testStrategyData(context: RenderContext, operations: ApiOperations = {}) {
  const tools = Object.fromEntries(
    LEVELS.map((level) => [
      level,
      context.stack.all
        // An API style's contract tools are in its approach below; listing them again would say it twice.
        .filter((f) => !(level === 'contract' && f.kind === 'api' && CONTRACT_APPROACH[f.id]))
        .flatMap((f) => f.testing.tools.filter((t) => t.level === level))
        .filter((t, i, all) => all.findIndex((o) => o.tool === t.tool) === i),
    ]),
  );
  const load = loadTestData(context, operations);
  const apiStyles = (context.stack.apiStyles ?? []).map((f) => f.id);
  return {
    ...context,
    tools,
    // A DAST scanner speaks HTTP: it has nothing to scan on a gRPC-only service or a worker.
    http: apiStyles.includes('rest') || apiStyles.includes('graphql'),
    // The one coverage gate, measured with the language's own coverage tool.
    coverageTools: tools.unit!.filter((t) => /cov|JaCoCo|Kover/i.test(t.tool)).map((t) => t.tool),
    contracts: (context.stack.apiStyles ?? []).filter((f) => CONTRACT_APPROACH[f.id]).map((f) => ({ name: f.name, ...CONTRACT_APPROACH[f.id]! })),
    load,
    notes: context.stack.all.flatMap((f) => f.testing.notes),
    // The generic line puts Toxiproxy in front of each dependency; a datastore that already says how is not told twice.
    facetsNameToxiproxy: (context.stack.datastores ?? []).some((f) => f.testing.tools.some((t) => t.level === 'resilience' && /toxiproxy/i.test(t.tool))),
    errorRatePercent: load.errorRatePercent,
  };
}

export function renderTestStrategy(context: RenderContext, lib: Library, operations: ApiOperations = {}): string {
  return tidyMarkdown(renderTemplate(docTemplate(lib, 'test-strategy'), testStrategyData(context, operations)));
}
