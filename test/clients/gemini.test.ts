/**
 * Gemini CLI's own agent loader (loadAgentsFromDirectory, from the installed bundle, the function the
 * CLI's AgentRegistry calls for .gemini/agents/) reads the generated subagent once, with our tools;
 * a broken field makes it report a load error and skip the file, as the CLI then does.
 */
import { execa } from 'execa';
import fs from 'fs-extra';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countEach, freshHome, generatedSkills, generatedTarget, offlineEnv, packageDir, VERSIONS } from './support/clients.js';

const AGENT = 'backend-staff';

interface Loaded {
  agents: Array<{ name: string; kind: string; description: string; tools: string[] | null; prompt: string }>;
  errors: string[];
}

describe(`Gemini CLI ${VERSIONS['@google/gemini-cli']}`, () => {
  let core: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    // The bundle's chunk names carry hashes: find the core entry that exports the loader.
    const bundle = join(packageDir('@google/gemini-cli'), 'bundle');
    const candidates = (await fs.readdir(bundle)).filter((f) => /^core-.*\.js$/.test(f));
    const found: string[] = [];
    for (const file of candidates) if (/\bloadAgentsFromDirectory\b/.test(await fs.readFile(join(bundle, file), 'utf8'))) found.push(join(bundle, file));
    expect(found.length, 'a core chunk exporting loadAgentsFromDirectory').toBeGreaterThan(0);
    core = found[0]!;
    env = offlineEnv(await freshHome(), { GEMINI_API_KEY: 'dummy' });
  });

  async function load(dir: string): Promise<Loaded> {
    const script = `
      const { loadAgentsFromDirectory } = await import(${JSON.stringify(core)});
      const r = await loadAgentsFromDirectory(process.argv[1]);
      process.stdout.write(JSON.stringify({
        agents: r.agents.map((a) => ({ name: a.name, kind: a.kind, description: a.description, tools: a.toolConfig?.tools ?? null, prompt: a.promptConfig.systemPrompt })),
        errors: r.errors.map((e) => e.message),
      }));`;
    const result = await execa('node', ['--input-type=module', '-e', script, join(dir, '.gemini/agents')], { env, extendEnv: false, reject: false });
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Loaded;
  }

  /** Gemini CLI's skill loader on each folder it reads in a project (.gemini/skills, .agents/skills). */
  async function skills(dir: string): Promise<string[]> {
    const script = `
      const { loadSkillsFromDir } = await import(${JSON.stringify(core)});
      const names = [];
      for (const d of process.argv.slice(1)) for (const s of await loadSkillsFromDir(d)) names.push(s.name);
      process.stdout.write(JSON.stringify(names));`;
    const result = await execa('node', ['--input-type=module', '-e', script, join(dir, '.gemini/skills'), join(dir, '.agents/skills')], { env, extendEnv: false, reject: false });
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as string[];
  }

  it('reads each generated skill once', async () => {
    const dir = await generatedTarget(['gemini']);
    const ours = [...(await generatedSkills(dir)).keys()];
    expect(countEach(ours, await skills(dir))).toEqual(Object.fromEntries(ours.map((n) => [n, 1])));
  });

  it('loads the generated subagent once, with its tools and whole prompt', async () => {
    const dir = await generatedTarget(['gemini']);
    const loaded = await load(dir);
    expect(loaded.errors).toEqual([]);
    expect(loaded.agents.filter((a) => a.name === AGENT)).toHaveLength(1);
    const agent = loaded.agents[0]!;
    expect(agent.kind).toBe('local');
    expect(agent.description).toMatch(/^Use this agent when/);
    expect(agent.tools).toEqual(expect.arrayContaining(['read_file', 'grep_search', 'run_shell_command', 'write_todos']));
    expect(agent.prompt.length).toBeGreaterThan(10_000);
  });

  it('skips the file with a load error on an unknown key, tools as one string or Claude tool names, and finds nothing elsewhere', async () => {
    const dir = await generatedTarget(['gemini']);
    const file = join(dir, `.gemini/agents/${AGENT}.md`);
    const content = await fs.readFile(file, 'utf8');
    const broken: Array<[string, string]> = [
      ['unknown key', content.replace(/^kind: local$/m, 'kind: local\ncolor: blue')],
      ['tools as one string', content.replace(/^tools:\n(  - .*\n)+/m, 'tools: read_file, grep_search\n')],
      ['Claude tool names', content.replace(/^tools:\n(  - .*\n)+/m, 'tools:\n  - Read\n  - Grep\n')],
    ];
    for (const [what, text] of broken) {
      expect(text, what).not.toBe(content);
      await fs.writeFile(file, text);
      const loaded = await load(dir);
      expect(loaded.agents, what).toEqual([]);
      expect(loaded.errors, what).toHaveLength(1);
    }
    await fs.remove(file);
    await fs.outputFile(join(dir, `.gemini/agent/${AGENT}.md`), content);
    expect((await load(dir)).agents).toEqual([]);
  });
});
