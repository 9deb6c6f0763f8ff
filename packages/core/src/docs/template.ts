import type { Library } from '../library/index.js';
import { InternalError } from '../errors.js';

export function docTemplate(lib: Library, name: string) {
  const spec = lib.docs[name];
  if (!spec) throw new InternalError(`doc template "${name}" is missing from the library`);
  return spec;
}

export function partialTemplate(lib: Library, name: string) {
  const spec = lib.partials[name];
  if (!spec) throw new InternalError(`partial "${name}" is missing from the library`);
  return spec;
}
