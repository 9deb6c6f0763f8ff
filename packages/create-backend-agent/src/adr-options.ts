/**
 * What `add adr` asks for, defined once: the CLI parses its flags and prints its help from these
 * entries, and the plop `adr` generator turns the same entries into prompts. The objects double as
 * node:util parseArgs option configs (it reads `type` and `multiple` and ignores the rest).
 */
import { NEW_ADR_STATUSES } from '@create-backend-agent/core';

export interface AdrField {
  type: 'string';
  multiple?: true;
  /** The flag's value in the help ("STATUS"); the title is the positional TITLE... instead. */
  value?: string;
  /** The prompt's question. */
  message: string;
  /** The help text, one entry per line. */
  help: readonly string[];
  choices?: readonly string[];
  default?: string;
  /** Asked in a terminal; otherwise given or defaulted only (the date). */
  asked: boolean;
}

export const ADR_TITLE: AdrField = {
  type: 'string',
  message: 'Title of the decision (e.g. "Use NATS for internal events")',
  help: [],
  asked: true,
};

export const ADR_OPTIONS = {
  status: {
    type: 'string',
    value: 'STATUS',
    message: 'Status',
    help: [`${NEW_ADR_STATUSES.join(', ')} (default: accepted)`],
    choices: NEW_ADR_STATUSES,
    default: 'accepted',
    asked: true,
  },
  supersedes: {
    type: 'string',
    multiple: true,
    value: 'N',
    message: 'Records it supersedes: numbers or parts of file names, comma-separated (empty: none)',
    help: [
      'the number, or part of the file name, of a record this one replaces',
      '(repeatable): its "- Status:" line and "## Status" section become',
      '"superseded by" this record, and each record links to the other',
    ],
    asked: true,
  },
  date: {
    type: 'string',
    value: 'YYYY-MM-DD',
    message: "The record's date, YYYY-MM-DD (default: today)",
    help: ["the record's date (default: today)"],
    asked: false,
  },
} as const satisfies Record<string, AdrField>;

/** Help lines for the options, aligned as the rest of the help: flag and value, then the text at column 26. */
export function adrOptionsHelp(): string[] {
  return Object.entries(ADR_OPTIONS as Record<string, AdrField>).flatMap(([name, field]) => {
    const flag = `      --${name}${field.value ? ` ${field.value}` : ''}`;
    return field.help.map((line, i) => `${i === 0 ? flag.padEnd(25) : ' '.repeat(25)}${line}`);
  });
}
