import { extname } from 'node:path';
import { isMap, parseDocument, visit } from 'yaml';
import { InputError, isPlainObject, type Plain } from '@create-backend-agent/core';
import { MB, readBounded } from './read-file.js';

/** An answers file holds a few dozen answers; these bounds refuse anything else before it is parsed. */
export const MAX_ANSWERS_BYTES = MB;
export const MAX_ANSWERS_ITEMS = 5000;

/** Lines plus flow-collection separators: an upper bound of the entries a YAML or JSON text can hold. */
function roughItemCount(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44) count++; // \n and ,
  }
  return count;
}

/**
 * YAML with a linear duplicate-key check: the yaml package's own (uniqueKeys) compares every pair
 * of keys in a mapping, quadratic in its size.
 */
function parseYamlLinear(text: string, file: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) throw new Error(error.message);
  let duplicate: string | null = null;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
        if (seen.has(key)) {
          duplicate = key;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  if (duplicate !== null) throw new InputError(`Answers file ${file} gives "${duplicate}" twice in one mapping.`, 'Keep one of them.');
  return doc.toJS({ maxAliasCount: 100 });
}

/** Reads an answers file: JSON by extension, YAML otherwise (YAML also accepts JSON). */
export async function readAnswersFile(file: string): Promise<Plain> {
  const json = extname(file).toLowerCase() === '.json';
  const text = await readBounded(file, `Answers file ${file}`, MAX_ANSWERS_BYTES, 'An answers file holds a few dozen answers: check you passed the right file to --answers.');
  if (text === null) throw new InputError(`Cannot read answers file ${file}: no such file.`, 'Check the path given to --answers.');
  if (roughItemCount(text) > MAX_ANSWERS_ITEMS) {
    throw new InputError(`Answers file ${file} has more than ${MAX_ANSWERS_ITEMS.toLocaleString('en-US')} lines or list items.`, 'An answers file holds a few dozen answers: check you passed the right file to --answers.');
  }
  let data: unknown;
  try {
    data = json ? JSON.parse(text) : parseYamlLinear(text, file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const first = (error as Error).message.split('\n')[0];
    throw new InputError(`Answers file ${file} is not valid ${json ? 'JSON' : 'YAML'}: ${first}`, 'Fix the syntax and run again.');
  }
  if (data === null || data === undefined) return {};
  if (!isPlainObject(data)) throw new InputError(`Answers file ${file} must hold a mapping of answers, e.g. "agent: { name: backend-staff }".`);
  return data;
}
