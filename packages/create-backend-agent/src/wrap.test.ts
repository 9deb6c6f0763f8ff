import { describe, expect, it } from 'vitest';
import { fitWidth } from './wrap.js';

const entry = `  backend-agent lint [paths] [--json]    check agent files of every supported tool and format`;

describe('fitWidth', () => {
  it('leaves a line that fits alone', () => {
    expect(fitWidth('  -y, --yes   defaults', 80)).toBe('  -y, --yes   defaults');
  });

  it('hangs continuation lines under the description column while it leaves room for text', () => {
    const lines = fitWidth(entry, 80).split('\n');
    expect(lines.length).toBe(2);
    expect(lines[1]).toMatch(/^ {41}\S/);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
  });

  it('falls back to a short indent in a terminal too narrow for the hang', () => {
    const lines = fitWidth(entry, 60).split('\n');
    expect(lines.slice(1).every((l) => /^ {4}\S/.test(l))).toBe(true);
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(entry.replace(/\s+/g, ' ').trim());
  });
});
