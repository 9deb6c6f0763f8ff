/**
 * Team packs (docs/packs.md). Loaded with import() by the CLI only when a pack is present: this
 * module brings the Handlebars compiler along.
 */
export { readPack, PackError, PackManifestSchema, PACK_MANIFEST, type Pack, type PackFile, type PackInfo, type PackSource, type Origin } from './read.js';
export { composeWithPacks } from './compose.js';
export { packSkeleton, PACK_TEST_DIR } from './skeleton.js';
export { runPackTests, type PackTestResult } from './tests.js';
