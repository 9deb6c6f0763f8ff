/**
 * The library a run composes from: the built-in one, then each pack in order, a later one winning.
 * A pack adds items, replaces one with the same id, or turns one off (pack.yaml `disable`). The
 * result is checked as the library build checks templates/ (block graph, facet references, facet
 * isolation), and every problem names the pack file and line that causes it.
 */
import type { Block, Library, Skill } from '../library/index.js';
import type { FacetDefinition, Preset } from '../library/schema.js';
import { checkLibraryGraph, LibraryGraphError } from '../library/graph.js';
import { lintFacetCombinations } from '../../build/facet-lint.js';
import { PackError, type Located, type Origin, type Pack } from './read.js';

type Kind = 'block' | 'skill' | 'facet' | 'preset';
const keyOf = (kind: Kind, id: string) => `${kind}:${id}`;

interface Table<T> {
  items: Map<string, T>;
  idOf: (item: T) => string;
}

export function composeWithPacks(builtIn: Library, packs: readonly Pack[]): Library {
  if (packs.length === 0) return builtIn;
  const problems: string[] = [];
  const origins: Record<string, Origin> = {};
  /** Where each pack item is, for problems found after merging. */
  const places = new Map<string, { file: string; lineOf: Located<unknown>['lineOf'] }>();
  const tables = {
    block: { items: new Map(builtIn.blocks.map((b) => [b.meta.id, b])), idOf: (b: Block) => b.meta.id } as Table<Block>,
    skill: { items: new Map(builtIn.skills.map((s) => [s.meta.name, s])), idOf: (s: Skill) => s.meta.name } as Table<Skill>,
    facet: { items: new Map(builtIn.facets.map((f) => [f.id, f])), idOf: (f: FacetDefinition) => f.id } as Table<FacetDefinition>,
    preset: { items: new Map(builtIn.presets.map((p) => [p.name, p])), idOf: (p: Preset) => p.name } as Table<Preset>,
  };
  const layouts: Record<string, Library['layouts'][string]> = { ...builtIn.layouts };
  const partials: Record<string, Library['partials'][string]> = { ...builtIn.partials };

  for (const pack of packs) {
    const disable = pack.manifest.disable;
    const off: Array<[Kind, readonly string[], string]> = [['block', disable.blocks, 'blocks'], ['skill', disable.skills, 'skills'], ['facet', disable.facets, 'facets'], ['preset', disable.presets, 'presets']];
    for (const [kind, list, field] of off) {
      list.forEach((id, i) => {
        const table = tables[kind] as unknown as Table<unknown>;
        if (!table.items.delete(id)) {
          problems.push(`${pack.info.source}/pack.yaml:${pack.manifestLineOf(['disable', field, i])}: disable.${field} names "${id}", which is no ${kind} of the library or an earlier pack`);
        }
        delete origins[keyOf(kind, id)];
      });
    }
    const add = <T>(kind: Kind, entries: ReadonlyArray<Located<T>>) => {
      const table = tables[kind] as unknown as Table<T>;
      for (const entry of entries) {
        const id = table.idOf(entry.item);
        const replaces = table.items.has(id);
        table.items.set(id, entry.item);
        origins[keyOf(kind, id)] = { pack: pack.info.name, version: pack.info.version, file: entry.file, ...(replaces ? { replaces } : {}) };
        places.set(keyOf(kind, id), entry);
      }
    };
    add('block', pack.blocks);
    add('skill', pack.skills);
    add('facet', pack.facets);
    add('preset', pack.presets);
    for (const { item, file } of pack.layouts) {
      if (item.name.startsWith('_')) partials[item.name.slice(1)] = item.template;
      else if (item.name in layouts) layouts[item.name] = item.template;
      else problems.push(`${file}:1: no built-in layout is named "${item.name}"; a pack replaces layouts by name, or adds partials named _<name>.hbs`);
    }
  }

  const blocks = [...tables.block.items.values()];
  const facets = [...tables.facet.items.values()];
  const at = (kind: Kind, id: string, path: ReadonlyArray<PropertyKey>) => {
    const place = places.get(keyOf(kind, id));
    return place ? `${place.file}:${place.lineOf(path)}` : undefined;
  };

  try {
    checkLibraryGraph(blocks.map((b) => b.meta));
  } catch (error) {
    if (!(error instanceof LibraryGraphError)) throw error;
    // Report each problem at the pack block that causes it (a built-in block's reference broke only
    // because a pack turned its target off: report it at that block's id in the library).
    for (const problem of error.message.split('; ')) {
      const id = /block (\S+)/.exec(problem)?.[1] ?? /cycle: (\S+)/.exec(problem)?.[1] ?? '';
      const ref = /"([^"]+)"/.exec(problem)?.[1];
      const meta = tables.block.items.get(id)?.meta;
      const field = meta && ref && meta.conflicts.includes(ref) ? 'conflicts' : 'requires';
      const index = meta && ref ? meta[field].indexOf(ref) : -1;
      problems.push(`${at('block', id, index >= 0 ? [field, index] : [field]) ?? `built-in block ${id}`}: ${problem}`);
    }
  }

  const facetIds = new Set(facets.map((f) => f.id));
  for (const facet of facets) {
    if (!origins[keyOf('facet', facet.id)]) continue;
    facet.implies.forEach((implied, i) => {
      if (!facetIds.has(implied) || implied === facet.id) problems.push(`${at('facet', facet.id, ['implies', i])}: implies unknown facet "${implied}"`);
    });
    facet.alternatives.forEach((alternative, i) => {
      const other = typeof alternative === 'string' ? alternative : alternative.id;
      const found = tables.facet.items.get(other);
      if (!found || other === facet.id || found.kind !== facet.kind) problems.push(`${at('facet', facet.id, ['alternatives', i])}: alternative "${other}" must be another ${facet.kind} facet`);
    });
  }
  // Isolation: a pack facet's item may name another technology only when its conditions bring it along.
  for (const leak of lintFacetCombinations(facets)) {
    const match = /^facets\/[^/]+\/([^.]+)\.yaml: ([a-zA-Z.]+)\[(\d+)\](?: \(\S+\))? (.*)$/.exec(leak);
    const id = match?.[1];
    if (!id || !origins[keyOf('facet', id)]) continue;
    const path = [...match[2]!.split('.'), Number(match[3])];
    problems.push(`${at('facet', id, path)}: ${match[2]}[${match[3]}] ${match[4]}`);
  }
  const aliases = new Map<string, string>();
  for (const facet of facets) {
    for (const name of [facet.id, ...facet.aliases]) {
      const other = aliases.get(`${facet.kind}:${name}`);
      if (other && other !== facet.id && (origins[keyOf('facet', facet.id)] || origins[keyOf('facet', other)])) {
        const mine = origins[keyOf('facet', facet.id)] ? facet.id : other;
        problems.push(`${at('facet', mine, ['aliases'])}: "${name}" names both ${other} and ${facet.id}; a name belongs to one ${facet.kind} facet`);
      }
      aliases.set(`${facet.kind}:${name}`, facet.id);
    }
  }

  if (problems.length > 0) throw new PackError(problems);
  return {
    blocks,
    skills: [...tables.skill.items.values()],
    facets,
    presets: [...tables.preset.items.values()],
    // Packs add no runbook commands (yet): the built-in platforms, datastores and brokers.
    operations: builtIn.operations,
    layouts,
    partials,
    docs: builtIn.docs,
    packs: packs.map((p) => p.info),
    origins,
  };
}
