/** Test helpers shared by the core's unit tests. */
import { AnswersSchema, type Answers, type AnswersInput } from '../answers/schema.js';

export const TEST_DATE = '2026-11-21';

export function answersWith(input: AnswersInput = {}): Answers {
  return AnswersSchema.parse(input);
}
