/**
 * Copilot CLI in its offline mode (COPILOT_OFFLINE, a model provider on 127.0.0.1) lists the
 * generated custom agent once among "User-provided custom agents" though it reads both
 * .github/agents/ and .claude/agents/, and reads the AGENTS.md block without taking any package
 * name in it for an @-import.
 */
import fs from 'fs-extra';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintAgentFiles } from '@create-backend-agent/core';
import { countEach, freshHome, generatedSkills, generatedTarget, offlineEnv, runClient, VERSIONS } from './support/clients.js';
import { modelRequests, startModelStub, type ModelStub } from './support/model-stub.js';

const AGENT = 'backend-staff';
const IMPORT_WARNING = 'Could not resolve instruction import';

describe(`Copilot CLI ${VERSIONS['@github/copilot']}`, () => {
  let stub: ModelStub;
  beforeAll(async () => {
    stub = await startModelStub();
  });
  afterAll(async () => stub.close());

  /** What Copilot sent the model for one prompt, and what it logged. */
  async function session(dir: string): Promise<{ prompt: string; log: string }> {
    const home = await freshHome();
    const env = offlineEnv(home, {
      COPILOT_OFFLINE: 'true',
      COPILOT_PROVIDER_BASE_URL: stub.url,
      COPILOT_PROVIDER_TYPE: 'anthropic',
      COPILOT_PROVIDER_API_KEY: 'offline-test',
      COPILOT_MODEL: 'claude-sonnet-4.5',
    });
    const before = stub.requests.length;
    const logs = join(home, 'logs');
    const result = await runClient('copilot', ['-p', 'hello', '--trust-folder', '-s', '--no-auto-update', '--log-dir', logs, '--log-level', 'all'], { cwd: dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('stub answer');
    const sent = modelRequests({ ...stub, requests: stub.requests.slice(before) });
    expect(sent.length).toBeGreaterThan(0);
    const log = (await Promise.all((await fs.readdir(logs)).map((f) => fs.readFile(join(logs, f), 'utf8')))).join('\n');
    return { prompt: sent[0]!, log };
  }
  const customAgents = (prompt: string) => {
    const section = prompt.split('User-provided custom agents:')[1]?.split('\\n\\n')[0] ?? '';
    return [...section.matchAll(/- \*\*([\w:.-]+)\*\*/g)].map((m) => m[1]!);
  };

  it('lists the custom agent once from .github/agents and .claude/agents, and reads AGENTS.md with no import warning', async () => {
    const dir = await generatedTarget(['copilot', 'claude', 'agents-md']);
    const agentsMd = await fs.readFile(join(dir, 'AGENTS.md'), 'utf8');
    // Any scoped package the block names (@vitest/coverage-v8, @testcontainers/…) is quoted.
    expect(agentsMd.match(/(?<![`\w/])@[a-z0-9-]+\/[a-z0-9.-]+/g) ?? []).toEqual([]);
    const { prompt, log } = await session(dir);
    expect(customAgents(prompt).filter((a) => a === AGENT)).toHaveLength(1);
    expect(prompt).toContain('backend-agent:begin');
    expect(log).not.toContain(IMPORT_WARNING);

    // Each generated skill once, though Copilot CLI reads .claude/skills, .agents/skills and .github/skills.
    const list = await runClient('copilot', ['skill', 'list'], { cwd: dir, env: offlineEnv(await freshHome(), { COPILOT_OFFLINE: 'true', COPILOT_PROVIDER_BASE_URL: stub.url }) });
    expect(list.exitCode, list.stderr).toBe(0);
    const project = list.stdout.split('Project skills:')[1]?.split(/\n\s*\n/)[0] ?? '';
    const listed = [...project.matchAll(/^ {2}([\w:.-]+) - /gm)].map((m) => m[1]!);
    const ours = [...(await generatedSkills(dir)).keys()];
    expect(countEach(ours, listed)).toEqual(Object.fromEntries(ours.map((n) => [n, 1])));
  });

  it('lists nothing when the agent files move, and warns about unquoted package names that lint reports', async () => {
    const dir = await generatedTarget(['copilot']);
    await fs.move(join(dir, `.github/agents/${AGENT}.agent.md`), join(dir, `.github/${AGENT}.agent.md`));
    const unquoted = '# AGENTS.md\n\n- Unit: Vitest, @vitest/coverage-v8 and @testcontainers/postgresql.\n';
    await fs.writeFile(join(dir, 'AGENTS.md'), unquoted);
    const { prompt, log } = await session(dir);
    expect(customAgents(prompt)).not.toContain(AGENT);
    expect(log).toContain(`${IMPORT_WARNING} '@vitest/coverage-v8'`);
    expect(lintAgentFiles([{ path: 'AGENTS.md', content: unquoted }]).findings.map((f) => f.rule)).toEqual(['import', 'import']);
  });
});
