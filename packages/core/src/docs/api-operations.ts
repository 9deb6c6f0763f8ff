/**
 * The operations the load test sends, read from the API contracts in the repository: the first
 * OpenAPI (or Swagger) document's operations and the first Protocol Buffers file's unary RPCs. A pure
 * function of the repository view, like the ADR log; whatever it cannot read yields nothing, and the
 * load test then carries named placeholders instead.
 */
import { parse } from 'yaml';
import type { RepoView } from '../repo-view.js';
import { isPlainObject } from '../answers/paths.js';

/** A value the user must supply before the first run; the script's setup() refuses to start while one is left. */
export const FILL_IN = 'FILL-IN';

export interface HttpOperation {
  method: string;
  /** The path as the document writes it, with `{param}` templates and the server's base path in front. */
  path: string;
  /** Share of the request mix (reads 4, writes 1: a starting guess until production ratios are known). */
  weight: number;
  /** Path and required query parameters, each with the document's example or FILL_IN. */
  params: Record<string, unknown>;
  query: string[];
  /** A JSON body: the document's example, or FILL_IN. Absent for methods without one. */
  body?: unknown;
}

export interface RpcOperation {
  /** `package.Service/Method`, as k6's gRPC client invokes it. */
  method: string;
  /** Reads (Get, List, Search…) 4, the rest 1, like the HTTP mix. */
  weight: number;
  /** The request message: always FILL_IN, since a .proto file carries no example values. */
  request: unknown;
}

export interface ApiOperations {
  http?: { file: string; operations: HttpOperation[] };
  grpc?: { file: string; operations: RpcOperation[] };
}

/** More would make a mix nobody weights by hand; the rest of the document is left to the user. */
export const MAX_OPERATIONS = 12;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const READ_WEIGHT = 4;
const WRITE_WEIGHT = 1;
const OPENAPI_FILE = /^(openapi|swagger)([.-].*)?\.(ya?ml|json)$/i;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function readApiOperations(view: RepoView): ApiOperations {
  const out: ApiOperations = {};
  for (const file of view.files.filter((f) => OPENAPI_FILE.test(baseName(f)))) {
    const operations = openApiOperations(view.read(file));
    if (operations.length > 0) {
      out.http = { file, operations };
      break;
    }
  }
  for (const file of view.files.filter((f) => f.endsWith('.proto'))) {
    const operations = protoOperations(view.read(file));
    if (operations.length > 0) {
      out.grpc = { file, operations };
      break;
    }
  }
  return out;
}

function exampleOf(node: unknown): unknown {
  if (!isPlainObject(node)) return undefined;
  if ('example' in node) return node.example;
  if (isPlainObject(node.examples)) {
    const first = Object.values(node.examples)[0];
    if (isPlainObject(first) && 'value' in first) return first.value;
  }
  if (isPlainObject(node.schema) && 'example' in node.schema) return node.schema.example;
  return undefined;
}

/** The path part of the first server URL (OpenAPI 3) or the basePath (Swagger 2), without a trailing slash. */
function basePath(doc: Record<string, unknown>): string {
  const servers = Array.isArray(doc.servers) ? doc.servers : [];
  const url = isPlainObject(servers[0]) && typeof servers[0].url === 'string' ? servers[0].url : typeof doc.basePath === 'string' ? doc.basePath : '';
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\{[^}]*\}/g, '');
  return path.startsWith('/') ? path.replace(/\/+$/, '') : '';
}

export function openApiOperations(text: string | undefined): HttpOperation[] {
  if (text === undefined) return [];
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (!isPlainObject(doc) || !isPlainObject(doc.paths) || !('openapi' in doc || 'swagger' in doc)) return [];
  const prefix = basePath(doc);
  const operations: HttpOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/') || !isPlainObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isPlainObject(op) || op.deprecated === true) continue;
      const parameters = [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])].filter(isPlainObject);
      const params: Record<string, unknown> = {};
      const query: string[] = [];
      for (const p of parameters) {
        if (typeof p.name !== 'string' || !/^[A-Za-z_][\w.-]*$/.test(p.name)) continue;
        if (p.in === 'path' || (p.in === 'query' && p.required === true)) {
          params[p.name] = exampleOf(p) ?? FILL_IN;
          if (p.in === 'query') query.push(p.name);
        }
      }
      // Every template in the path needs a value, declared or not.
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) if (!(name! in params)) params[name!] = FILL_IN;
      const operation: HttpOperation = { method: method.toUpperCase(), path: `${prefix}${path}`, weight: method === 'get' ? READ_WEIGHT : WRITE_WEIGHT, params, query };
      if (method !== 'get' && method !== 'delete') operation.body = requestExample(op) ?? FILL_IN;
      operations.push(operation);
      if (operations.length === MAX_OPERATIONS) return operations;
    }
  }
  return operations;
}

function requestExample(op: Record<string, unknown>): unknown {
  const content = isPlainObject(op.requestBody) && isPlainObject(op.requestBody.content) ? op.requestBody.content : undefined;
  const json = content && Object.entries(content).find(([type]) => /json/i.test(type))?.[1];
  const fromContent = exampleOf(json);
  if (fromContent !== undefined) return fromContent;
  // Swagger 2: a body parameter with an example on its schema.
  const body = Array.isArray(op.parameters) ? op.parameters.find((p) => isPlainObject(p) && p.in === 'body') : undefined;
  return exampleOf(body);
}

/** Unary RPCs of a .proto file (streaming ones need a different k6 API and are left out). */
export function protoOperations(text: string | undefined): RpcOperation[] {
  if (text === undefined) return [];
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const pkg = /\bpackage\s+([\w.]+)\s*;/.exec(source)?.[1];
  const operations: RpcOperation[] = [];
  for (const service of source.matchAll(/\bservice\s+(\w+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g)) {
    const name = pkg ? `${pkg}.${service[1]}` : service[1]!;
    for (const rpc of service[2]!.matchAll(/\brpc\s+(\w+)\s*\(\s*(stream\s+)?[\w.]+\s*\)\s*returns\s*\(\s*(stream\s+)?[\w.]+\s*\)/g)) {
      if (rpc[2] || rpc[3]) continue;
      const read = /^(Get|List|Search|Find|Lookup|Query|Batch(Get|Read)|Read|Check)/.test(rpc[1]!);
      operations.push({ method: `${name}/${rpc[1]}`, weight: read ? READ_WEIGHT : WRITE_WEIGHT, request: FILL_IN });
      if (operations.length === MAX_OPERATIONS) return operations;
    }
  }
  return operations;
}
