import { describe, expect, it } from 'vitest';
import { brotliCompressSync } from 'node:zlib';
import { decodeBases, encodeBases } from './bases.js';
import { sha256 } from '../hash.js';

const recordsOf = (bases: ReadonlyMap<string, string>) => Object.fromEntries([...bases].map(([p, c]) => [p, sha256(c)]));

describe('the bases file format', () => {
  it('round-trips any content: line breaks, digits on lines of their own, empty files, characters outside the BMP', () => {
    const bases = new Map([
      ['docs/runbooks/orders.md', '# Orders\n\n12\nnot a length\n\n'],
      ['AGENTS.md', ''],
      ['docs/adr/0001-x.md', 'emoji 🚀 and ü\r\nwindows lines\n3\n'],
      ['a/b.md', '\n\n\n'],
    ]);
    const text = encodeBases(bases);
    expect(text.split('\n')[0]).toMatch(/^create-backend-agent merge bases v2: /);
    expect(decodeBases(text, recordsOf(bases))).toEqual(bases);
    // Same bases in any order, same bytes.
    expect(encodeBases(new Map([...bases].reverse()))).toBe(text);
  });

  it('still reads the first format (one JSON object) that earlier versions wrote', () => {
    const bases = new Map([['docs/runbooks/orders.md', '# Orders\n'], ['AGENTS.md', 'block\n']]);
    const v1 = `create-backend-agent merge bases v1: what the tool last wrote, brotli-compressed JSON in base64 (docs/updates.md). Commit it with manifest.json; do not edit.\n${brotliCompressSync(Buffer.from(JSON.stringify({ files: Object.fromEntries(bases) }))).toString('base64')}\n`;
    expect(decodeBases(v1, recordsOf(bases))).toEqual(bases);
  });

  it('gives null for a file that is not one, and drops a base whose hash is not the recorded one', () => {
    const bases = new Map([['a.md', 'one\n'], ['b.md', 'two\n']]);
    const text = encodeBases(bases);
    expect(decodeBases(text, { ...recordsOf(bases), 'b.md': 'sha256-0' })).toEqual(new Map([['a.md', 'one\n']]));
    const framedBadly = (body: string) => `${text.split('\n')[0]}\n${brotliCompressSync(Buffer.from(body)).toString('base64')}\n`;
    expect(decodeBases(framedBadly('a.md\n4\none\n\n'), recordsOf(bases))).toEqual(new Map([['a.md', 'one\n']]));
    expect(decodeBases(framedBadly('a.md\n9\none\n\n'), recordsOf(bases))).toBeNull(); // a length past the end
    expect(decodeBases(framedBadly('a.md\nfour\none\n\n'), recordsOf(bases))).toBeNull();
    expect(decodeBases(framedBadly('a.md\n4\none\n'), recordsOf(bases))).toBeNull(); // no line break after the content
    expect(decodeBases(framedBadly('a.md\n4'), recordsOf(bases))).toBeNull();
    expect(decodeBases(`some other tool's header\n${text.split('\n').slice(1).join('\n')}`, recordsOf(bases))).toBeNull();
  });
});
