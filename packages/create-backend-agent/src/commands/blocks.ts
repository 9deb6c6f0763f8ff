/** `backend-agent blocks`: the competency blocks and technology facets this version ships. */
import { parseStrict } from '../args.js';
import { blockRows, facetRows, library, InputError } from '@create-backend-agent/core';
import { pc, type Output } from '../report.js';

const HELP = `Usage: backend-agent blocks [--json]

Lists the competency blocks (id, area, seed sources, when they are included) and the
technology facets, by kind. The same catalog is in docs/blocks.md of the repository.`;

export function runBlocks(argv: readonly string[], output: Output): number {
  const { values, positionals } = parseStrict(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const, 'Run backend-agent blocks --help.');
  if (positionals.length > 0) throw new InputError(`Unexpected argument '${positionals[0]}'.`, 'Run backend-agent blocks --help.');
  if (values.help) {
    output.out(HELP);
    return 0;
  }
  const blocks = blockRows(library);
  const facets = facetRows(library);
  if (values.json) {
    output.out(JSON.stringify({ blocks, facets }, null, 2));
    return 0;
  }
  const width = (key: 'id' | 'area') => Math.max(...blocks.map((b) => b[key].length));
  const idW = width('id');
  const areaW = width('area');
  const sourcesW = Math.max(...blocks.map((b) => b.sources.join(',').length));
  output.out(pc.bold(`Blocks (${blocks.length})`));
  output.out(pc.dim(`  ${'ORDER'.padEnd(6)}${'ID'.padEnd(idW + 2)}${'AREA'.padEnd(areaW + 2)}${'SOURCES'.padEnd(sourcesW + 2)}WHEN`));
  for (const b of blocks) {
    output.out(`  ${String(b.order).padEnd(6)}${b.id.padEnd(idW + 2)}${b.area.padEnd(areaW + 2)}${b.sources.join(',').padEnd(sourcesW + 2)}${b.when}`);
  }
  output.out('');
  output.out(pc.bold(`Facets (${facets.reduce((n, k) => n + k.facets.length, 0)})`));
  for (const { kind, facets: list } of facets) output.out(`  ${kind.padEnd(16)}${list.map((f) => f.id).join(', ')}`);
  return 0;
}
