import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { catalogMarkdown, library } from '@create-backend-agent/core';
import { BlockMetaSchema, FacetSchema, PresetSchema } from '../packages/core/src/library/schema.js';
import { newBlock, newFacet, newPreset, type LibrarySnapshot } from './library-files.js';

const lib: LibrarySnapshot = library;

const FACET = {
  id: 'cockroachdb', kind: 'datastore', name: 'CockroachDB',
  summary: 'A distributed SQL database that keeps serializable transactions across regions.',
  practices: 'Read with AS OF SYSTEM TIME where staleness is fine; Keep transactions short and retry on 40001; Spread writes with UUID primary keys',
  pitfalls: 'Sequential keys make hot ranges; Long transactions abort under contention',
  aliases: 'crdb, cockroach',
};

describe('new library files', () => {
  it('writes a block whose frontmatter is the schema\'s data, conditions and id lists on one line', () => {
    const file = newBlock({ id: 'feature-flags', title: 'Feature flags', area: 'delivery', when: '{ path: stack.messaging, nonEmpty: true }', requires: 'messaging' }, lib);
    expect(file.path).toBe('templates/blocks/feature-flags.md');
    const parsed = matter(file.content);
    expect(BlockMetaSchema.parse(parsed.data)).toMatchObject({ id: 'feature-flags', area: 'delivery', sources: ['original'], requires: ['messaging'], when: { path: 'stack.messaging', nonEmpty: true } });
    expect(file.content).toContain('\nwhen: {path: stack.messaging, nonEmpty: true}\n');
    expect(file.content).toContain('\nsources: [original]\n');
    // After the highest order in the library, on a round ten.
    expect(parsed.data.order).toBeGreaterThan(Math.max(...lib.blocks.map((b) => b.meta.order)));
    expect(parsed.content).not.toMatch(/^## /m);
  });

  it('refuses a block id in use, an unknown required block, and a condition that is not one', () => {
    expect(() => newBlock({ id: 'messaging', title: 'x', area: 'delivery' }, lib)).toThrow('There is already a block "messaging".');
    expect(() => newBlock({ id: 'x-block', title: 'x', area: 'delivery', requires: 'nothing-here' }, lib)).toThrow(/requires names no block: nothing-here/);
    expect(() => newBlock({ id: 'x-block', title: 'x', area: 'delivery', when: '{ path: stack.messaging, sometimes: true }' }, lib)).toThrow(/Invalid block when/);
    expect(() => newBlock({ id: 'x-block', title: 'x' }, lib)).toThrow(/needs an id, a title and an area/);
  });

  it('writes a facet from ";"-separated sentences and lists it where the build will', () => {
    const file = newFacet(FACET, lib);
    expect(file.path).toBe('templates/facets/datastore/cockroachdb.yaml');
    const data = FacetSchema.parse(parseYaml(file.content));
    expect(data.practices).toHaveLength(3);
    expect(data.practices[1]).toBe('Keep transactions short and retry on 40001');
    expect(data.aliases).toEqual(['crdb', 'cockroach']);
    const datastores = file.library.facets.filter((f) => f.kind === 'datastore').map((f) => f.id);
    expect(datastores).toEqual([...datastores].sort());
    expect(catalogMarkdown(file.library)).toContain('| datastore | `cockroachdb` | CockroachDB | `crdb`, `cockroach` |');
  });

  it('refuses a facet with too few practices or pitfalls, or an alias another facet owns', () => {
    expect(() => newFacet({ ...FACET, practices: 'one; two' }, lib)).toThrow('A facet needs at least 3 practices. Pass them with --practices, separated by ";".');
    expect(() => newFacet({ ...FACET, pitfalls: 'one' }, lib)).toThrow('A facet needs at least 2 pitfalls.');
    expect(() => newFacet({ ...FACET, aliases: 'postgres' }, lib)).toThrow('"postgres" already names the datastore facet postgresql.');
  });

  it('writes a preset from --set expressions, and only one that resolves', () => {
    const file = newPreset({ name: 'go-grpc', description: 'Go with gRPC.', answers: 'stack.languages=go; stack.apiStyles=grpc; targets.p99LatencyMs=50' }, lib);
    const data = PresetSchema.parse(parseYaml(file.content));
    expect(data.answers).toEqual({ stack: { languages: ['go'], apiStyles: ['grpc'] }, targets: { p99LatencyMs: 50 } });
    expect(file.content).toContain('languages: [go]');
    expect(() => newPreset({ name: 'go-cobol', description: 'x', answers: 'stack.languages=cobol' }, lib)).toThrow(/Unknown language "cobol"/);
    expect(() => newPreset({ name: 'rust-axum', description: 'x', answers: '' }, lib)).toThrow('There is already a preset "rust-axum".');
  });
});
