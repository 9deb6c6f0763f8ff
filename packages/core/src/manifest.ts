/**
 * The manifest lives in the target (.backend-agent/manifest.json): the answers, the tool version,
 * the date documents carry, and a hash of every file the tool wrote. It is how a re-run tells a file
 * the user edited from one it may update.
 */
// Namespace import: `import { z }` pulls in every zod locale (about 350 KB minified) that esbuild cannot drop.
import * as z from 'zod';
import { AnswersSchema, type Answers } from './answers/schema.js';
import { sha256 } from './hash.js';
import { InputError } from './errors.js';
import { MANIFEST_PATH } from './paths.js';
import type { Tree } from './tree.js';
import { ownedContent } from './formats/agents-md.js';

export const MANIFEST_VERSION = 1;

export const ManifestSchema = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  answers: z.unknown(),
  files: z.record(z.string(), z.string()),
});
export type Manifest = Omit<z.infer<typeof ManifestSchema>, 'answers'> & { answers: Answers };

export function buildManifest(tree: Tree, answers: Answers, toolVersion: string, date: string): Manifest {
  const files: Record<string, string> = {};
  // A file shared with the user (AGENTS.md) is hashed by the part the tool owns, its block.
  for (const [path, content] of tree) if (path !== MANIFEST_PATH) files[path] = sha256(ownedContent(path, content) ?? content);
  return {
    manifestVersion: MANIFEST_VERSION,
    tool: { name: 'create-backend-agent', version: toolVersion },
    date,
    answers,
    files,
  };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Parses a manifest read from disk; a damaged one is an input error the user can fix by deleting it. */
export function parseManifest(text: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${MANIFEST_PATH} is not valid JSON.`, 'Restore it from version control, or delete it to treat every file as unknown.');
  }
  const result = ManifestSchema.safeParse(data);
  if (!result.success) {
    throw new InputError(`${MANIFEST_PATH} is not a manifest this version understands.`, 'Restore it from version control, or delete it.');
  }
  const answers = AnswersSchema.safeParse(result.data.answers);
  return { ...result.data, answers: answers.success ? answers.data : AnswersSchema.parse({}) };
}
