import { describe, expect, it } from 'vitest';
import { planChanges, summarize } from './plan.js';
import { makeTree } from '../tree.js';
import { sha256 } from '../hash.js';
import { MANIFEST_PATH } from '../paths.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import type { Manifest } from '../manifest.js';

const manifest = (files: Record<string, string>): Manifest => ({
  manifestVersion: 1,
  tool: { name: 'create-backend-agent', version: '0.0.0' },
  date: TEST_DATE,
  answers: answersWith(),
  files: Object.fromEntries(Object.entries(files).map(([p, c]) => [p, sha256(c)])),
});

describe('planChanges', () => {
  const tree = makeTree([
    ['new.md', 'new\n'],
    ['same.md', 'same\n'],
    ['ours.md', 'v2\n'],
    ['edited.md', 'v2\n'],
    ['theirs.md', 'generated\n'],
    [MANIFEST_PATH, '{"new":true}\n'],
  ]);
  const disk = new Map<string, string | null>([
    ['new.md', null],
    ['same.md', 'same\n'],
    ['ours.md', 'v1\n'],
    ['edited.md', 'v1 plus my notes\n'],
    ['theirs.md', 'written by a person\n'],
    [MANIFEST_PATH, '{"old":true}\n'],
  ]);
  const plan = planChanges(tree, disk, manifest({ 'same.md': 'same\n', 'ours.md': 'v1\n', 'edited.md': 'v1\n' }));
  const kind = (path: string) => plan.changes.find((c) => c.path === path);

  it('classifies each file', () => {
    expect(kind('new.md')).toMatchObject({ kind: 'create', before: null });
    expect(kind('same.md')).toMatchObject({ kind: 'unchanged' });
    expect(kind('ours.md')).toMatchObject({ kind: 'update', before: 'v1\n', after: 'v2\n' });
    expect(kind('edited.md')).toMatchObject({ kind: 'conflict', reason: 'edited' });
    expect(kind('theirs.md')).toMatchObject({ kind: 'conflict', reason: 'unmanaged' });
    expect(kind(MANIFEST_PATH)).toMatchObject({ kind: 'update' });
    expect(summarize(plan)).toEqual({ create: 1, update: 2, unchanged: 1, conflict: 2 });
  });

  it('treats every existing file as unmanaged when there is no manifest', () => {
    const bare = planChanges(makeTree([['a.md', 'x\n']]), new Map([['a.md', 'y\n']]), null);
    expect(bare.changes[0]).toMatchObject({ kind: 'conflict', reason: 'unmanaged' });
  });
});
