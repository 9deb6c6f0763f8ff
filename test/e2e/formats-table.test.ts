/**
 * docs/tools.md's table of what each tool showed stays true: every row's folder is where the format
 * writes, every client version is the one the client suite pins, and the "step left to you" column
 * is filled exactly for the formats that print a setup step after writing.
 */
import { describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { fileURLToPath } from 'node:url';
import { AGENT_FORMAT_REGISTRY, AnswersSchema, setupSteps } from '@create-backend-agent/core';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function table(): Promise<Array<{ formats: string[]; where: string; loadedBy: string; step: string }>> {
  const readme = await fs.readFile(`${root}docs/tools.md`, 'utf8');
  const start = readme.indexOf('| Format | Where | Limit | Loaded by (as listed) | The step left to you |');
  expect(start).toBeGreaterThan(0);
  const lines = readme.slice(start).split('\n');
  const rows = lines.slice(2, lines.findIndex((l) => !l.startsWith('|')));
  return rows.map((row) => {
    const [formats, where, , loadedBy, step] = row.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '').trim());
    return { formats: [...formats!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!), where: where!, loadedBy: loadedBy!, step: step! };
  });
}

describe('docs/tools.md: what each tool showed', () => {
  it('names the folder each format writes to, and the pinned client versions', async () => {
    const { clients } = (await fs.readJson(`${root}test/clients/clients.json`)) as { clients: Record<string, string> };
    const answers = AnswersSchema.parse({});
    const rows = await table();
    for (const { formats, where, loadedBy } of rows) {
      for (const id of formats) {
        const path = AGENT_FORMAT_REGISTRY[id as keyof typeof AGENT_FORMAT_REGISTRY].path(answers);
        const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : path;
        const shown = [...where.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/<name>/g, answers.agent.name).replace(/\*\.[a-z.]+$/, ''));
        expect(shown.some((w) => folder.startsWith(w) || path.startsWith(w) || w.startsWith(folder)), `${id}: ${path} vs ${where}`).toBe(true);
      }
      for (const version of loadedBy.match(/\d+\.\d+\.\d+/g) ?? []) expect(Object.values(clients), loadedBy).toContain(version);
    }
  });

  it('fills the step column exactly for the formats that print a step', async () => {
    for (const { formats, step } of await table()) {
      const printed = formats.some((id) => setupSteps(AnswersSchema.parse({ outputs: { formats: [id] } })).length > 0);
      expect(step !== '–', formats.join(',')).toBe(printed);
    }
  });
});
