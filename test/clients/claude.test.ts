/**
 * Claude Code loads the generated subagent and the plugin: `claude -p` against a model stub on
 * 127.0.0.1 sends the stub its agent list ("Available agent types for the Agent tool"), which must
 * name our agent once; `claude plugin validate` passes on the plugin and its marketplace.
 */
import fs from 'fs-extra';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countEach, freshHome, generatedSkills, generatedTarget, offlineEnv, runClient, VERSIONS } from './support/clients.js';
import { modelRequests, startModelStub, type ModelStub } from './support/model-stub.js';

const AGENT = 'backend-staff';
const HEADER = 'Available agent types for the Agent tool:';
const SKILLS_HEADER = 'The following skills are available for use with the Skill tool:';

/** Every string in a parsed request body (the system prompt and messages are nested blocks). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe(`Claude Code ${VERSIONS['@anthropic-ai/claude-code']}`, () => {
  let stub: ModelStub;
  beforeAll(async () => {
    stub = await startModelStub();
  });
  afterAll(async () => stub.close());

  /** What Claude Code offered the model in its first request: agent types and skills, name -> description. */
  async function offeredAll(dir: string, args: readonly string[] = []): Promise<{ agents: Map<string, string>; skills: string[] }> {
    const env = offlineEnv(await freshHome(), { ANTHROPIC_BASE_URL: stub.url, ANTHROPIC_API_KEY: 'sk-ant-offline-test' });
    const before = stub.requests.length;
    const result = await runClient('claude', ['-p', 'hello', '--output-format', 'json', ...args], { cwd: dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).result).toBe('stub answer');
    const sent = modelRequests({ ...stub, requests: stub.requests.slice(before) });
    expect(sent.length).toBeGreaterThan(0);
    const texts = stringsIn(JSON.parse(sent[0]!));
    const entries = (text: string) => [...text.matchAll(/^- ([\w:.-]+): (.*)$/gm)].map((m): [string, string] => [m[1]!, m[2]!]);
    const listing = texts.find((s) => s.includes(HEADER)) ?? '';
    const agentsPart = listing.slice(listing.indexOf(HEADER)).split(SKILLS_HEADER)[0]!;
    const skillsText = texts.filter((s) => s.includes(SKILLS_HEADER)).map((s) => s.slice(s.indexOf(SKILLS_HEADER)).split('\n\n').slice(1).find(Boolean) ?? '').join('\n');
    return { agents: new Map(entries(agentsPart)), skills: entries(skillsText).map(([name]) => name) };
  }
  const offered = async (dir: string, args: readonly string[] = []) => (await offeredAll(dir, args)).agents;
  const offeredAgents = async (dir: string, args: readonly string[] = []) => [...(await offered(dir, args)).keys()];

  it('offers the generated subagent once, and each generated skill once', async () => {
    const dir = await generatedTarget(['claude']);
    const { agents, skills } = await offeredAll(dir);
    expect([...agents.keys()]).toContain('general-purpose');
    expect([...agents.keys()].filter((a) => a === AGENT)).toHaveLength(1);
    const ours = await generatedSkills(dir);
    expect(countEach(ours.keys(), skills)).toEqual(Object.fromEntries([...ours.keys()].map((n) => [n, 1])));
  });

  it('offers nothing from the wrong folder or with a byte-order mark, and loses the description on broken YAML', async () => {
    const dir = await generatedTarget(['claude']);
    const file = join(dir, `.claude/agents/${AGENT}.md`);
    const content = await fs.readFile(file, 'utf8');

    await fs.move(file, join(dir, `.claude/${AGENT}.md`));
    expect(await offeredAgents(dir)).not.toContain(AGENT);
    await fs.remove(join(dir, `.claude/${AGENT}.md`));
    await fs.outputFile(file, content);

    // Broken YAML: Claude Code 2.1 keeps the agent under its file name with every field dropped, so
    // the main agent no longer learns when to delegate to it (and it gets every tool).
    expect((await offered(dir)).get(AGENT)).toMatch(/^Use this agent when the `/);
    await fs.outputFile(file, content.replace(/^description: "/m, 'description: ["'));
    expect((await offered(dir)).get(AGENT) ?? '').not.toMatch(/^Use this agent when/);

    await fs.outputFile(file, `\uFEFF${content}`);
    expect(await offeredAgents(dir)).not.toContain(AGENT);

    await fs.outputFile(file, content);
    expect(await offeredAgents(dir)).toContain(AGENT);
  });

  it('validates the plugin and its marketplace, and loads the plugin agent under its namespace', async () => {
    const dir = await generatedTarget(['claude-plugin']);
    const env = offlineEnv(await freshHome());
    for (const target of ['.', `plugins/${AGENT}`]) {
      const result = await runClient('claude', ['plugin', 'validate', target], { cwd: dir, env });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/✔ Validation passed\s*$/);
      expect(result.stdout).not.toMatch(/warning/i);
    }
    const agents = await offeredAgents(dir, ['--plugin-dir', `plugins/${AGENT}`]);
    expect(agents.filter((a) => a === `${AGENT}:${AGENT}`)).toHaveLength(1);
  });

  it('fails validation when the plugin agent frontmatter breaks', async () => {
    const dir = await generatedTarget(['claude-plugin']);
    const file = join(dir, `plugins/${AGENT}/agents/${AGENT}.md`);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^name: .*$/m, 'name: [broken'));
    const result = await runClient('claude', ['plugin', 'validate', `plugins/${AGENT}`], { cwd: dir, env: offlineEnv(await freshHome()) });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('YAML frontmatter failed to parse');
  });
});
