/**
 * OpenCode loads the generated agent: `opencode agent list` names it once, `opencode debug agent`
 * shows the description, prompt and permissions it resolved from our file.
 */
import fs from 'fs-extra';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countEach, freshHome, generatedSkills, generatedTarget, occurrences, offlineEnv, runClient, VERSIONS } from './support/clients.js';

const AGENT = 'backend-staff';
const listed = (stdout: string) => occurrences(stdout, new RegExp(`^${AGENT} \\(subagent\\)$`, 'm'));

describe(`OpenCode ${VERSIONS['opencode-ai']}`, () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = offlineEnv(await freshHome(), { ANTHROPIC_API_KEY: 'dummy' });
  });

  it('lists the generated subagent once, and resolves its description, prompt and permissions', async () => {
    const dir = await generatedTarget(['opencode']);
    const list = await runClient('opencode', ['agent', 'list'], { cwd: dir, env });
    expect(list.exitCode, list.stderr).toBe(0);
    expect(listed(list.stdout)).toBe(1);

    const debug = await runClient('opencode', ['debug', 'agent', AGENT], { cwd: dir, env });
    expect(debug.exitCode, debug.stderr).toBe(0);
    const agent = JSON.parse(debug.stdout) as { name: string; mode: string; description: string; prompt: string; permission: Array<{ permission: string; action: string }>; options: object };
    const file = await fs.readFile(join(dir, `.opencode/agents/${AGENT}.md`), 'utf8');
    expect(agent.name).toBe(AGENT);
    expect(agent.mode).toBe('subagent');
    expect(file).toContain(agent.description.slice(0, 60));
    expect(agent.prompt.length).toBeGreaterThan(10_000);
    expect(file).toContain(agent.prompt.slice(-200));
    // The default tools leave out Agent, Skill, LSP: OpenCode must have turned our map into deny rules.
    const rule = (p: string) => agent.permission.filter((r) => r.permission === p).at(-1)?.action;
    expect(rule('task')).toBe('deny');
    expect(rule('edit')).toBe('allow');
    expect(rule('bash')).toBe('allow');
    // Nothing of ours was left over as provider options (what OpenCode does with keys it does not know).
    expect(agent.options).toEqual({});

    // Each generated skill once, though OpenCode reads both .claude/skills and .agents/skills.
    const skills = await runClient('opencode', ['debug', 'skill'], { cwd: dir, env });
    expect(skills.exitCode, skills.stderr).toBe(0);
    const skillNames = (JSON.parse(skills.stdout) as Array<{ name: string; location: string }>).filter((s) => s.location.startsWith(dir)).map((s) => s.name);
    const ours = [...(await generatedSkills(dir)).keys()];
    expect(countEach(ours, skillNames)).toEqual(Object.fromEntries(ours.map((n) => [n, 1])));
  });

  it('does not list the agent from the wrong folder or with a broken field', async () => {
    const dir = await generatedTarget(['opencode']);
    const file = join(dir, `.opencode/agents/${AGENT}.md`);
    const content = await fs.readFile(file, 'utf8');

    await fs.move(file, join(dir, `.opencode/agent-files/${AGENT}.md`));
    expect(listed((await runClient('opencode', ['agent', 'list'], { cwd: dir, env })).stdout)).toBe(0);

    // A broken field: OpenCode refuses the whole configuration, naming the file (it forgives broken
    // YAML itself, repairing the frontmatter before parsing).
    await fs.outputFile(file, content.replace(/^mode: subagent$/m, 'mode: sub-agent'));
    const broken = await runClient('opencode', ['agent', 'list'], { cwd: dir, env });
    expect(listed(broken.stdout)).toBe(0);
    expect(broken.stdout + broken.stderr).toContain(`Configuration is invalid at ${file}`);

    await fs.outputFile(file, content);
    expect(listed((await runClient('opencode', ['agent', 'list'], { cwd: dir, env })).stdout)).toBe(1);
  });
});
