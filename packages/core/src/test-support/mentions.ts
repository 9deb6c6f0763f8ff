/**
 * How to tell that a text mentions a technology, for the tailoring tests. A facet's name is the
 * default; names that are also common words, or that contain another facet's name, get a pattern.
 */
import type { FacetDefinition } from '../library/schema.js';

type Facet = Pick<FacetDefinition, 'id' | 'name'>;

const PATTERNS: Record<string, RegExp> = {
  go: /\bGo\b(?!-| multi)|\bgolang\b|goroutine/,
  typescript: /TypeScript|Node\.js/,
  csharp: /C#|\.NET\b/,
  cpp: /C\+\+/,
  express: /\bExpress\b(?! (the|it|each|every|what))/,
  redis: /\bRedis\b(?! Streams| Pub\/Sub)/,
  'redis-pubsub': /Redis Pub\/Sub/,
  'redis-streams': /Redis Streams/,
  'sqs-sns': /\bSQS\b|\bSNS\b/,
  dynamodb: /DynamoDB/,
  cassandra: /Cassandra/,
  kafka: /Kafka/,
  nats: /\bNATS\b|JetStream/,
  'gcp-pubsub': /(?<!Redis )Pub\/Sub/,
  gcp: /Google Cloud|\bGCP\b|\bGKE\b/,
  'service-mesh': /Istio|Linkerd/,
  serverless: /\bLambda\b|Cloud Functions|Azure Functions/,
  rest: /\bREST\b|OpenAPI/,
  events: /AsyncAPI|CloudEvents/,
  'pci-dss': /PCI/,
  soc2: /SOC 2/,
};

export function mentionPattern(facet: Facet): RegExp {
  const pattern = PATTERNS[facet.id];
  if (pattern) return pattern;
  const name = facet.name.replace(/\s*\(.*\)\s*/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${name}\\b`);
}

export function mentions(text: string, facet: Facet): boolean {
  return mentionPattern(facet).test(text);
}
