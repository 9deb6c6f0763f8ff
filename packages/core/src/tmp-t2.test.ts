import { it } from 'vitest';
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { detectRepo, detectedAnswers } from './detect/index.js';
import { viewFromObject } from './repo-view.js';
import { REPOS } from './test-support/repos.js';
import { resolveAnswers } from './answers/resolve.js';
import { library } from './library/index.js';
import { generate } from './generate.js';
it('x', () => {
  const d = detectRepo(viewFromObject(REPOS['shop-monorepo']));
  const v = detectedAnswers(d).values as any;
  const a = resolveAnswers([{ source: 'x', values: v }, { source: 'y', values: { outputs: { formats: ['claude', 'agents-md'] }, services: { orders: { team: 'checkout' } } } }], library).answers;
  console.log(JSON.stringify(a.services), a.stack);
  const tree = generate(a, { date: '2026-12-01', toolVersion: '0.0.0' });
  const out = '/tmp/i17-out'; rmSync(out, { recursive: true, force: true });
  for (const [p, c] of tree) { mkdirSync(dirname(join(out, p)), { recursive: true }); writeFileSync(join(out, p), c); }
  console.log([...tree.keys()].filter(p => !p.includes('/skills/')).join('\n'));
});
