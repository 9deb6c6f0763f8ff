/**
 * The manifest lives in the target (.backend-agent/manifest.json): the answers, the tool version,
 * the date documents carry, and a hash of every file the tool wrote. It is how a re-run tells a file
 * the user edited from one it may update.
 */
// zod/mini, configured by answers/schema.ts (imported below); see there why mini.
import * as z from 'zod/mini';
import { AnswersSchema, type Answers } from './answers/schema.js';
import { sha256 } from './hash.js';
import { InputError } from './errors.js';
import { MANIFEST_PATH } from './paths.js';
import type { Tree } from './tree.js';
import type { Library } from './library/index.js';
import { ownedContent } from './formats/agents-md.js';

export const MANIFEST_VERSION = 1;

export const ManifestSchema = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  answers: z.unknown(),
  files: z.record(z.string(), z.string()),
  /** The team packs the run composed, each with the items of this run's output it provided. */
  packs: z.optional(z.array(z.object({
    name: z.string(),
    version: z.string(),
    source: z.string(),
    blocks: z.array(z.string()),
    skills: z.array(z.string()),
    facets: z.array(z.string()),
    /** Of those, the ones that replace a built-in item with the same id. */
    replaces: z.array(z.string()),
  }))),
});
export type Manifest = Omit<z.infer<typeof ManifestSchema>, 'answers'> & { answers: Answers };

export type PackProvenance = NonNullable<z.infer<typeof ManifestSchema>['packs']>;

/** What reached this run's output from each pack: its sections (blocks), skills and facets, by id. */
export function packProvenance(lib: Library, used: { blocks: readonly string[]; skills: readonly string[]; facets: readonly string[] }): PackProvenance | undefined {
  if (!lib.packs || lib.packs.length === 0) return undefined;
  const origins = lib.origins ?? {};
  const from = (kind: string, ids: readonly string[], pack: string) => ids.filter((id) => origins[`${kind}:${id}`]?.pack === pack);
  return lib.packs.map((pack) => {
    const blocks = from('block', used.blocks, pack.name);
    const skills = from('skill', used.skills, pack.name);
    const facets = from('facet', used.facets, pack.name);
    const replaces = [...blocks.map((id) => `block:${id}`), ...skills.map((id) => `skill:${id}`), ...facets.map((id) => `facet:${id}`)].filter((key) => origins[key]?.replaces);
    return { ...pack, blocks, skills, facets, replaces };
  });
}

export function buildManifest(tree: Tree, answers: Answers, toolVersion: string, date: string, packs?: PackProvenance): Manifest {
  const files: Record<string, string> = {};
  // A file shared with the user (AGENTS.md) is hashed by the part the tool owns, its block.
  for (const [path, content] of tree) if (path !== MANIFEST_PATH) files[path] = sha256(ownedContent(path, content) ?? content);
  return {
    manifestVersion: MANIFEST_VERSION,
    tool: { name: 'create-backend-agent', version: toolVersion },
    date,
    answers,
    files,
    ...(packs ? { packs } : {}),
  };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const MANIFEST_FIX = 'Fix that field (the README lists every answer), restore the file from version control, or delete it to start over (existing files then count as not written by the tool).';

/** "answers.targets.coverage: expected number, received string" for the first problem zod found. */
function describeIssue(issue: z.core.$ZodIssue, prefix: string[]): string {
  const path = [...prefix, ...issue.path.map(String)];
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  if (keys.length > 0) return `${[...path, keys[0]!].join('.')} is not a known field`;
  return `${path.length > 0 ? path.join('.') : 'the file'} is invalid: ${issue.message.replace(/^Invalid input: /, '')}`;
}

/**
 * Parses a manifest read from disk. It is data to validate, not to trust: any invalid field is an
 * input error naming it, never a silent fallback to the defaults.
 */
export function parseManifest(text: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${MANIFEST_PATH} is not valid JSON.`, 'Restore it from version control, or delete it to start over.');
  }
  const version = (data as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof data === 'object' && data !== null && version !== undefined && version !== MANIFEST_VERSION) {
    throw new InputError(`${MANIFEST_PATH} has manifestVersion ${JSON.stringify(version)}; this version of the tool reads ${MANIFEST_VERSION}.`, 'Use the version of create-backend-agent that wrote it, or delete it to start over.');
  }
  const result = ManifestSchema.safeParse(data);
  if (!result.success) throw new InputError(`${MANIFEST_PATH}: ${describeIssue(result.error.issues[0]!, [])}.`, MANIFEST_FIX);
  const answers = AnswersSchema.safeParse(result.data.answers);
  if (!answers.success) throw new InputError(`${MANIFEST_PATH}: ${describeIssue(answers.error.issues[0]!, ['answers'])}.`, MANIFEST_FIX);
  return { ...result.data, answers: answers.data };
}
