import { describe, expect, it } from 'vitest';
import { library } from '../library/index.js';
import { buildContext } from '../render/context.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import { CONDENSE_LADDER, condenseSection, condenseSections, firstSentence, renderSections, renderToFit, shiftHeadings, type Section } from './agent-body.js';

const section: Section = {
  id: 'data',
  title: 'Database engineering',
  body: [
    'The datastores here are PostgreSQL and Redis. Give each one a stated job.',
    '- one\n- two\n- three',
    'A closing paragraph that condensing drops.',
    '### PostgreSQL',
    '- pg one\n- pg two',
    '### Redis',
    'Lead of a sub-section.',
    '1. redis one\n2. redis two\n   continued line of redis two\n3. redis three',
  ].join('\n\n'),
};

describe('condenseSection', () => {
  it('keeps the lead, the first items of the first list, and the first items of each sub-section', () => {
    expect(condenseSection(section, { items: 2, subItems: 2, leadSentence: false }).body).toBe(
      [
        'The datastores here are PostgreSQL and Redis. Give each one a stated job.',
        '- one\n- two',
        '### PostgreSQL',
        '- pg one\n- pg two',
        '### Redis',
        '1. redis one\n2. redis two\n   continued line of redis two',
      ].join('\n\n'),
    );
  });

  it('drops sub-sections at subItems 0 and cuts the lead to its first sentence when asked', () => {
    expect(condenseSection(section, { items: 0, subItems: 0, leadSentence: true }).body).toBe('The datastores here are PostgreSQL and Redis.');
  });

  it('keeps one item under a lead that introduces its list', () => {
    const intro: Section = { id: 'x', title: 'X', body: 'Do a design pass when the work involves any of these:\n\n- a new contract\n- a hot table' };
    expect(condenseSection(intro, { items: 0, subItems: 0, leadSentence: false }).body).toBe('Do a design pass when the work involves any of these:\n\n- a new contract');
  });

  it('keeps one item of a section that has no lead, so it never vanishes', () => {
    const listOnly: Section = { id: 'y', title: 'Y', body: '- first\n- second\n\n### Sub\n\n- sub item' };
    expect(condenseSection(listOnly, { items: 0, subItems: 0, leadSentence: true }).body).toBe('- first');
  });

  it('never splits a fenced code block', () => {
    const fenced: Section = { id: 'f', title: 'F', body: 'Lead.\n\n```sh\n# not a heading\n\n- not a list\n```\n\n- item' };
    expect(condenseSection(fenced, { items: 1, subItems: 0, leadSentence: false }).body).toBe('Lead.\n\n- item');
  });
});

describe('the condensing ladder on the real agent', () => {
  const context = buildContext(answersWith(), library, TEST_DATE);
  const sections = renderSections(context, library);
  const size = (s: readonly Section[]) => s.reduce((n, x) => n + x.body.length, 0);

  it('shrinks at every step and keeps every section', () => {
    let previous = size(sections);
    for (const detail of CONDENSE_LADDER) {
      const condensed = condenseSections(sections, detail);
      expect(condensed.map((s) => s.title)).toEqual(sections.map((s) => s.title));
      expect(size(condensed)).toBeLessThanOrEqual(previous);
      previous = size(condensed);
    }
    expect(previous).toBeLessThan(size(sections) / 5);
  });

  it('renderToFit returns the whole text when it fits, else the most detailed step that does', () => {
    const render = (s: readonly Section[]) => s.map((x) => x.body).join('\n');
    expect(renderToFit(render, sections, () => true)).toMatchObject({ step: -1, fits: true });
    const limit = size(condenseSections(sections, CONDENSE_LADDER[3]!)) + 100;
    const fitted = renderToFit(render, sections, (t) => t.length <= limit);
    expect(fitted).toMatchObject({ step: 3, fits: true });
    expect(renderToFit(render, sections, () => false)).toMatchObject({ step: CONDENSE_LADDER.length - 1, fits: false });
  });
});

describe('helpers', () => {
  it('firstSentence stops at the first full stop followed by a space', () => {
    expect(firstSentence('Use `a.b` here. Then more.')).toBe('Use `a.b` here.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });

  it('shiftHeadings moves headings down, not inside code fences, and stops at level 6', () => {
    expect(shiftHeadings('# A\n\n```\n# comment\n```\n\n###### F\ntext # not\n#hashtag', 1)).toBe('## A\n\n```\n# comment\n```\n\n###### F\ntext # not\n#hashtag');
    expect(shiftHeadings('# a\u2028b', 1)).toBe('## a\u2028b');
  });
});
