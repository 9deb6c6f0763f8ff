/**
 * HTTP APIs declared in code: controllers and route declarations say a service serves REST, next to
 * whatever gRPC or GraphQL it also serves. Only a bounded number of likely source files is read per
 * package, and the first declaration found is the evidence.
 */
import { base, facet, type Detector, type Signal } from './scope.js';

const SOURCE = /\.(ts|mts|js|mjs|py|java|kt|cs|go|rs)$/;
const TEST = /(^|\/)(tests?|__tests__|spec|testdata|fixtures|e2e)\/|\.(test|spec)\.[mc]?[jt]s$|_test\.go$|(^|\/)test_[^/]*\.py$|_test\.py$|Tests?\.(cs|java|kt)$|\.d\.ts$/;
/** Files whose names suggest HTTP handlers are read first. */
const LIKELY = /(controller|route|router|handler|endpoint|api|server|app|main|program|urls|views|resource)/i;
const MAX_FILES = 200;

/**
 * A route's path must go past "/": a root handler alone is a health check or a web page more often
 * than an API.
 */
const PATTERNS: ReadonlyArray<[RegExp, string, RegExp]> = [
  // [file test, what it shows, pattern]
  [/\.(ts|mts|js|mjs)$/, 'HTTP controller', /@Controller\s*\(/],
  [/\.(ts|mts|js|mjs)$/, 'HTTP route', /\b(?:app|router|server|fastify|api|route[rs]?)\s*\.\s*(?:get|post|put|patch|delete)\s*\(\s*['"`]\/[\w:{$]/],
  [/\.py$/, 'HTTP route', /@\w+\s*\.\s*(?:get|post|put|patch|delete|route|api_route)\s*\(\s*f?['"]\/[\w{<]/],
  [/\.py$/, 'HTTP router', /\b(?:APIRouter|APIView|ViewSet|ModelViewSet|GenericAPIView)\b/],
  [/\.(java|kt)$/, 'HTTP controller', /@(?:RestController|GetMapping|PostMapping|PutMapping|DeleteMapping|PatchMapping)\b/],
  [/\.(java|kt)$/, 'JAX-RS resource', /@Path\s*\(\s*"/],
  [/\.kt$/, 'HTTP route', /\brouting\s*\{/],
  [/\.cs$/, 'HTTP controller', /\[ApiController\]|:\s*ControllerBase\b/],
  [/\.cs$/, 'HTTP route', /\.Map(?:Get|Post|Put|Patch|Delete|Group)\s*\(\s*"\/?[\w{]/],
  [/\.go$/, 'HTTP route', /\.\s*(?:GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete|HandleFunc|Handle)\s*\(\s*"\/[\w{:]/],
  [/\.rs$/, 'HTTP route', /\.route\s*\(\s*"\/[\w{:]|#\[(?:get|post|put|patch|delete)\s*\(\s*"\/[\w{<]/],
];

export const detectRoutes: Detector = (scope) => {
  const sources = scope.files.filter((f) => SOURCE.test(f) && !TEST.test(f));
  const ordered = [...sources.filter((f) => LIKELY.test(base(f))), ...sources.filter((f) => !LIKELY.test(base(f)))].slice(0, MAX_FILES);
  for (const file of ordered) {
    const text = scope.read(file);
    if (text === undefined) continue;
    for (const [applies, what, pattern] of PATTERNS) {
      if (!applies.test(file)) continue;
      const match = pattern.exec(text);
      if (!match) continue;
      const start = text.lastIndexOf('\n', match.index) + 1;
      const end = text.indexOf('\n', match.index);
      const line = text.slice(start, end === -1 ? undefined : end).trim();
      return [facet('api', 'rest', file, `${what}: ${line.length > 80 ? `${line.slice(0, 77)}...` : line}`)] satisfies Signal[];
    }
  }
  return [];
};
