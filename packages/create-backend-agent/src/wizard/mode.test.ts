import { describe, expect, it } from 'vitest';
import { InputError } from '@create-backend-agent/core';
import { interactionFor } from './mode.js';
import { detectAutomation } from '../edge/automation.js';
import { nonInteractiveCommand, shellQuote } from '../edge/command-line.js';
import { parseCliArgs } from '../args.js';

const tty = { stdinIsTTY: true, stdoutIsTTY: true, vars: {} };
const kind = (argv: string[], env: Parameters<typeof interactionFor>[1] = tty) => interactionFor(parseCliArgs(argv), env).kind;

describe('interactionFor', () => {
  it('prompts in a terminal, for whatever flags did not answer', () => {
    expect(kind([])).toBe('prompt');
    expect(kind(['--set', 'agent.name=x-y-z'])).toBe('prompt');
    expect(kind(['--preset', 'go-postgres-kafka-aws', '--dry-run'])).toBe('prompt');
  });

  it('never prompts with --yes or --json', () => {
    expect(kind(['--yes'])).toBe('unattended');
    expect(kind(['--json', '--set', 'agent.name=x-y-z'])).toBe('unattended');
    expect(() => kind(['--json'])).toThrow('No answers given; --json never prompts.');
  });

  it('without a terminal runs unattended from an answers source, and otherwise stops at once', () => {
    expect(kind(['--answers', 'a.yaml'], { stdinIsTTY: false })).toBe('unattended');
    expect(() => kind([], { stdinIsTTY: false })).toThrow(new InputError('No answers given and no terminal to prompt in.', 'Pass --yes to use the defaults, or --answers FILE, --preset NAME or --set KEY=VALUE.'));
    // stdout piped (| tee): the prompts would be invisible.
    expect(() => kind([], { stdinIsTTY: true, stdoutIsTTY: false })).toThrow(/no terminal to prompt in/);
  });

  it('under npm says that options go after `--`, and that npm kept a --yes it was given', () => {
    const npm = { stdinIsTTY: false, vars: { npm_config_user_agent: 'npm/11.6.2 node/v20.20.2 linux x64 workspaces/false' } };
    expect(() => kind([], npm)).toThrow(/With npm, options go after `--`: npm create backend-agent@latest -- --yes\. Pass --yes/);
    expect(() => kind([], npm)).not.toThrow(/npm kept --yes/);
    expect(() => kind([], { ...npm, vars: { ...npm.vars, npm_config_yes: 'true' } })).toThrow(/npm kept --yes for itself\. With npm, options go after `--`/);
    // pnpm passes --yes on: no npm advice.
    expect(() => kind([], { stdinIsTTY: false, vars: { npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2' } })).not.toThrow(/With npm/);
  });

  it('on a re-run says that --yes reuses the last answers', () => {
    expect(() => kind([], { stdinIsTTY: false, previousRun: true })).toThrow(/Pass --yes to re-run with the last answers \(from \.backend-agent\/manifest\.json\)/);
  });

  it('under CI or a coding agent never prompts; without answers it hands back the command', () => {
    expect(kind([], { ...tty, vars: { CI: 'true' } })).toBe('automation');
    expect(kind(['--set', 'agent.name=x-y-z'], { ...tty, vars: { CLAUDECODE: '1' } })).toBe('unattended');
    expect(() => kind(['svc'], { stdinIsTTY: false, vars: { CURSOR_AGENT: '1' } })).toThrow(/no terminal to prompt in\. Pass --yes .* Non-interactively: npx create-backend-agent svc --yes$/);
  });
});

describe('detectAutomation', () => {
  it('names the agent or CI and the variable that says so', () => {
    expect(detectAutomation({ CLAUDECODE: '1' })).toEqual({ who: 'a coding agent (Claude Code)', variable: 'CLAUDECODE' });
    expect(detectAutomation({ CODEX_SANDBOX: 'seatbelt' })).toEqual({ who: 'a coding agent (Codex)', variable: 'CODEX_SANDBOX' });
    expect(detectAutomation({ GITHUB_ACTIONS: 'true' })).toEqual({ who: 'CI', variable: 'GITHUB_ACTIONS' });
    expect(detectAutomation({ CI: 'false', HOME: '/root' })).toBeNull();
    expect(detectAutomation({ CI: '' })).toBeNull();
  });
});

describe('the equivalent command', () => {
  it('quotes only what a POSIX shell would mangle', () => {
    expect(shellQuote('stack.languages=go,rust')).toBe('stack.languages=go,rust');
    expect(shellQuote('agent.title=Staff Engineer')).toBe("'agent.title=Staff Engineer'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });

  it('uses the package manager that ran us', () => {
    expect(nonInteractiveCommand({ npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64' }, 'my service', ['agent.seniority=principal'])).toBe("pnpm create backend-agent 'my service' --yes --set agent.seniority=principal");
    expect(nonInteractiveCommand({}, undefined, [], ['--force'])).toBe('npx create-backend-agent --yes --force');
  });
});
