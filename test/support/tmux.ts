/**
 * Drives the built CLI in a real pseudo-terminal, the way a person would: tmux runs it, the test
 * sends keys, reads the screen and waits for what it expects (polling, with a timeout; no fixed
 * sleeps). Each session has its own tmux server socket, so tests never see each other.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './cli.js';

export const hasTmux = () => spawnSync('sh', ['-c', 'command -v tmux'], { stdio: 'ignore' }).status === 0;

let sessions = 0;

export interface TerminalOptions {
  cwd: string;
  /** Extra environment for the CLI; nothing else leaks in (no CI, no coding-agent variables). */
  env?: Record<string, string>;
  columns?: number;
  /** Terminal height (default 60). */
  rows?: number;
  /** The script node runs with the arguments (default: the built CLI). */
  script?: string;
}

/** POSIX single quotes, for the one shell line that runs the CLI. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export class Terminal {
  private constructor(private readonly socket: string, private readonly dir: string) {}

  /** Starts `node dist/bin.cjs ...args` in a fresh terminal (200 columns unless told otherwise). */
  static start(args: readonly string[], options: TerminalOptions): Terminal {
    return Terminal.shell([process.execPath, options.script ?? CLI, ...args].map(quote).join(' '), options);
  }

  /** Starts one shell command line, as typed at a prompt, in a fresh terminal. */
  static shell(commandLine: string, options: TerminalOptions): Terminal {
    const socket = `cba-e2e-${process.pid}-${++sessions}`;
    const dir = mkdtempSync(join(tmpdir(), 'cba-tmux-'));
    const conf = join(dir, 'tmux.conf');
    writeFileSync(conf, 'set -g remain-on-exit on\nset -g history-limit 10000\n');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm-256color', NO_COLOR: '1', ...options.env };
    // A shell waits for the CLI and writes its exit status to a file: tmux can take seconds to notice
    // that a pane's process has exited, and the test must not depend on that.
    const line = `${commandLine}\necho $? > ${quote(join(dir, 'status'))}`;
    const command = ['env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), '/bin/sh', '-c', line];
    execFileSync('tmux', ['-L', socket, '-f', conf, 'new-session', '-d', '-s', 'cli', '-x', String(options.columns ?? 200), '-y', String(options.rows ?? 60), '-c', options.cwd, '--', ...command]);
    return new Terminal(socket, dir);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Keys by tmux name: Enter, Down, Space, C-c, BSpace. */
  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'cli', ...keys);
  }

  /** Text typed as is. */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'cli', '-l', text);
  }

  /** The whole screen and its scrollback, wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'cli');
  }

  /** Polls the screen until it matches; fails with the screen when it does not in time. */
  async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${pattern}. Screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The exit status once the command has exited; undefined while it runs. */
  status(): number | undefined {
    return readStatus(join(this.dir, 'status'));
  }

  /** Waits for the CLI to exit and returns its exit status. */
  async exitCode(timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = readStatus(join(this.dir, 'status'));
      if (status !== undefined) return status;
      if (Date.now() > deadline) throw new Error(`The CLI did not exit within ${timeoutMs} ms. Screen:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function readStatus(file: string): number | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    return text.endsWith('\n') ? Number(text.trim()) : undefined;
  } catch {
    return undefined;
  }
}
