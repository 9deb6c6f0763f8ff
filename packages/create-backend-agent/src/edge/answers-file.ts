import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError, isPlainObject, type Plain } from '@create-backend-agent/core';

/** Reads an answers file: JSON by extension, YAML otherwise (YAML also accepts JSON). */
export async function readAnswersFile(file: string): Promise<Plain> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`Cannot read answers file ${file}${code === 'ENOENT' ? ': no such file' : ` (${code})`}.`, 'Check the path given to --answers.');
  }
  let data: unknown;
  try {
    data = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    throw new InputError(`Answers file ${file} is not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${first}`, 'Fix the syntax and run again.');
  }
  if (data === null || data === undefined) return {};
  if (!isPlainObject(data)) throw new InputError(`Answers file ${file} must hold a mapping of answers, e.g. "agent: { name: backend-staff }".`);
  return data;
}
