/**
 * The built CLI on a workspace of three services in two languages: what it writes (the fixture's
 * file list), the services table and the nested AGENTS.md it reads back, and a re-run that drops a
 * service, reporting its docs as no longer generated and leaving them on disk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { join } from 'node:path';
import { DATE, runCli, snapshot, tempDir } from '../support/cli.js';
import { REPOS } from '../../packages/core/src/test-support/repos.js';

let target: string;
beforeAll(async () => {
  target = join(await tempDir('cba-monorepo-'), 'shop');
  for (const [path, content] of Object.entries(REPOS['shop-monorepo'])) await fs.outputFile(join(target, path), content);
});

describe('a monorepo of three services', () => {
  it('writes each service its runbook, test strategy, stack record and AGENTS.md, and one agent with the services table', async () => {
    const result = await runCli([target, '--yes', '--date', DATE, '--set', 'outputs.formats=claude,agents-md', '--set', 'services.orders.team=checkout', '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const written = (JSON.parse(result.stdout) as { written: string[] }).written.filter((p) => !p.includes('/skills/'));
    expect(written.sort()).toEqual([
      '.adr-dir', '.backend-agent/bases', '.backend-agent/manifest.json', '.claude/agents/backend-staff.md', 'AGENTS.md',
      'docs/adr/0001-record-architecture-decisions.md',
      ...['ledger', 'orders', 'payments'].flatMap((s) => [
        `services/${s}/AGENTS.md`, `services/${s}/docs/adr/0001-technology-stack-for-${s}.md`, `services/${s}/docs/runbooks/${s}.md`,
        `services/${s}/docs/runbooks/${s}.rules.yaml`, `services/${s}/docs/testing/${s}.k6.js`, `services/${s}/docs/testing/test-strategy.md`,
      ]),
    ]);
    const agent = await fs.readFile(join(target, '.claude/agents/backend-staff.md'), 'utf8');
    expect(agent).toContain('| orders | `services/orders` | `@shop/orders` | TypeScript (Node.js), Express, MongoDB, Apache Kafka | checkout |');
    const nested = await fs.readFile(join(target, 'services/ledger/AGENTS.md'), 'utf8');
    expect(nested).toContain('## The `ledger` service (`github.com/shop/ledger`)');
    expect((await runCli([target, '--check'])).exitCode).toBe(0);
  });

  it('a re-run without one service reports its docs as no longer generated, and leaves them', async () => {
    const before = await snapshot(target);
    const result = await runCli([target, '--yes', '--set', 'services=orders,payments']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('No longer generated (the answers no longer produce them; left as they are, delete them yourself if unwanted): services/ledger/AGENTS.md, services/ledger/docs/adr/0001-technology-stack-for-ledger.md, services/ledger/docs/runbooks/ledger.md, services/ledger/docs/runbooks/ledger.rules.yaml, services/ledger/docs/testing/ledger.k6.js, services/ledger/docs/testing/test-strategy.md.');
    const after = await snapshot(target);
    for (const path of [...before.keys()].filter((p) => p.startsWith('services/ledger/'))) expect(after.get(path)?.content, path).toBe(before.get(path)!.content);
  });
});
