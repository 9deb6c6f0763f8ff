/**
 * AGENTS.md is shared with the user: the built CLI owns only the block between its markers and
 * keeps every other byte of the file as it was, across runs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { join } from 'node:path';
import { runCli, snapshot, tempDir, DATE } from '../support/cli.js';

const BEGIN = '<!-- backend-agent:begin';
const END = '<!-- backend-agent:end -->\n';

let target: string;
let agentsMd: string;
const args = (...extra: string[]) => [target, '--yes', '--date', DATE, '--set', 'outputs.formats=claude,agents-md', ...extra];

/** The file split around the block: [before, block, after]. */
function parts(text: string): [string, string, string] {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END) + END.length;
  expect(start, 'begin marker').toBeGreaterThanOrEqual(0);
  expect(end, 'end marker').toBeGreaterThan(start);
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}

beforeEach(async () => {
  target = join(await tempDir(), 'orders');
  agentsMd = join(target, 'AGENTS.md');
});

describe('AGENTS.md (built CLI)', () => {
  it('creates AGENTS.md with a title and the block when there is none', async () => {
    const result = await runCli(args());
    expect(result.exitCode, result.stderr).toBe(0);
    const [before, block, after] = parts(await fs.readFile(agentsMd, 'utf8'));
    expect(before).toBe('# AGENTS.md\n\n');
    expect(block).toContain('## Staff Backend Engineer');
    expect(block).toContain('`orders` service');
    expect(after).toBe('');
  });

  it('appends the block to an AGENTS.md without markers, and keeps text before and after it byte-identical across runs', async () => {
    const mine = '# Orders service\r\n\r\nRun `pnpm test` before every commit.  \r\nNo emoji in commit messages.\r\n';
    await fs.outputFile(agentsMd, mine);

    const first = await runCli(args());
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/update\s+AGENTS\.md/);
    const [before1, block1, after1] = parts(await fs.readFile(agentsMd, 'utf8'));
    expect(before1).toBe(`${mine}\n`);
    expect(after1).toBe('');

    // The user writes around the block: new text above and below, including marker-like prose.
    const above = `${mine}\n## Conventions\n\nWe deploy on Tuesdays.\n\n`;
    const below = '\n## Local notes\n\nThe staging database is reset nightly. Mention backend-agent:begin in prose is fine.\n';
    await fs.writeFile(agentsMd, above + block1 + below);

    // A re-run with other answers replaces only the block: no conflict, the user's bytes stay.
    const second = await runCli(args('--set', 'agent.seniority=principal'));
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.stdout).toMatch(/update\s+AGENTS\.md/);
    const [before2, block2, after2] = parts(await fs.readFile(agentsMd, 'utf8'));
    expect(before2).toBe(above);
    expect(after2).toBe(below);
    expect(block2).not.toBe(block1);
    expect(block2).toContain('## Principal Backend Engineer');

    // Same answers again: nothing to do, not a byte touched.
    const state = await snapshot(target);
    const third = await runCli(args('--set', 'agent.seniority=principal'));
    expect(third.exitCode, third.stdout).toBe(0);
    expect(third.stdout).toContain('Everything is up to date');
    expect(await snapshot(target)).toEqual(state);
  });

  it('treats an edit inside the block on a line the new version changes too as a conflict and writes nothing', async () => {
    await runCli(args());
    const text = await fs.readFile(agentsMd, 'utf8');
    await fs.writeFile(agentsMd, text.replace('## Staff Backend Engineer', '## Staff Backend Engineer (our edit)'));
    const state = await snapshot(target);
    const result = await runCli(args('--set', 'agent.seniority=principal'));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/conflict\s+AGENTS\.md\s+\(you and the new version changed the same lines\)/);
    expect(await snapshot(target)).toEqual(state);
  });

  it('refuses malformed markers with a one-line error, exit 1, and writes nothing', async () => {
    await fs.outputFile(agentsMd, `# Orders\n\n${BEGIN} -->\nhalf a block\n`);
    const state = await snapshot(target);
    const result = await runCli(args());
    expect(result.exitCode).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('AGENTS.md has a begin marker but no end marker of the backend-agent block.');
    expect(await snapshot(target)).toEqual(state);
  });
});
