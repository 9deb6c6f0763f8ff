/** Which skills a run writes: those whose `when` holds, when skills are on, the focus areas first. */
import type { Answers } from '../answers/schema.js';
import type { Library, Skill } from '../library/index.js';
import { evaluate } from '../render/conditions.js';
import { byFocus } from '../focus.js';

export function selectSkills(answers: Answers, lib: Library): Skill[] {
  if (!answers.outputs.skills) return [];
  return lib.skills
    .filter((s) => evaluate(s.meta.when, answers))
    .sort(byFocus<Skill>(answers.focus, (s) => s.meta.area, (s) => s.meta.order, (s) => s.meta.name));
}
