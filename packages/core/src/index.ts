/** @create-backend-agent/core — the pure engine. No fs, no prompts, no process, no clock. */
export { AnswersSchema, AGENT_FORMATS, CLAUDE_TOOLS, RETIRED_TOOLS, type Answers, type AnswersInput } from './answers/schema.js';
export { resolveAnswers, parseSetFlag, STACK_KINDS, type AnswerLayer, type ResolvedAnswers } from './answers/resolve.js';
export { getPath, setPath, mergeLayers, isPlainObject, type Plain } from './answers/paths.js';
export { didYouMean } from './answers/closest.js';
export { catalog, findQuestion, type Question, type QuestionKind, type Choice } from './catalog.js';
export { library, findFacet, facetsOfKind, type Library, type Block } from './library/index.js';
export { FACET_KINDS, AREAS, type Facet, type FacetKind, type BlockMeta, type Preset } from './library/schema.js';
export { composeBlocks } from './compose.js';
export { buildContext, type RenderContext } from './render/context.js';
export { generate, type GenerateOptions } from './generate.js';
export { makeTree, type Tree } from './tree.js';
export { planChanges, summarize, type Plan, type Change, type ChangeKind, type DiskSnapshot } from './plan/plan.js';
export { unifiedDiff } from './plan/diff.js';
export { buildManifest, parseManifest, serializeManifest, type Manifest } from './manifest.js';
export { sha256 } from './hash.js';
export { outputPaths, MANIFEST_PATH } from './paths.js';
export { findPreset, presetNames } from './presets.js';
export { InputError, CancelledError, InternalError, isKnownError, type KnownError } from './errors.js';
