/**
 * Issue 11, item 4: a core item that says nothing a capable model would not do anyway is flagged.
 * Two checks: the kinds of general material dropped from the library (docs/content-model.md) never
 * come back, and every list item of the core, on the three reference stacks, names something of the
 * answers (a technology, a figure, a path or a code span) rather than generic advice.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES_DIR } from './library-source.js';
import { generate } from '../src/generate.js';
import { THREE_STACKS } from '../src/test-support/stacks.js';
import { buildContext } from '../src/render/context.js';
import { library } from '../src/library/index.js';

const DATE = '2026-11-21';

/** Marks of the dropped kinds, one per kind (docs/content-model.md, "Dropped as general knowledge"). */
export const DROPPED_MARKS: ReadonlyArray<[kind: string, mark: RegExp]> = [
  ['restated clean-code basics', /intention-revealing names|small functions with one job|dead or commented-out code/i],
  ['change hygiene', /separate refactoring from behaviour changes/i],
  ['review etiquette', /holding a change hostage/i],
  ['communication etiquette', /raise risks and concerns as soon|estimates only with their assumptions/i],
  ['generic implementation steps', /tests written alongside the code|optimise iteratively against measurements/i],
  ['a catalogue of debugging tools', /a debugger for logic/i],
  ['vacuous checklist items', /security implications have been considered|follows the project's conventions and patterns/i],
  ['ranking quality attributes in the abstract', /rank the quality attributes/i],
  ['the condensed-form note', /condensed form of the agent/i],
];

const libraryText = (folder: string) => readdirSync(join(TEMPLATES_DIR, folder)).map((f) => [`${folder}/${f}`, readFileSync(join(TEMPLATES_DIR, folder, f), 'utf8')] as const);

describe('general knowledge stays out', () => {
  it('no block, skill or layout carries a kind of material dropped as general knowledge', () => {
    const offenders = [...libraryText('blocks'), ...libraryText('skills'), ...libraryText('layouts')].flatMap(([file, text]) =>
      DROPPED_MARKS.filter(([, mark]) => mark.test(text)).map(([kind]) => `${file}: ${kind}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the check catches a dropped kind put back', () => {
    expect(DROPPED_MARKS.some(([, mark]) => mark.test('Prefer intention-revealing names.'))).toBe(true);
  });

  for (const [name, answers] of Object.entries(THREE_STACKS)) {
    it(`${name}: every list item of the core names something of the answers`, () => {
      const core = generate(answers, { date: DATE, toolVersion: '0.0.0' }).get(`.claude/agents/${answers.agent.name}.md`)!;
      const names = buildContext(answers, library, DATE).stack.all.map((f) => f.name);
      const specific = (line: string) => /`|\d/.test(line) || names.some((n) => line.includes(n)) || line.includes(answers.service.name);
      const body = core.replace(/^---\n[\s\S]*?\n---\n/, '');
      // Items under a technology's heading ("### PostgreSQL") are that technology's rules.
      let heading = '';
      const general = body.split('\n').filter((l) => {
        if (l.startsWith('#')) heading = l;
        return /^(- |\d+\. )/.test(l) && !specific(l) && !names.some((n) => heading === `### ${n}`);
      });
      expect(general).toEqual([]);
    });
  }
});
