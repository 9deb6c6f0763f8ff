/** What every agent format module provides, and what the generator hands it. */
import type { AGENT_FORMATS, Answers } from '../answers/schema.js';
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { InputError } from '../errors.js';
import { thousands } from '../thousands.js';
import type { Section } from './agent-body.js';

export type AgentFormatId = (typeof AGENT_FORMATS)[number];

export interface FormatInput {
  context: RenderContext;
  lib: Library;
  /** The competency sections, rendered once for every format. */
  sections: readonly Section[];
  /** The target's current root AGENTS.md, or null when there is none. */
  existingAgentsMd: string | null;
}

/** A size limit of the tool that reads the file. */
export interface SizeLimit {
  /** What is measured, as the README and errors say it ("the rule file", "the body"). */
  what: string;
  max: number;
  unit: 'characters' | 'bytes' | 'lines';
  /** Where the figure comes from, for messages. */
  source: string;
}

export interface AgentFormat {
  id: AgentFormatId;
  /** The coding tool, as its makers spell it. */
  tool: string;
  path(answers: Answers): string;
  render(input: FormatInput): string;
  /** The YAML frontmatter block the format writes above the body (Markdown formats that have one). */
  frontmatter?: (context: RenderContext, lib: Library) => string;
  /** Present when the tool caps the file; a file over it is refused (the core itself always fits). */
  limit?: SizeLimit;
  /** Formats that write more than one file (a plugin): every file, the one at path() among them. */
  files?: (input: FormatInput) => Array<[path: string, content: string]>;
  /** The one thing the user must still do before the tool loads the file, said once after writing. */
  setupStep?: (answers: Answers) => string;
}

const encoder = new TextEncoder();

export function measure(text: string, unit: SizeLimit['unit']): number {
  if (unit === 'bytes') return encoder.encode(text).length;
  if (unit === 'lines') return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  // UTF-16 code units: never fewer than the characters a tool may count, so a fit here fits there.
  return text.length;
}

/** The one-line error when a file exceeds its tool's limit. */
export function tooLargeError(format: AgentFormat, path: string, size: number, advice: string): InputError {
  const limit = format.limit!;
  return new InputError(
    `${path} would be ${thousands(size)} ${limit.unit}; ${limit.source} allows ${thousands(limit.max)} for ${limit.what}.`,
    advice,
  );
}

export const NARROW_ADVICE = 'Shorten the free-text answers (agent.title, service.team, collaboration), or drop this format from outputs.formats.';
