/**
 * The runbook's placeholders are answers (`ops.*`), built CLI: filled by hand, a later run that
 * answers another one merges; answering the one filled by hand, with the same value, merges too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import fs from 'fs-extra';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/cli.js';

const RUNBOOK = 'docs/runbooks/orders.md';

describe('ops answers and hand-filled placeholders', () => {
  let target: string;
  const read = (path: string) => fs.readFile(join(target, path), 'utf8');
  beforeAll(async () => {
    target = join(await tempDir('cba-ops-'), 'orders');
    await fs.ensureDir(target);
    const first = await runCli([target, '--yes']);
    expect(first.exitCode, first.stderr).toBe(0);
  });

  it('fills by hand, then answers another placeholder: merged, both kept, --check clean', async () => {
    expect(await read(RUNBOOK)).toContain('kubectl -n {namespace} rollout undo deployment/orders');
    await execa('sed', ['-i', 's/{namespace}/orders-prod/g', RUNBOOK], { cwd: target });
    const rerun = await runCli([target, '--yes', '--set', 'ops.region=eu-west-1', '--set', 'ops.onCallRotation=orders-primary']);
    expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/merged\s+docs\/runbooks\/orders\.md/);
    const runbook = await read(RUNBOOK);
    expect(runbook).toContain('kubectl -n orders-prod rollout undo deployment/orders');
    expect(runbook).toContain('aws eks update-kubeconfig --region eu-west-1 --name {cluster}');
    expect(runbook).toContain('- On-call rotation: orders-primary');
    expect(runbook).not.toMatch(/\{(namespace|region|on-call-rotation)\}/);
    expect((await runCli([target, '--check'])).exitCode).toBe(0);
  });

  it('then answers the one filled by hand with the same value: the same change on both sides merges', async () => {
    const rerun = await runCli([target, '--yes', '--set', 'ops.region=eu-west-1', '--set', 'ops.onCallRotation=orders-primary', '--set', 'ops.namespace=orders-prod']);
    expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0);
    const runbook = await read(RUNBOOK);
    expect(runbook).not.toContain('<<<<<<<');
    expect(runbook).not.toMatch(/[(, ]namespace \(`ops\.namespace`\)/);
    expect((await runCli([target, '--check'])).exitCode).toBe(0);
  });
});
