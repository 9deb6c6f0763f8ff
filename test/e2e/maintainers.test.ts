/**
 * `pnpm gen block|facet|preset`: the maintainers' generators, run as the root script runs them
 * (plop through tsx, no terminal, bypass arguments) against a copy of templates/ and docs/blocks.md.
 * What they write must pass the library lint, and the catalog must be the one the build would write.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { execa } from 'execa';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContext, catalogMarkdown, library, resolveAnswers, type Library } from '@create-backend-agent/core';
import { readLibrarySource } from '../../packages/core/build/library-source.js';
import { checkLibraryGraph } from '../../packages/core/src/library/graph.js';
import { renderTemplate } from '../../packages/core/src/render/handlebars.js';
import type { TemplateSpec } from '../../packages/core/src/library/index.js';
import { snapshot, tempDir } from '../support/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PLOP = join(ROOT, 'node_modules/plop/bin/plop.js');
// The compiler the library build uses, with the build's options.
const Handlebars = createRequire(join(ROOT, 'packages/core/package.json'))('handlebars') as { precompile: (body: string, options: object) => string };

let repo: string;
beforeAll(async () => {
  repo = await tempDir('cba-maintainers-');
  await fs.copy(join(ROOT, 'templates'), join(repo, 'templates'));
  await fs.copy(join(ROOT, 'docs/blocks.md'), join(repo, 'docs/blocks.md'));
});

/** `pnpm gen ...` with --dest at the copy (the script's --dest is the repository root). */
async function gen(args: readonly string[]) {
  return execa('node', ['--import', 'tsx', PLOP, '--plopfile', 'generators/maintainers.ts', '--dest', repo, ...args], {
    cwd: ROOT,
    env: { NO_COLOR: '1' },
    reject: false,
    stdin: 'ignore',
  });
}

/** The library as the build reads it, and the catalog `pnpm catalog` would write from it. */
function linted() {
  const source = readLibrarySource(join(repo, 'templates'));
  checkLibraryGraph(source.blocks.map((b) => b.meta));
  return source;
}

describe('maintainers\' generators (pnpm gen)', () => {
  it('block: a block file that passes the library lint, renders alone and is in the catalog', async () => {
    const result = await gen(['block', 'feature-flags', 'Feature flags and progressive delivery', 'delivery', '--', '--requires', 'messaging', '--when', '{ path: outputs.docs.testStrategy, equals: true }']);
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const source = linted();
    const block = source.blocks.find((b) => b.meta.id === 'feature-flags')!;
    expect(block.meta).toMatchObject({ title: 'Feature flags and progressive delivery', area: 'delivery', requires: ['messaging'], sources: ['original'] });
    expect(await fs.readFile(join(repo, 'docs/blocks.md'), 'utf8')).toBe(catalogMarkdown(source));

    // As library.test.ts checks every block: it renders alone, with the defaults and with an empty stack.
    const spec = new Function(`return ${Handlebars.precompile(block.body, { noEscape: true, strict: true })}`)() as TemplateSpec;
    const empty = { stack: { languages: [], frameworks: [], datastores: [], messaging: [], cloud: [], infrastructure: [], apiStyles: [] } };
    for (const values of [{}, empty]) {
      const out = renderTemplate(spec, buildContext(resolveAnswers([{ source: 'test', values }], library).answers, library, '2026-11-21'));
      expect(out).toMatch(/\S/);
      expect(out).not.toMatch(/^## /m);
    }
  });

  it('facet: a facet the library lint accepts, that answers and aliases then name', async () => {
    const result = await gen(['facet', '--',
      '--id', 'cockroachdb', '--kind', 'datastore', '--name', 'CockroachDB', '--aliases', 'crdb',
      '--summary', 'A distributed SQL database that keeps serializable transactions across regions.',
      '--practices', 'Read with AS OF SYSTEM TIME where staleness is fine; Keep transactions short and retry on 40001; Spread writes with UUID primary keys',
      '--pitfalls', 'Sequential keys make hot ranges; Long transactions abort under contention',
    ]);
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const source = linted();
    expect(source.facets.find((f) => f.id === 'cockroachdb')).toMatchObject({ kind: 'datastore', aliases: ['crdb'] });
    expect(await fs.readFile(join(repo, 'docs/blocks.md'), 'utf8')).toBe(catalogMarkdown(source));
    const lib: Library = { ...library, facets: source.facets };
    expect(resolveAnswers([{ source: 'test', values: { stack: { datastores: ['crdb'] } } }], lib).answers.stack.datastores).toEqual(['cockroachdb']);

    const tooFew = await gen(['facet', '--', '--id', 'spanner', '--kind', 'datastore', '--name', 'Spanner', '--summary', 'x.', '--practices', 'one; two', '--pitfalls', 'a; b']);
    expect(tooFew.exitCode).toBe(1);
    expect(tooFew.stdout + tooFew.stderr).toContain('A facet needs at least 3 practices.');
    expect(await fs.pathExists(join(repo, 'templates/facets/datastore/spanner.yaml'))).toBe(false);
  });

  it('preset: a preset whose answers resolve, listed in the catalog', async () => {
    const result = await gen(['preset', '--', '--name', 'go-grpc', '--description', 'A Go gRPC service on PostgreSQL.', '--answers', 'stack.languages=go; stack.apiStyles=grpc; stack.datastores=postgresql']);
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const source = linted();
    const preset = source.presets.find((p) => p.name === 'go-grpc')!;
    expect(resolveAnswers([{ source: 'preset', values: preset.answers }], library).answers.stack.apiStyles).toEqual(['grpc']);
    expect(await fs.readFile(join(repo, 'docs/blocks.md'), 'utf8')).toBe(catalogMarkdown(source));
  });

  it('never overwrites a library file', async () => {
    const before = await snapshot(join(repo, 'templates'));
    const again = await gen(['block', 'messaging', 'Messaging again', 'messaging']);
    expect(again.exitCode).toBe(1);
    expect(again.stdout + again.stderr).toContain('There is already a block "messaging".');
    expect(await snapshot(join(repo, 'templates'))).toEqual(before);
  });
  it('pack: a team pack whose example block composes and whose own test passes; never overwritten', async () => {
    const result = await gen(['pack', 'acme-platform', 'test-packs/acme']);
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const dir = join(repo, 'test-packs/acme');
    const files = [...(await snapshot(dir)).entries()].map(([path, state]) => ({ path, text: state.content }));
    expect(files.map((f) => f.path)).toEqual(['blocks/team-conventions.md', 'pack.yaml', 'tests/team-conventions.yaml']);
    const { readPack, composeWithPacks, runPackTests } = await import('../../packages/core/src/packs/index.js');
    const pack = readPack({ root: 'test-packs/acme', files });
    expect(pack.info).toEqual({ name: 'acme-platform', version: '0.1.0', source: 'test-packs/acme' });
    expect(runPackTests('test-packs/acme', files, composeWithPacks(library, [pack]), '2026-11-21', '0.1.0')).toEqual([{ file: 'test-packs/acme/tests/team-conventions.yaml', failures: [] }]);
    const again = await gen(['pack', 'acme-platform', 'test-packs/acme']);
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr + again.stdout).toContain('never overwrites a file');
  });
});
