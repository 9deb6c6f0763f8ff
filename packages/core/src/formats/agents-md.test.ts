import { describe, expect, it } from 'vitest';
import { generate } from '../generate.js';
import { parseManifest } from '../manifest.js';
import { planChanges } from '../plan/plan.js';
import { sha256 } from '../hash.js';
import { MANIFEST_PATH } from '../paths.js';
import { InputError } from '../errors.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import { BEGIN_MARKER, END_MARKER, findBlock, NEW_FILE_HEADER, ownedContent, upsertBlock, wrapBlock } from './agents-md.js';

const block = wrapBlock('## Agent\n\nBody.\n');
const opts = { date: TEST_DATE, toolVersion: '9.9.9' };
const answers = answersWith({ outputs: { formats: ['agents-md'], docs: { adr: false, runbook: false, testStrategy: false } } });

describe('upsertBlock', () => {
  it('creates a file with a title when there is none', () => {
    expect(upsertBlock(null, block)).toBe(NEW_FILE_HEADER + block);
  });

  it('appends to a file without markers, with one blank line between', () => {
    expect(upsertBlock('', block)).toBe(block);
    expect(upsertBlock('# Mine\nText', block)).toBe(`# Mine\nText\n\n${block}`);
    expect(upsertBlock('# Mine\n', block)).toBe(`# Mine\n\n${block}`);
    expect(upsertBlock('# Mine\n\n', block)).toBe(`# Mine\n\n${block}`);
  });

  it('replaces only what lies between the markers', () => {
    const before = '# Mine\r\n\r\nKeep  this\r\n\n';
    const after = '\nAnd this, after.\n\n';
    const existing = `${before}${BEGIN_MARKER}\nold\n${END_MARKER}\n${after}`;
    expect(upsertBlock(existing, block)).toBe(before + block + after);
    // A block at the very end of a file without a final newline is still replaced whole.
    expect(upsertBlock(`${before}${BEGIN_MARKER}\nold\n${END_MARKER}`, block)).toBe(before + block);
  });

  it.each([
    ['an end marker but no begin marker', `x\n${END_MARKER}\n`],
    ['a begin marker but no end marker', `x\n${BEGIN_MARKER}\n`],
    ['2 begin and 1 end markers', `${BEGIN_MARKER}\n${BEGIN_MARKER}\n${END_MARKER}\n`],
    ['its end marker above its begin marker', `${END_MARKER}\n${BEGIN_MARKER}\n`],
  ])('rejects a file with %s in one line', (problem, text) => {
    const attempt = () => findBlock(text);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(`AGENTS.md has ${problem} of the backend-agent block.`);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('AGENTS.md in generate, the manifest and the plan', () => {
  const mine = '# Orders\n\nOur own rules.\n';

  it('keeps the user text around the block and hashes only the block in the manifest', () => {
    const tree = generate(answers, { ...opts, agentsMd: `${mine}\n${BEGIN_MARKER}\nold\n${END_MARKER}\nAfter.\n` });
    const file = tree.get('AGENTS.md')!;
    expect(file.startsWith(`${mine}\n<!-- backend-agent:begin`)).toBe(true);
    expect(file.endsWith(`${END_MARKER}\nAfter.\n`)).toBe(true);
    const manifest = parseManifest(tree.get(MANIFEST_PATH)!);
    expect(manifest.files['AGENTS.md']).toBe(sha256(ownedContent('AGENTS.md', file)!));
    expect(manifest.files['AGENTS.md']).not.toBe(sha256(file));
  });

  it('plans edits outside the block as an update, edits inside it (without a base) as a conflict', () => {
    const first = generate(answers, { ...opts, agentsMd: mine });
    const manifest = parseManifest(first.get(MANIFEST_PATH)!);
    const written = first.get('AGENTS.md')!;

    const outsideEdit = `# Orders, renamed\n${written.slice(mine.length)}More notes.\n`;
    const next = generate(answersWith({ ...answers, agent: { seniority: 'principal' } }), { ...opts, agentsMd: outsideEdit });
    const plan = (disk: string) => planChanges(next, new Map([['AGENTS.md', disk]]), manifest).changes.find((c) => c.path === 'AGENTS.md')!;
    expect(plan(outsideEdit).kind).toBe('update');
    expect(next.get('AGENTS.md')!.startsWith('# Orders, renamed\n')).toBe(true);
    expect(next.get('AGENTS.md')!.endsWith('More notes.\n')).toBe(true);

    const insideEdit = written.replace('## Staff Backend Engineer', '## Ours now');
    expect(plan(insideEdit)).toMatchObject({ kind: 'conflict', reason: 'edited' });
    // The block deleted by the user is their decision too: it stays out (until --restore AGENTS.md).
    expect(plan(mine)).toMatchObject({ kind: 'deleted-by-you' });
  });

  it('appends to an AGENTS.md the tool never wrote without calling it a conflict', () => {
    const tree = generate(answers, { ...opts, agentsMd: mine });
    const change = planChanges(tree, new Map([['AGENTS.md', mine]]), null).changes.find((c) => c.path === 'AGENTS.md')!;
    expect(change.kind).toBe('update');
    expect(change.after.startsWith(mine)).toBe(true);
  });

  it('reports a block the tool has no record of as unmanaged', () => {
    const text = `${mine}\n${block}`;
    const tree = generate(answers, { ...opts, agentsMd: text });
    expect(planChanges(tree, new Map([['AGENTS.md', text]]), null).changes.find((c) => c.path === 'AGENTS.md')).toMatchObject({ kind: 'conflict', reason: 'unmanaged' });
  });

  it('refuses malformed markers before anything is planned', () => {
    expect(() => generate(answers, { ...opts, agentsMd: `${mine}${BEGIN_MARKER}\n` })).toThrow(/^AGENTS\.md has a begin marker but no end marker/);
  });
});
