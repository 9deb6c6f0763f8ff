import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT } from './exit-codes.js';
import { helpText } from './help.js';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

describe('exit codes', () => {
  it('the README table covers every code the tool returns, the lock and the file system included', () => {
    const section = readme.slice(readme.indexOf('### Exit codes'), readme.indexOf('### Answers'));
    const documented = [...section.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(documented.sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
    expect(section).toMatch(/\| 5 \| Another run holds the target's lock/);
  });

  it('--help lists every code too', () => {
    for (const code of Object.values(EXIT)) expect(helpText()).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
  });
});
