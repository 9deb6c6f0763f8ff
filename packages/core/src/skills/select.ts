/**
 * Which task skills a run writes: those in the focus areas whose `when` holds, when skills are on.
 * The `stack-references` skill is not chosen here: renderSkills adds it when a chosen skill links to
 * a reference, whatever the focus.
 */
import type { Answers } from '../answers/schema.js';
import type { Library, Skill } from '../library/index.js';
import { evaluate } from '../render/conditions.js';
import { REFERENCES_SKILL } from './render.js';

export function selectSkills(answers: Answers, lib: Library): Skill[] {
  if (!answers.outputs.skills) return [];
  return lib.skills
    .filter((s) => s.meta.name !== REFERENCES_SKILL)
    .filter((s) => answers.focus.length === 0 || answers.focus.includes(s.meta.area))
    .filter((s) => evaluate(s.meta.when, answers))
    .sort((a, b) => a.meta.order - b.meta.order || a.meta.name.localeCompare(b.meta.name));
}
