/**
 * Codex loads the generated custom agent: `codex debug prompt-input` (the exact input Codex would send
 * a model, rendered offline) offers it as a role once, in a project the user trusts.
 */
import fs from 'fs-extra';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countEach, freshHome, generatedSkills, generatedTarget, occurrences, offlineEnv, runClient, VERSIONS } from './support/clients.js';

const AGENT = 'backend-staff';

/** The roles Codex offers for sub-agents, as the model sees them. */
async function promptInput(dir: string, trusted: boolean): Promise<string> {
  const home = await freshHome();
  const codexHome = join(home, '.codex');
  await fs.outputFile(join(codexHome, 'config.toml'), trusted ? `[projects.${JSON.stringify(dir)}]\ntrust_level = "trusted"\n` : '');
  const env = offlineEnv(home, { CODEX_HOME: codexHome, OPENAI_API_KEY: 'dummy' });
  const result = await runClient('codex', ['debug', 'prompt-input'], { cwd: dir, env });
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout;
}
const roles = (input: string) => occurrences(JSON.stringify(JSON.parse(input)), new RegExp(`\\\\n${AGENT}: `));
/** The skills Codex lists for the model: "- name: description (file: …/SKILL.md)". */
const listedSkills = (input: string) => [...JSON.stringify(JSON.parse(input)).matchAll(/\\n- ([\w:.-]+): (?:(?!\\n).)*?\(file: [^)]*\/SKILL\.md\)/g)].map((m) => m[1]!);

describe(`Codex ${VERSIONS['@openai/codex']}`, () => {
  it('offers the generated agent as a role once in a trusted project, and reads the AGENTS.md block', async () => {
    const dir = await generatedTarget(['codex', 'agents-md']);
    const input = await promptInput(dir, true);
    expect(input).toContain('Available roles');
    expect(roles(input)).toBe(1);
    // The AGENTS.md block reaches the model too (the chain Codex reads from root to cwd).
    expect(input).toContain('backend-agent:begin');
    // Each generated skill once (Codex reads .agents/skills).
    const ours = [...(await generatedSkills(dir)).keys()];
    expect(countEach(ours, listedSkills(input))).toEqual(Object.fromEntries(ours.map((n) => [n, 1])));
  });

  it('offers nothing in an untrusted project (the step the user must take)', async () => {
    const dir = await generatedTarget(['codex']);
    expect(roles(await promptInput(dir, false))).toBe(0);
  });

  it('drops the agent silently when it moves, gains an unknown key or an invalid sandbox_mode', async () => {
    const dir = await generatedTarget(['codex']);
    const file = join(dir, `.codex/agents/${AGENT}.toml`);
    const content = await fs.readFile(file, 'utf8');

    await fs.move(file, join(dir, `.codex/${AGENT}.toml`));
    expect(roles(await promptInput(dir, true))).toBe(0);
    await fs.remove(join(dir, `.codex/${AGENT}.toml`));

    await fs.outputFile(file, `${content}colour = "blue"\n`);
    expect(roles(await promptInput(dir, true))).toBe(0);

    await fs.outputFile(file, content.replace(/^sandbox_mode = .*$/m, 'sandbox_mode = "workspace"'));
    expect(roles(await promptInput(dir, true))).toBe(0);

    await fs.outputFile(file, content);
    expect(roles(await promptInput(dir, true))).toBe(1);
  });
});
