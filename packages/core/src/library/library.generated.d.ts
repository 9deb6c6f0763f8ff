// Types of the module that build/build-library.ts generates from templates/.
import type { BlockMeta, FacetDefinition, OperationDefinition, Preset, SkillMeta } from './schema.js';

/** A Handlebars template precompiled at build time (opaque to TypeScript). */
export type TemplateSpec = { readonly __handlebarsSpec: unique symbol };

export declare const facets: readonly FacetDefinition[];
export declare const presets: readonly Preset[];
export declare const operations: readonly OperationDefinition[];
export declare const blocks: ReadonlyArray<{ meta: BlockMeta; template: TemplateSpec }>;
export declare const partials: Readonly<Record<string, TemplateSpec>>;
export declare const layouts: Readonly<Record<string, TemplateSpec>>;
export declare const docs: Readonly<Record<string, TemplateSpec>>;
export declare const skills: ReadonlyArray<{ meta: SkillMeta; template: TemplateSpec; description: TemplateSpec; index: TemplateSpec }>;
