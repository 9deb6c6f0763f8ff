import type { Library } from '../library/index.js';
import { InternalError } from '../errors.js';

export function docTemplate(lib: Library, name: string) {
  const spec = lib.docs[name];
  if (!spec) throw new InternalError(`doc template "${name}" is missing from the library`);
  return spec;
}
