/**
 * Which task skills a run writes: those whose `when` holds, when skills are on, the focus areas
 * first. The `stack-references` skill is not chosen here: renderSkills adds it when a chosen skill
 * links to a reference.
 */
import type { Answers } from '../answers/schema.js';
import type { Library, Skill } from '../library/index.js';
import { evaluate } from '../render/conditions.js';
import { byFocus } from '../focus.js';
import { REFERENCES_SKILL } from './render.js';

export function selectSkills(answers: Answers, lib: Library): Skill[] {
  if (!answers.outputs.skills) return [];
  return lib.skills
    .filter((s) => s.meta.name !== REFERENCES_SKILL)
    .filter((s) => evaluate(s.meta.when, answers))
    .sort(byFocus<Skill>(answers.focus, (s) => s.meta.area, (s) => s.meta.order, (s) => s.meta.name));
}
