import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { terminalPager } from './pager.js';

const capture = () => {
  const lines: string[] = [];
  return { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), lines };
};

describe('terminalPager', () => {
  const long = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');

  it('prints a difference that fits on the screen', async () => {
    const output = capture();
    await terminalPager(output, 40, { PAGER: 'false' })(long);
    expect(output.lines).toEqual([long]);
  });

  it('pages one taller than the screen through $PAGER', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pager-')), 'paged.txt');
    const output = capture();
    await terminalPager(output, 10, { PAGER: `cat > ${file}` })(long);
    expect(await readFile(file, 'utf8')).toBe(long);
    expect(output.lines).toEqual([]);
  });

  it('prints it after all when the pager cannot run', async () => {
    const output = capture();
    await terminalPager(output, 10, { PAGER: 'no-such-pager-here' })(long);
    expect(output.lines).toEqual([long]);
  });
});
