/** Exit codes of every command. Its own module so the entry point can use them without loading a command. */
export const EXIT = { ok: 0, input: 1, conflicts: 2, drift: 3, fileSystem: 4, locked: 5, bug: 70, cancelled: 130 } as const;
