import { describe, expect, it } from 'vitest';
import { viewFromObject } from '../repo-view.js';
import { library } from '../library/index.js';
import { generate } from '../generate.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import { adrStatusOf, readAdrLog } from './adr-log.js';
import { markSuperseded, newAdr } from './adr-new.js';

const generated = Object.fromEntries(generate(answersWith({ service: { name: 'orders' } }), { date: TEST_DATE, toolVersion: '9.9.9' }));
const view = viewFromObject(generated);
const log = readAdrLog(view, 'docs/adr');
const request = { title: 'Use NATS for internal events', status: 'accepted', date: '2026-12-01', supersedes: [] as string[] };

describe('newAdr', () => {
  it('writes the next record in the layout both tools read', () => {
    const adr = newAdr(view, log, request, library);
    expect(adr).toMatchObject({ path: 'docs/adr/0003-use-nats-for-internal-events.md', number: 3, heading: '3. Use NATS for internal events', status: 'accepted' });
    expect(adr.edits).toHaveLength(1);
    const text = adr.edits[0]!.after;
    expect(text.split('\n').slice(0, 9)).toEqual(['# 3. Use NATS for internal events', '', '- Status: accepted', '- Date: 2026-12-01', '', '## Status', '', 'Accepted', '']);
    expect(text).toMatch(/## Context\n\n.+\n\n## Decision\n\n.+\n\n## Consequences\n\n.+\n$/);
    expect(adrStatusOf(text)).toBe('accepted');
  });

  it('supersedes a record in its status bullet and its Status section, linking both ways', () => {
    const adr = newAdr(view, log, { ...request, supersedes: ['2'] }, library);
    const [created, updated] = adr.edits;
    expect(created!.after).toContain('## Status\n\nAccepted\n\nSupersedes [2. Technology stack for orders](0002-technology-stack-for-orders.md)\n\n## Context');
    expect(updated!.path).toBe('docs/adr/0002-technology-stack-for-orders.md');
    expect(updated!.before).toBe(generated['docs/adr/0002-technology-stack-for-orders.md']);
    const after = updated!.after;
    expect(after).toContain('- Status: superseded by [0003-use-nats-for-internal-events](0003-use-nats-for-internal-events.md)\n');
    expect(after).toContain('## Status\n\nSuperseded by [3. Use NATS for internal events](0003-use-nats-for-internal-events.md)\n\n## Context');
    expect(adrStatusOf(after)).toBe('superseded');
    // Only the two status lines changed.
    const diff = after.split('\n').filter((line, i) => line !== updated!.before!.split('\n')[i]);
    expect(diff).toHaveLength(2);
  });

  it('accepts part of a file name as the reference, as adr-tools does', () => {
    expect(newAdr(view, log, { ...request, supersedes: ['technology-stack'] }, library).edits[1]!.path).toBe('docs/adr/0002-technology-stack-for-orders.md');
  });

  it.each([
    [{ title: '  ' }, /one non-empty line/],
    [{ title: 'a\nb' }, /one non-empty line/],
    [{ title: '!!!' }, /no letters or digits/],
    [{ status: 'approved' }, /Unknown ADR status "approved"\. Use one of accepted, proposed, draft, rejected, deprecated\./],
    [{ status: 'proposed', supersedes: ['2'] }, /A proposed record cannot supersede another/],
    [{ supersedes: ['9'] }, /No ADR "9" in docs\/adr\//],
    [{ supersedes: ['-'] }, /"-" matches 2 ADRs/],
  ])('rejects %j', (change, message) => {
    expect(() => newAdr(view, log, { ...request, ...change }, library)).toThrow(message);
  });

  it('refuses to supersede a record twice', () => {
    const superseded = { ...generated, 'docs/adr/0002-technology-stack-for-orders.md': newAdr(view, log, { ...request, supersedes: ['2'] }, library).edits[1]!.after };
    const again = viewFromObject(superseded);
    expect(() => newAdr(again, readAdrLog(again, 'docs/adr'), { ...request, supersedes: ['2'] }, library)).toThrow(/already superseded/);
  });

  it('names records by date, without a number, in a date-named log', () => {
    const dated = viewFromObject({ 'docs/adr/20240105-use-log4brains.md': '# Use log4brains\n\n- Status: accepted\n- Date: 2024-01-05\n\n## Status\n\nAccepted\n' });
    const adr = newAdr(dated, readAdrLog(dated, 'docs/adr'), { ...request, supersedes: ['use-log4brains'] }, library);
    expect(adr.path).toBe('docs/adr/20261201-use-nats-for-internal-events.md');
    expect(adr.number).toBeUndefined();
    expect(adr.edits[0]!.after.split('\n')[0]).toBe('# Use NATS for internal events');
    expect(adr.edits[1]!.after).toContain('- Status: superseded by [20261201-use-nats-for-internal-events](20261201-use-nats-for-internal-events.md)');
  });
});

describe('markSuperseded', () => {
  const by = { heading: '5. Use Y', file: '0005-use-y.md', madrId: 'ADR-0005' };

  it("replaces adr-tools' status word and keeps the section's other links", () => {
    const text = '# 2. Use X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\nAmended by [4. Tune X](0004-tune-x.md)\n\n## Context\n\nBecause.\n';
    expect(markSuperseded(text, by)).toBe('# 2. Use X\n\nDate: 2020-01-01\n\n## Status\n\nSuperseded by [5. Use Y](0005-use-y.md)\n\nAmended by [4. Tune X](0004-tune-x.md)\n\n## Context\n\nBecause.\n');
  });

  it('updates MADR frontmatter and keeps Windows line endings', () => {
    const text = '---\r\nstatus: accepted\r\ndate: 2024-01-01\r\n---\r\n# Use X\r\n\r\n## Context and Problem Statement\r\n';
    expect(markSuperseded(text, by)).toBe('---\r\nstatus: superseded by ADR-0005\r\ndate: 2024-01-01\r\n---\r\n# Use X\r\n\r\n## Context and Problem Statement\r\n');
  });

  it('keeps the final newline when the Status section ends the file', () => {
    expect(markSuperseded('# 1. X\n\n## Status\n\nAccepted\n', by)).toBe('# 1. X\n\n## Status\n\nSuperseded by [5. Use Y](0005-use-y.md)\n');
  });

  it('says so when a record has no status at all', () => {
    expect(markSuperseded('# 1. X\n\n## Context\n', by)).toBeUndefined();
  });
});
