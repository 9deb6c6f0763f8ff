/** API contracts in the repository: Protocol Buffers, GraphQL schemas, OpenAPI and AsyncAPI documents. */
import { base, facet, type Detector, type Signal } from './scope.js';

export const detectApiSpecs: Detector = (scope) => {
  const out: Signal[] = [];
  const first = (kindId: string, files: readonly string[], what: string) => {
    if (files.length > 0) out.push(facet('api', kindId, files[0]!, files.length > 1 ? `${what} (${files.length} files)` : what));
  };
  first('grpc', scope.files.filter((f) => f.endsWith('.proto')), 'Protocol Buffers definition');
  first('graphql', scope.files.filter((f) => /\.(graphql|graphqls|gql)$/.test(f)), 'GraphQL schema');
  const specs = (prefix: string) => scope.files.filter((f) => new RegExp(`^${prefix}([.-].*)?\\.(ya?ml|json)$`, 'i').test(base(f)));
  first('rest', [...specs('openapi'), ...specs('swagger')], 'OpenAPI document');
  first('events', specs('asyncapi'), 'AsyncAPI document');
  return out;
};
