/**
 * A pack's own tests (tests/*.yaml): answers to render with the pack, and text the output must and
 * must not hold. `backend-agent pack check` runs them, so a team's CI proves its pack composes.
 */
import * as z from 'zod/mini';
import type { Library } from '../library/index.js';
import { resolveAnswers } from '../answers/resolve.js';
import { generate } from '../generate.js';
import { InputError } from '../errors.js';
import { checkLocated, parseLocatedYaml, PackProblem } from './lines.js';
import { PackError, type PackFile } from './read.js';
import { PACK_TEST_DIR } from './skeleton.js';

const PackTestSchema = z.strictObject({
  answers: z._default(z.record(z.string(), z.unknown()), {}),
  expect: z.strictObject({
    /** Each must appear in some generated file. */
    contains: z._default(z.array(z.string().check(z.minLength(1))), []),
    /** None may appear in any generated file. */
    absent: z._default(z.array(z.string().check(z.minLength(1))), []),
  }),
});

export interface PackTestResult {
  file: string;
  failures: string[];
}

export function runPackTests(root: string, files: readonly PackFile[], lib: Library, date: string, toolVersion: string): PackTestResult[] {
  const tests = files.filter((f) => f.path.startsWith(`${PACK_TEST_DIR}/`) && f.path.endsWith('.yaml')).sort((a, b) => a.path.localeCompare(b.path));
  return tests.map((test) => {
    const file = `${root}/${test.path}`;
    let spec: z.infer<typeof PackTestSchema>;
    try {
      spec = checkLocated(PackTestSchema, parseLocatedYaml(test.text, file), file);
    } catch (error) {
      if (error instanceof PackProblem) throw new PackError([error.message]);
      throw error;
    }
    let tree: ReadonlyMap<string, string>;
    try {
      tree = generate(resolveAnswers([{ source: file, values: spec.answers }], lib).answers, { date, toolVersion, library: lib });
    } catch (error) {
      if (error instanceof InputError) return { file, failures: [error.message] };
      throw error;
    }
    const texts = [...tree].filter(([path]) => !path.startsWith('.backend-agent/'));
    const failures = [
      ...spec.expect.contains.filter((phrase) => !texts.some(([, text]) => text.includes(phrase))).map((phrase) => `no generated file contains "${phrase}"`),
      ...spec.expect.absent.flatMap((phrase) => texts.filter(([, text]) => text.includes(phrase)).map(([path]) => `${path} contains "${phrase}"`)),
    ];
    return { file, failures };
  });
}
