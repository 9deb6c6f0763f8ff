import * as generated from './library.generated.js';
import type { TemplateSpec } from './library.generated.js';
import type { BlockMeta, FacetDefinition, FacetKind, OperationDefinition, Preset, SkillMeta } from './schema.js';
import { FACET_KINDS } from './kinds.js';

export type { TemplateSpec };
export interface Block {
  meta: BlockMeta;
  template: TemplateSpec;
}

/** A skill template: its body, its description and its line in the core's index, each compiled. */
export interface Skill {
  meta: SkillMeta;
  template: TemplateSpec;
  description: TemplateSpec;
  index: TemplateSpec;
}

/** The compiled library: everything the templates/ folder held at build time. */
export interface Library {
  blocks: readonly Block[];
  skills: readonly Skill[];
  facets: readonly FacetDefinition[];
  presets: readonly Preset[];
  /** Runbook commands per platform, infrastructure layer and datastore (templates/operations/). */
  operations: readonly OperationDefinition[];
  layouts: Readonly<Record<string, TemplateSpec>>;
  /** Shared pieces of layouts, used as {{> name}}. */
  partials: Readonly<Record<string, TemplateSpec>>;
  docs: Readonly<Record<string, TemplateSpec>>;
  /** The team packs composed in (packs/compose.ts), in order; absent for the built-in library. */
  packs?: ReadonlyArray<{ name: string; version: string; source: string }>;
  /** Where each pack item came from, by "block:<id>", "skill:<name>", "facet:<id>", "preset:<name>". */
  origins?: Readonly<Record<string, { pack: string; version: string; file: string; replaces?: boolean }>>;
}

export const library: Library = generated;

export function facetsOfKind(lib: Library, kind: FacetKind): FacetDefinition[] {
  return lib.facets.filter((f) => f.kind === kind);
}

/** Finds a facet of a kind by id or alias (case-insensitive). */
export function findFacet(lib: Library, kind: FacetKind, idOrAlias: string): FacetDefinition | undefined {
  const key = idOrAlias.trim().toLowerCase();
  return lib.facets.find((f) => f.kind === kind && (f.id === key || f.aliases.includes(key)));
}

export { FACET_KINDS };
