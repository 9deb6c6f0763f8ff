import { describe, expect, it } from 'vitest';
import { viewFromObject } from '../repo-view.js';
import { adrNamingText, adrStatusOf, findAdrLog, readAdrLog } from './adr-log.js';

const record = (n: string, title: string, status = 'accepted') => `# ${Number(n)}. ${title}\n\n- Status: ${status}\n- Date: 2025-01-0${Number(n) % 9 || 1}\n\n## Status\n\n${status}\n`;

describe('findAdrLog', () => {
  it('finds nothing in a repository without a log', () => {
    expect(findAdrLog(viewFromObject({ 'README.md': '# x\n', 'docs/guide.md': '# g\n' }))).toBeUndefined();
  });

  it('follows .adr-dir first, even to an empty folder', () => {
    const log = findAdrLog(viewFromObject({ '.adr-dir': './architecture/decisions/\n', 'doc/adr/0001-a.md': record('1', 'A') }));
    expect(log).toMatchObject({ dir: 'architecture/decisions', source: '.adr-dir', highest: 0, records: [], naming: { kind: 'number', width: 4 } });
  });

  it("reads log4brains' adrFolder when there is no .adr-dir", () => {
    const log = findAdrLog(viewFromObject({
      '.log4brains.yml': 'project:\n  name: shop\n  tz: Europe/Paris\n  adrFolder: ./docs/architecture\n',
      'docs/architecture/20240131-use-markdown.md': '# Use Markdown\n\n- Status: accepted\n',
      'docs/architecture/index.md': '# Index\n',
      'docs/adr/0001-other.md': record('1', 'Other'),
    }));
    expect(log).toMatchObject({ dir: 'docs/architecture', source: '.log4brains.yml', naming: { kind: 'date' }, highest: 0 });
    expect(log!.records.map((r) => r.slug)).toEqual(['use-markdown']);
  });

  it('ignores a config that points outside the repository and falls back to the folders', () => {
    const log = findAdrLog(viewFromObject({ '.adr-dir': '../elsewhere\n', 'docs/decisions/0000-use-madr.md': '---\nstatus: accepted\n---\n# Use MADR\n' }));
    expect(log).toMatchObject({ dir: 'docs/decisions', source: 'folder', highest: 0, naming: { kind: 'number', width: 4 } });
    expect(log!.records[0]).toMatchObject({ number: 0, slug: 'use-madr', status: 'accepted' });
  });

  it.each([
    ['doc/adr', 'doc/adr/0003-c.md'],
    ['docs/adr', 'docs/adr/0003-c.md'],
    ['docs/decisions', 'docs/decisions/0003-c.md'],
    ['adr', 'adr/0003-c.md'],
  ])('finds a log in %s', (dir, file) => {
    expect(findAdrLog(viewFromObject({ [file]: record('3', 'C') }))).toMatchObject({ dir, highest: 3 });
  });

  it('prefers doc/adr (adr-tools) over docs/adr when both hold records', () => {
    expect(findAdrLog(viewFromObject({ 'docs/adr/0009-b.md': record('9', 'B'), 'doc/adr/0001-a.md': record('1', 'A') }))?.dir).toBe('doc/adr');
  });
});

describe('readAdrLog', () => {
  it('reads width, highest number and statuses of a 4-digit log, skipping non-records and subfolders', () => {
    const files: Record<string, string> = {
      'docs/adr/README.md': '# Decisions\n',
      'docs/adr/templates/template.md': '# NUMBER. TITLE\n',
      'docs/adr/0010-j.md': record('10', 'J', 'superseded by [0011-k](0011-k.md)'),
      'docs/adr/0011-k.md': record('11', 'K'),
      'docs/adr/0002-b.md': '# 2. B\n\nDate: 2020-01-01\n\n## Status\n\nSuperseded by [11. K](0011-k.md)\n',
    };
    const log = readAdrLog(viewFromObject(files), 'docs/adr');
    expect(log.naming).toEqual({ kind: 'number', width: 4 });
    expect(log.highest).toBe(11);
    expect(log.records.map((r) => [r.number, r.status])).toEqual([[2, 'superseded'], [10, 'superseded'], [11, 'accepted']]);
  });

  it('keeps the width of a 3-digit log and of an unpadded one', () => {
    const three = readAdrLog(viewFromObject({ 'adr/001-a.md': record('1', 'A'), 'adr/012-l.md': record('12', 'L') }), 'adr');
    expect(three).toMatchObject({ naming: { kind: 'number', width: 3 }, highest: 12 });
    const unpadded = readAdrLog(viewFromObject({ 'adr/1-a.md': record('1', 'A'), 'adr/12-l.md': record('12', 'L') }), 'adr');
    expect(unpadded).toMatchObject({ naming: { kind: 'number', width: 1 }, highest: 12 });
  });

  it('is an empty log with the default naming when the folder holds no records', () => {
    expect(readAdrLog(viewFromObject({}), 'docs/adr/')).toEqual({ dir: 'docs/adr', source: 'folder', naming: { kind: 'number', width: 4 }, highest: 0, records: [] });
  });

  it('remembers the folder an existing .adr-dir names', () => {
    expect(readAdrLog(viewFromObject({ '.adr-dir': 'docs/adr' }), 'docs/adr').adrToolsDir).toBe('docs/adr');
  });
});

describe('adrStatusOf', () => {
  it.each([
    ['# 1. A\n\n- Status: Superseded by [0002-b](0002-b.md)\n- Date: 2020-01-01\n\n## Status\n\nAccepted\n', 'superseded'],
    ['# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nDeprecated\n\n## Context\n', 'deprecated'],
    ['---\nstatus: "proposed"\ndate: 2024-01-01\n---\n# Use X\n\n## Context and Problem Statement\n', 'proposed'],
    ['# A\n\n## Context\n\nNo status anywhere.\n', undefined],
  ])('reads %j', (text, status) => {
    expect(adrStatusOf(text)).toBe(status);
  });
});

describe('adrNamingText', () => {
  it('says how files are named, in words', () => {
    expect(adrNamingText({ kind: 'number', width: 4 })).toEqual({ filePattern: 'NNNN-title-in-kebab-case.md', numberingRule: 'numbered one past the highest number already there, four digits wide' });
    expect(adrNamingText({ kind: 'number', width: 3 }).filePattern).toBe('NNN-title-in-kebab-case.md');
    expect(adrNamingText({ kind: 'date' }).filePattern).toBe('YYYYMMDD-title-in-kebab-case.md');
  });
});
