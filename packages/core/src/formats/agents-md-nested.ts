/**
 * A nested AGENTS.md in each service folder: a block (between the same markers as the root's) with
 * what differs there — the service's stack, owner, targets, docs, the skill references of its stack
 * and the leading rules of its technologies. Codex reads AGENTS.md from the root down to the working
 * folder and stops at 32 KiB for the chain, cutting the deepest file first: so the budget is the root
 * file and the service's file together, and the service's rules shrink until the chain fits.
 */
import type { Answers, Service } from '../answers/schema.js';
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { budgetFacets, budgetStack, coreItemCount } from '../render/budget.js';
import { InputError } from '../errors.js';
import { thousands } from '../thousands.js';
import { renderLayout } from './agent-body.js';
import { measure } from './format.js';
import { upsertBlock, wrapBlock } from './agents-md.js';

/** Codex's project_doc_max_bytes, for the root-to-folder chain. */
export const AGENTS_MD_CHAIN_MAX_BYTES = 32 * 1024;

export interface NestedInput {
  service: Service;
  path: string;
  /** The service's render context (services.ts serviceAnswers → buildContext). */
  context: RenderContext;
  /** The root AGENTS.md as this run writes it. */
  root: string;
  /** The service folder's AGENTS.md as it is now (null: none). */
  existing: string | null;
  skillsDir: string;
  /** Facet ids that have a reference file in the skills. */
  references: readonly string[];
}

export function renderNestedAgentsMd(input: NestedInput, lib: Library): string {
  const { context, service } = input;
  const nested = { package: service.package, path: service.path.replace(/\/+$/, ''), skillsDir: input.skillsDir, references: input.references.map((id) => `${id}.md`) };
  const fileAt = (items: number) => {
    const stack = budgetStack(context.stack, budgetFacets(context.stack.all, items));
    const body = renderLayout({ ...context, stack, nested } as RenderContext, lib, 'agents-md-service', []);
    return upsertBlock(input.existing, wrapBlock(body));
  };
  const chain = (file: string) => measure(input.root, 'bytes') + measure(file, 'bytes');
  let high = coreItemCount(context.stack.all);
  const whole = fileAt(high);
  if (chain(whole) <= AGENTS_MD_CHAIN_MAX_BYTES) return whole;
  // Fewer rules, fewer bytes: the most that keeps the chain within the limit, by bisection.
  let low = 0;
  high -= 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (chain(fileAt(mid)) <= AGENTS_MD_CHAIN_MAX_BYTES) low = mid;
    else high = mid - 1;
  }
  const file = fileAt(low);
  const size = chain(file);
  if (size > AGENTS_MD_CHAIN_MAX_BYTES) {
    throw new InputError(
      `AGENTS.md and ${input.path} would be ${thousands(size)} bytes together; Codex reads at most ${thousands(AGENTS_MD_CHAIN_MAX_BYTES)} (project_doc_max_bytes) from the root to a folder, and cuts the deepest file first.`,
      `Shorten your own text in AGENTS.md or ${input.path}, narrow the agent with the focus answer, or drop agents-md from outputs.formats.`,
    );
  }
  return file;
}

/** The nested AGENTS.md of every service, by path. */
export function nestedAgentsMdFiles(
  answers: Answers,
  lib: Library,
  root: string,
  services: ReadonlyArray<{ service: Service; path: string; context: RenderContext }>,
  existing: ReadonlyMap<string, string | null>,
  skillsDir: string,
  referenceIds: ReadonlySet<string>,
): Array<[string, string]> {
  if (!answers.outputs.formats.includes('agents-md')) return [];
  return services.map(({ service, path, context }) => [
    path,
    renderNestedAgentsMd({
      service, path, context, root, existing: existing.get(path) ?? null, skillsDir,
      references: context.stack.all.map((f) => f.id).filter((id) => referenceIds.has(id)),
    }, lib),
  ]);
}
