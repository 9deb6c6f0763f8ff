/**
 * YAML for every reader: a string in generated frontmatter reads back as the same string in
 * gray-matter (js-yaml, the YAML 1.1 family with PyYAML) and in the yaml package in 1.1 and in 1.2
 * mode, whatever the answers hold: dates, yes/on/off, null, ~, 1e3, sexagesimal 1:20…
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { AGENT_FORMATS, AnswersSchema } from '../answers/schema.js';
import { generate } from '../generate.js';
import { splitFrontmatter } from '../lint/parse.js';
import { TEST_DATE } from '../test-support/answers.js';
import { HYPHENATED, PROSE, frontmatter, misreadBySomeReader, plainIsAmbiguous } from './yaml.js';

/** Lets vitest's worker answer its RPC between cases: a long synchronous property times it out (60 s) on a busy machine. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const AMBIGUOUS = [
  '2026-11-20', '2026-11-20T10:00:00Z', '2026-1-2', 'yes', 'Yes', 'YES', 'no', 'NO', 'on', 'On', 'off', 'OFF', 'y', 'n', 'Y', 'N',
  'true', 'False', 'null', 'Null', '~', '1e3', '1E3', '-1e-3', '1:20', '12:30:45', '-1:30', '190:20:30.15', '1_000', '0b1010',
  '0x1F', '0o17', '017', '.inf', '-.Inf', '.NaN', '+1', '1.5', '3', '=', '<<',
];
/** Valid slugs (agent and service names, collaborators) that a YAML 1.1 reader takes for other types. */
const AMBIGUOUS_SLUGS = ['2026-11-20', 'yes', 'off', 'null', '1-2', '123', '0b1', 'nan', '0x1f', '017'];

const readers = (text: string) => {
  const yaml = splitFrontmatter(text).frontmatter!;
  return {
    grayMatter: JSON.parse(JSON.stringify(matter(text, {}).data)),
    yaml11: parse(yaml, { version: '1.1' }),
    yaml12: parse(yaml),
  };
};

describe('frontmatter strings read the same in every YAML reader', () => {
  it.each(AMBIGUOUS)('quotes %j', (value) => {
    expect(plainIsAmbiguous(value)).toBe(true);
    const text = `${frontmatter({ key: value, list: [value], nested: { deep: value } })}\n`;
    const { grayMatter, yaml11, yaml12 } = readers(text);
    const meant = { key: value, list: [value], nested: { deep: value } };
    expect(grayMatter).toEqual(meant);
    expect(yaml11).toEqual(meant);
    expect(yaml12).toEqual(meant);
  });

  it('decides prose, slugs and broken plain scalars without a parser, always as the parsers do (property, 3,000 cases)', () => {
    // Letters, digits, spaces and every YAML indicator, so the shortcut's edges are reached.
    const char = fc.oneof(
      { arbitrary: fc.constantFrom('a', 'Z', 'y', 'n', 'N', ' ', ' ', '-'), weight: 3 },
      { arbitrary: fc.constantFrom(...'0 1.-_,\'"`!&*|>%@?=<~()/+\\:#[]{}\t'.split('')), weight: 1 },
    );
    const candidate = fc.tuple(fc.constantFrom('a', 'Y', 'n', 'O', 'T'), fc.array(char, { maxLength: 14 })).map(([head, tail]) => head + tail.join(''));
    let shortcut = 0;
    fc.assert(
      fc.property(candidate, (text) => {
        if (plainIsAmbiguous(text) !== misreadBySomeReader(text)) {
          throw new Error(`plainIsAmbiguous(${JSON.stringify(text)}) differs from the parsers`);
        }
        if (PROSE.test(text) || HYPHENATED.test(text) || /: | #|:$/.test(text)) shortcut += 1;
      }),
      { numRuns: 3000 },
    );
    expect(shortcut).toBeGreaterThan(600);
  });

  it('leaves plain what every reader reads as the same string', () => {
    for (const value of ['backend-staff', 'Read, Grep', 'inherit', 'subagent', 'a b c', 'v1.2.3']) expect(plainIsAmbiguous(value), value).toBe(false);
    expect(frontmatter({ name: 'backend-staff' })).toBe('---\nname: backend-staff\n---\n');
  });

  it('every generated frontmatter of every format, from hostile answers (property, 60 cases)', async () => {
    const text = fc.oneof(fc.constantFrom(...AMBIGUOUS), fc.string({ maxLength: 12 }));
    const slug = fc.constantFrom(...AMBIGUOUS_SLUGS, 'backend-staff');
    let files = 0;
    await fc.assert(
      fc.asyncProperty(text, text, text, slug, slug, slug, async (title, description, team, name, service, escalates) => {
        await breathe();
        const answers = AnswersSchema.parse({
          agent: { name, title: title.replace(/[\r\n]/g, ' '), description },
          service: { name: service, team: team.replace(/[\r\n]/g, ' ') },
          collaboration: { escalatesTo: [escalates] },
          outputs: { formats: [...AGENT_FORMATS] },
        });
        const tree = generate(answers, { date: TEST_DATE, toolVersion: '0.0.0' });
        for (const [path, content] of tree) {
          if (!/\.(md|mdc)$/.test(path) || splitFrontmatter(content).frontmatter === null) continue;
          const { grayMatter, yaml11, yaml12 } = readers(content);
          expect(grayMatter, path).toEqual(yaml12);
          expect(yaml11, path).toEqual(yaml12);
          files++;
        }
      }),
      { numRuns: 60 },
    );
    expect(files).toBeGreaterThan(60 * 6);
  }, 300_000);
});
