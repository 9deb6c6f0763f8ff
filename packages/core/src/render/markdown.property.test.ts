/**
 * Property test: hostile text in every free-text answer (agent.title, agent.description,
 * service.team) and in an `add adr` title, superseding a record whose title was hostile too,
 * keeps every generated Markdown file clean under markdownlint's library API with this
 * repository's .markdownlint-cli2.jsonc, the README's promise.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/sync';
import { AGENT_FORMATS, AnswersSchema } from '../answers/schema.js';
import { generate } from '../generate.js';
import { library } from '../library/index.js';
import { viewFromObject } from '../repo-view.js';
import { readAdrLog } from '../docs/adr-log.js';
import { newAdr } from '../docs/adr-new.js';
import { TEST_DATE } from '../test-support/answers.js';
import { mdCell, mdCode, mdHeading, mdLinkText, mdText } from './markdown.js';

/** Lets vitest's worker answer its RPC between cases: a long synchronous property times it out (60 s) on a busy machine. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const CONFIG_FILE = fileURLToPath(new URL('../../../../.markdownlint-cli2.jsonc', import.meta.url));
// JSONC: the comments are whole lines.
const config = JSON.parse(readFileSync(CONFIG_FILE, 'utf8').replace(/^\s*\/\/.*$/gm, '')).config as Record<string, unknown>;

const HOSTILE = [
  '<example>', '</example>', '<b>', '<!--', '-->', '\t', '[x](y)', '[x]', '][', ')', '(', '|', '||', '\u2028', '\u2029', '\u0085',
  '\\', '`', '``', '*', '**', '_', '__', '#', '# ', ' #', '> ', '- ', '+ ', '* ', '1. ', '1) ', '=', '---', '***', 'https://example.com',
  'www.example.com', 'a@b.co', '&amp;', '&#35;', '~~', '$', '![](x)', '[x][y]', '[^1]', '  ', '\u00a0', '\r\n', '\n', '\n\n', '\u0000',
  '\u0007', '\ufeff', '.', '!', ':', ';', ',', '{{x}}', 'é', '日本語', '🙂', '<https://x.y>', '\\n', 'C#', 'snake_case',
];
const hostile = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 12 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
/** As the answers schema takes a title or a team: one line (the property is about what passes validation). */
const line = (max: number) => hostile.map((s) => s.replace(/[\r\n]+/g, ' ').slice(0, max));

function lintMarkdown(files: ReadonlyMap<string, string> | Array<[string, string]>): string[] {
  const strings = Object.fromEntries([...files].filter(([path]) => path.endsWith('.md')));
  const result = lint({ strings, config });
  return Object.entries(result).flatMap(([path, errors]) => errors.map((e) => `${path}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.errorDetail ?? ''} ${e.errorContext ?? ''}`));
}

let linted = 0;
// markdownlint takes seconds on a whole scaffold (about 400 KB): the main suite runs a few whole
// trees, vitest.slow.config.ts (run by .ci/run) many more.
const SCALE = Number(process.env.MARKDOWN_PROPERTY_SCALE ?? 1);
const WHOLE = 3 * SCALE;
const DOCS = 15 * SCALE;

describe('hostile free text keeps every generated Markdown file markdownlint-clean (property)', () => {
  it(`every format and document, from hostile title, description and team (${WHOLE} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(line(80), hostile, line(80), async (title, description, team) => {
        await breathe();
        const answers = AnswersSchema.parse({ agent: { title, description }, service: { team }, outputs: { formats: [...AGENT_FORMATS] } });
        const tree = generate(answers, { date: TEST_DATE, toolVersion: '0.0.0' });
        expect(lintMarkdown(tree)).toEqual([]);
        linted += [...tree.keys()].filter((p) => p.endsWith('.md')).length;
      }),
      { numRuns: WHOLE },
    );
  }, 600_000);

  it(`the docs alone, from a hostile team (${DOCS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(line(80), async (team) => {
        await breathe();
        const answers = AnswersSchema.parse({ service: { team }, outputs: { formats: ['plain'] } });
        const tree = generate(answers, { date: TEST_DATE, toolVersion: '0.0.0' });
        expect(lintMarkdown(tree)).toEqual([]);
        linted += [...tree.keys()].filter((p) => p.endsWith('.md')).length;
      }),
      { numRuns: DOCS },
    );
  }, 600_000);

  it('add adr with a hostile title, superseding a record with a hostile title (200 cases)', () => {
    const base = Object.fromEntries(generate(AnswersSchema.parse({}), { date: TEST_DATE, toolVersion: '0.0.0' }));
    const titled = hostile.map((s) => s.replace(/[\r\n]+/g, ' ').trim().slice(0, 200)).filter((s) => /[a-z0-9]/i.test(s));
    fc.assert(
      fc.property(titled, titled, (first, second) => {
        const view = viewFromObject(base);
        const a = newAdr(view, readAdrLog(view, 'docs/adr'), { title: first, status: 'accepted', date: TEST_DATE, supersedes: [] }, library);
        const withA = { ...base, [a.path]: a.edits[0]!.after };
        const viewA = viewFromObject(withA);
        const b = newAdr(viewA, readAdrLog(viewA, 'docs/adr'), { title: second, status: 'accepted', date: TEST_DATE, supersedes: ['3'] }, library);
        const files = b.edits.map((e) => [e.path, e.after] as [string, string]);
        expect(lintMarkdown([[a.path, a.edits[0]!.after], ...files])).toEqual([]);
        linted += 1 + files.length;
      }),
      { numRuns: 200 },
    );
    console.info(`markdownlint property test: ${linted} generated Markdown files linted`);
  });

  it('each escaping function keeps its context intact, in one line (300 cases)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const heading = mdHeading(text);
        const doc = [
          `# ${heading === '' ? 'Title' : heading}`,
          '',
          `Paragraph: ${mdText(text) || 'x'}`,
          '',
          `${mdText(text) || 'x'}`,
          '',
          `- Item: ${mdText(text) || 'x'}`,
          '',
          '| Key | Value |',
          '| --- | --- |',
          `| a | ${mdCell(text) || 'x'} |`,
          '',
          `See [${mdLinkText(text) || 'x'}](target.md) and ${mdCode(text) || '`x`'}.`,
          '',
        ].join('\n');
        expect(lintMarkdown([['escape.md', doc]])).toEqual([]);
        for (const out of [heading, mdText(text), mdCell(text), mdLinkText(text), mdCode(text)]) expect(out).not.toMatch(/[\n\r\u2028\u2029\t]/);
      }),
      { numRuns: 300 },
    );
  });
});
