/** The one-line command that repeats a run without questions, as the user's package manager spells it. */

/**
 * POSIX shell quoting: words made only of safe characters stay bare, anything else goes in single
 * quotes (a quote inside becomes '\''). Small enough that a dependency would cost more than it saves.
 */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_./:=,@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** How the user started us: `pnpm create backend-agent`, `npm create`, `yarn create`, `bun create`; npx otherwise. */
export function invocation(vars: Readonly<Record<string, string | undefined>>): string {
  const agent = vars.npm_config_user_agent ?? '';
  if (agent.startsWith('pnpm/')) return 'pnpm create backend-agent';
  if (agent.startsWith('yarn/')) return 'yarn create backend-agent';
  if (agent.startsWith('bun/')) return 'bun create backend-agent';
  return 'npx create-backend-agent';
}

export function nonInteractiveCommand(vars: Readonly<Record<string, string | undefined>>, dir: string | undefined, sets: readonly string[], extra: readonly string[] = []): string {
  const words = [...(dir !== undefined && dir !== '.' ? [dir] : []), '--yes', ...sets.flatMap((s) => ['--set', s]), ...extra];
  return `${invocation(vars)} ${words.map(shellQuote).join(' ')}`;
}
