/**
 * The wizard's prompts, by @inquirer/prompts: the only module that imports it. It is itself loaded
 * with import() (session.ts) when a run actually prompts, so no other path evaluates it. Named
 * imports, not a namespace, so the bundle keeps only these five prompts (the editor prompt alone
 * would add half a megabyte of code-page tables). Ctrl-C (inquirer's ExitPromptError) becomes the
 * core's CancelledError: "Cancelled", exit 130, nothing written.
 */
import { checkbox, confirm, input, number, select } from '@inquirer/prompts';
import pc from 'picocolors';
import { CancelledError } from '@create-backend-agent/core/errors';
import type { Prompter } from './prompter.js';

/** The note under a question while it is asked; the answered line keeps only the question. */
const withNote = (note: string | undefined) => ({
  style: { message: (text: string, status: string) => (note && status !== 'done' ? `${pc.bold(text)} ${pc.dim(`(${note})`)}` : pc.bold(text)) },
});

const CANCELLED = new Set(['ExitPromptError', 'AbortPromptError', 'CancelPromptError']);

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && CANCELLED.has(error.name)) throw new CancelledError();
    throw error;
  }
}

export async function loadPrompter(): Promise<Prompter> {
  const inquirer = { checkbox, confirm, input, number, select };
  return {
    text: (o) => guard(() => inquirer.input({ message: o.message, default: o.default, validate: o.validate, theme: withNote(o.note) })),
    number: (o) =>
      guard(async () => {
        // step "any": integer-ness is the catalog's to check, with its own message.
        const value = await inquirer.number({ message: o.message, default: o.default, step: 'any', required: true, theme: withNote(o.note), validate: (v) => (v === undefined ? 'Enter a number.' : o.validate ? o.validate(v) : true) });
        return value as number;
      }),
    select: (o) => guard(() => inquirer.select({ message: o.message, choices: o.choices.map((c) => ({ ...c })), default: o.default, loop: false, theme: withNote(o.note) })),
    checkbox: (o) =>
      guard(() =>
        inquirer.checkbox({
          message: o.message,
          choices: o.choices.map((c) => ({ ...c })),
          loop: false,
          pageSize: 12,
          theme: withNote(o.note),
          validate: (chosen) => (o.validate ? o.validate(chosen.map((c) => c.value)) : true),
        }),
      ),
    confirm: (o) => guard(() => inquirer.confirm({ message: o.message, default: o.default, theme: withNote(o.note) })),
  };
}
