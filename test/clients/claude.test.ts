/**
 * Claude Code loads the generated subagent and the plugin: `claude -p` against a model stub on
 * 127.0.0.1 sends the stub its agent list ("Available agent types for the Agent tool"), which must
 * name our agent once; `claude plugin validate` passes on the plugin and its marketplace. A scripted
 * stub then plays the model through a delegation, to see what the subagent is given and whether the
 * skill paths the core names, and the references a skill links to, reach it through its tools.
 */
import fs from 'fs-extra';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countEach, freshHome, generatedSkills, generatedTarget, offlineEnv, runClient, VERSIONS } from './support/clients.js';
import { modelRequests, startModelStub, type AnswerBlock, type MessagesRequest, type ModelStub } from './support/model-stub.js';

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

/** The system prompt of a request as one text. */
const systemText = (body: MessagesRequest) => (typeof body.system === 'string' ? body.system : (body.system ?? []).map((b) => b.text ?? '').join('\n'));
/** Every block of the conversation so far, in order. */
const blocksOf = (body: MessagesRequest) => (body.messages ?? []).flatMap((m) => (Array.isArray(m.content) ? m.content : [{ type: 'text', text: m.content }]));
const toolResults = (body: MessagesRequest) => blocksOf(body).filter((b) => b.type === 'tool_result');
const resultText = (block: Record<string, unknown>) => stringsIn(block.content).join('\n');
const toolUse = (id: string, name: string, input: Record<string, unknown>): AnswerBlock => ({ type: 'tool_use', id, name, input });

/** The core's heading over its skill index (templates/layouts/_skills.md.hbs): only the subagent's prompt has it. */
const CORE_SKILLS_HEADING = '## Skills: read the one that fits the task before you start';

describe(`Claude Code ${VERSIONS['@anthropic-ai/claude-code']}: how the subagent reaches its skills`, () => {
  it('delegates to the subagent, which gets the core (skill paths, no skill listing) and reads a skill and the reference it links to with Read', async () => {
    const dir = await generatedTarget(['claude']);
    const skillFile = join(dir, '.claude/skills/schema-change/SKILL.md');
    const subagent: MessagesRequest[] = [];
    const main: MessagesRequest[] = [];
    let referencePath = '';
    const stub = await startModelStub((body) => {
      const results = toolResults(body);
      if (systemText(body).includes(CORE_SKILLS_HEADING)) {
        subagent.push(body);
        // The model would do what the core says: read the skill the task needs, then the reference it links to.
        if (results.length === 0) return [toolUse('toolu_skill', 'Read', { file_path: skillFile })];
        if (results.length === 1) {
          const link = /`(\.\.\/stack-references\/references\/postgresql\.md)`/.exec(resultText(results[0]!))?.[1];
          if (!link) return [{ type: 'text', text: 'the skill names no PostgreSQL reference' }];
          referencePath = join(dirname(skillFile), link);
          return [toolUse('toolu_reference', 'Read', { file_path: referencePath })];
        }
        return [{ type: 'text', text: 'subagent done' }];
      }
      const agentTool = body.tools?.find((t) => t.name === 'Agent' || t.name === 'Task');
      if (!agentTool) return undefined;
      main.push(body);
      if (results.length > 0) return undefined;
      return [toolUse('toolu_delegate', agentTool.name, { subagent_type: AGENT, description: 'Plan a schema change', prompt: 'Plan adding an index on orders.customer_id.' })];
    });
    try {
      const env = offlineEnv(await freshHome(), { ANTHROPIC_BASE_URL: stub.url, ANTHROPIC_API_KEY: 'sk-ant-offline-test' });
      const result = await runClient('claude', ['-p', 'Add an index on orders.customer_id', '--output-format', 'json'], { cwd: dir, env });
      expect(result.exitCode, result.stderr).toBe(0);
    } finally {
      await stub.close();
    }
    expect(main.length).toBeGreaterThan(0);
    expect(subagent.length).toBe(3);
    const first = subagent[0]!;
    const prompt = systemText(first);
    if (process.env.CBA_CLIENTS_RECORD) {
      await fs.outputJson(join(process.env.CBA_CLIENTS_RECORD, 'claude-subagent.json'), { system: prompt, tools: first.tools?.map((t) => t.name), messages: first.messages, mainTools: main[0]!.tools?.map((t) => t.name) }, { spaces: 2 });
    }
    // The subagent's system prompt is the core: the path of each skill and when to read it.
    for (const name of ['schema-change', 'incident-response', 'stack-references']) expect(prompt).toContain(`\`.claude/skills/${name}/SKILL.md\``);
    // It is given no skill listing and no Skill tool (the default tools do not include it): the
    // core's index is the only way it learns of the skills, and Read the way it loads them.
    const everything = stringsIn(first).join('\n');
    expect(everything).not.toContain(SKILLS_HEADER);
    expect(first.tools?.map((t) => t.name)).toContain('Read');
    expect(first.tools?.map((t) => t.name)).not.toContain('Skill');
    // Both reads came back with the files' content, the reference through the skill's relative link.
    const [skillRead, referenceRead] = toolResults(subagent[2]!);
    expect(skillRead!.is_error ?? false).toBe(false);
    expect(resultText(skillRead!)).toContain('# Schema change on');
    expect(referencePath).toBe(join(dir, '.claude/skills/stack-references/references/postgresql.md'));
    expect(referenceRead!.is_error ?? false, resultText(referenceRead!)).toBe(false);
    expect(resultText(referenceRead!)).toContain('# PostgreSQL');
    expect(resultText(referenceRead!)).toContain('## Pitfalls to catch in review');
    // And the main agent got the subagent's answer back.
    expect(main.some((body) => toolResults(body).some((b) => resultText(b).includes('subagent done')))).toBe(true);
  });
});
