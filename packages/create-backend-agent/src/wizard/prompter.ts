/**
 * What the wizard needs from a prompt library, in its own terms. The one implementation is
 * inquirer.ts (loaded only when prompting); tests drive the wizard through it with the prompt
 * library mocked.
 */
export type Validate<T> = (value: T) => true | string;

export interface PromptChoice<T extends string = string> {
  value: T;
  name: string;
  /** Shown once answered, in place of a long name (the focus areas' descriptions). */
  short?: string;
  /** Shown under the list for the highlighted choice (why it is pre-selected). */
  description?: string;
}

/** `note`: why the default is what it is ("detected: go.mod: …"), shown while asking, dropped once answered. */
interface Common {
  message: string;
  note?: string;
}

export interface Prompter {
  text(options: Common & { default?: string; validate?: Validate<string> }): Promise<string>;
  number(options: Common & { default?: number; validate?: Validate<number> }): Promise<number>;
  select<T extends string>(options: Common & { choices: ReadonlyArray<PromptChoice<T>>; default?: T }): Promise<T>;
  checkbox(options: Common & { choices: ReadonlyArray<PromptChoice & { checked: boolean }>; validate?: Validate<string[]> }): Promise<string[]>;
  confirm(options: Common & { default?: boolean }): Promise<boolean>;
}
