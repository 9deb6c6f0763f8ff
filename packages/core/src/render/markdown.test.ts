import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tidyMarkdown } from './markdown.js';

/** What tidyMarkdown promises, written as the regexes it once was: the oracle the loop must match. */
const byRegex = (text: string) =>
  text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '\n');

describe('tidyMarkdown', () => {
  it('trims trailing spaces and tabs, keeps one blank line between blocks and one final newline', () => {
    expect(tidyMarkdown('\n\n# T  \r\n\r\n\r\n\ttext\t \n \n\n- a\u00a0\n\n\n')).toBe('# T\n\n\ttext\n\n- a\u00a0\n');
    expect(tidyMarkdown('')).toBe('\n');
  });

  it('matches its regex definition on any mix of lines, spaces, tabs and line ends (property)', () => {
    const piece = fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', '\u00a0', 'a', '# h', '```', '');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => tidyMarkdown(text) === byRegex(text)), { numRuns: 2000 });
  });
});
