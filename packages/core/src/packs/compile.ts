/**
 * Compiles a pack's templates at run time into the same spec objects build/build-library.ts
 * precompiles, so they render through the one isolated runtime (render/handlebars.ts) with its
 * helpers. Only pack files (code the team trusts) come here; answers are data, never compiled.
 * This module, and the Handlebars compiler with it, load only when a pack is present.
 */
import Handlebars from 'handlebars';
import type { TemplateSpec } from '../library/index.js';
import { PackProblem } from './lines.js';

/** The options the library build compiles with (build/build-library.ts COMPILE_OPTIONS). */
const OPTIONS = { noEscape: true, strict: true, data: true } as const;

interface CompilerApi {
  parse: (source: string) => unknown;
  Compiler: new () => { compile: (ast: unknown, options: object) => unknown };
  JavaScriptCompiler: new () => { compile: (environment: unknown, options: object, context: undefined, asObject: true) => unknown };
}

/** `source` starts on `firstLine` of `file`; a syntax error is a PackProblem at its line. */
export function compilePackTemplate(source: string, file: string, firstLine = 1): TemplateSpec {
  const hb = Handlebars as unknown as CompilerApi;
  try {
    const environment = new hb.Compiler().compile(hb.parse(source), OPTIONS);
    return new hb.JavaScriptCompiler().compile(environment, OPTIONS, undefined, true) as TemplateSpec;
  } catch (error) {
    const message = (error as Error).message;
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? (error as { lineNumber?: number }).lineNumber ?? 1);
    const detail = message.split('\n').filter((l) => l.trim() !== '').pop() ?? message;
    throw new PackProblem(file, line + firstLine - 1, `template does not compile: ${detail.trim()}`);
  }
}
