/**
 * The runbook's commands: the operations entries (templates/operations/) whose `when` holds for the
 * answers, their steps resolved (base first extended by the entry's own blocks, conditional blocks
 * dropped) and their tokens filled from the answers. Pure.
 */
import type { Answers } from '../answers/schema.js';
import type { Library } from '../library/index.js';
import type { CommandBlockDefinition, OperationDefinition, OperationStep, StepItemDefinition } from '../library/schema.js';
import { OPERATION_STEPS } from '../library/kinds.js';
import { evaluate } from '../render/conditions.js';
import { fillCommand } from './ops-values.js';

export interface CommandBlock {
  title?: string;
  run: string[];
  note?: string;
}
/** One code block, or a choice of several of which on-call runs one. */
export type StepItem = { block: CommandBlock } | { choose: CommandBlock[]; note?: string };

export interface ResolvedOperation {
  id: string;
  name: string;
  kind: OperationDefinition['kind'];
  intro?: string;
  steps: Array<{ step: OperationStep; items: StepItem[] }>;
}

const STEP_ORDER: readonly OperationStep[] = OPERATION_STEPS;

function resolveBlock(block: CommandBlockDefinition, answers: Answers): CommandBlock {
  return {
    ...(block.title ? { title: block.title } : {}),
    run: block.run.map((c) => fillCommand(c, answers)),
    ...(block.note ? { note: block.note } : {}),
  };
}

function resolveItems(items: readonly StepItemDefinition[], answers: Answers): StepItem[] {
  return items
    .filter((item) => evaluate(item.when, answers))
    .map((item) => ('choose' in item ? { choose: item.choose.filter((b) => evaluate(b.when, answers)).map((b) => resolveBlock(b, answers)), ...(item.note ? { note: item.note } : {}) } : { block: resolveBlock(item, answers) }))
    .filter((item) => !('choose' in item) || item.choose.length > 0);
}

export function resolveOperations(answers: Answers, lib: Library): ResolvedOperation[] {
  const byId = new Map(lib.operations.map((o) => [o.id, o]));
  return lib.operations
    .filter((o) => evaluate(o.when, answers))
    .map((o) => {
      const base = o.base ? byId.get(o.base) : undefined;
      const steps = STEP_ORDER.map((step) => ({
        step,
        items: [...resolveItems(o.steps[step] ?? [], answers), ...resolveItems(base?.steps[step] ?? [], answers)],
      })).filter((s) => s.items.length > 0);
      const intro = o.intro ?? base?.intro;
      return { id: o.id, name: o.name, kind: o.kind, ...(intro ? { intro } : {}), steps };
    });
}

/** Every command of a resolved entry, in order (for tests and the CLI checks). */
export function commandsOf(operation: ResolvedOperation): string[] {
  return operation.steps.flatMap((s) => s.items.flatMap((i) => ('block' in i ? [i.block] : i.choose).flatMap((b) => b.run)));
}
