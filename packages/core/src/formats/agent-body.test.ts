import { describe, expect, it } from 'vitest';
import { library } from '../library/index.js';
import { buildContext } from '../render/context.js';
import { budgetFacets } from '../render/budget.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import { renderSections, shiftHeadings } from './agent-body.js';

describe('sections', () => {
  it('renders each chosen block once, with no empty section', () => {
    const sections = renderSections(buildContext(answersWith(), library, TEST_DATE), library);
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) expect(s.body, s.id).toMatch(/\S/);
    expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
  });
});

describe('the core budget', () => {
  const all = buildContext(answersWith(), library, TEST_DATE).stack.all;

  it('gives every technology its leading practice before any gets a pitfall or a second practice', () => {
    const counts = budgetFacets(all, all.length + 1);
    expect([...counts.values()].every((c) => c.practices === 1)).toBe(true);
    expect([...counts.values()].reduce((n, c) => n + c.pitfalls, 0)).toBe(1);
    expect(counts.get(all[0]!.id)).toEqual({ practices: 1, pitfalls: 1 });
  });

  it('never takes more than the caps, and nothing at zero', () => {
    const counts = budgetFacets(all, 10_000);
    expect([...counts.values()].every((c) => c.practices <= 3 && c.pitfalls <= 2)).toBe(true);
    expect([...budgetFacets(all, 0).values()].every((c) => c.practices === 0 && c.pitfalls === 0)).toBe(true);
  });
});

describe('helpers', () => {
  it('shiftHeadings moves headings down, not inside code fences, and stops at level 6', () => {
    expect(shiftHeadings('# A\n\n```\n# comment\n```\n\n###### F\ntext # not\n#hashtag', 1)).toBe('## A\n\n```\n# comment\n```\n\n###### F\ntext # not\n#hashtag');
    expect(shiftHeadings('# a\u2028b', 1)).toBe('## a\u2028b');
  });
});
