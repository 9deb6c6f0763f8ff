import { describe, expect, it } from 'vitest';
import { library } from '../library/index.js';
import { agentSections } from './sections.js';
import { importAgentFiles } from './index.js';
import { teamBlockId } from './team-blocks.js';
import { composeWithPacks } from '../packs/compose.js';
import { readPack } from '../packs/read.js';
import { packOf } from '../test-support/packs.js';
import { renderOrchestrationAgent } from '../formats/seed-shapes.js';
import { buildContext } from '../render/context.js';
import { resolveAnswers } from '../answers/resolve.js';

const FILE = [
  '# Checkout agent',
  '',
  'You help on checkout.',
  '',
  '## PostgreSQL',
  '',
  '- Index foreign keys.',
  '',
  '## Template syntax',
  '',
  '```md',
  '## not a heading inside a fence',
  '```',
  'Write {{name}} literally.',
  '',
].join('\n');

describe('agent files as sections', () => {
  it('cuts at the section level, keeps fenced headings inside, and gives each its line', () => {
    const sections = agentSections('docs/agents/checkout.md', FILE);
    expect(sections.map((s) => [s.heading, s.line, s.preamble])).toEqual([['Checkout agent', 1, true], ['PostgreSQL', 5, false], ['Template syntax', 9, false]]);
    expect(sections[2]!.body).toBe('```md\n## not a heading inside a fence\n```\nWrite {{name}} literally.');
  });

  it('reads the orchestration seed shape below its frontmatter', () => {
    const context = buildContext(resolveAnswers([], library).answers, library, '2026-11-21');
    const sections = agentSections('agents/backend-staff.md', renderOrchestrationAgent(context, library));
    expect(sections[0]).toMatchObject({ heading: 'Staff Backend Engineer', preamble: true });
    expect(sections.map((s) => s.heading)).toContain('API contracts');
  });
});

describe('importAgentFiles', () => {
  it('covers a section whose heading names a facet, and writes the other verbatim with {{ escaped', () => {
    const result = importAgentFiles([{ path: 'docs/agents/checkout.md', content: FILE }], library, { dir: '.backend-agent/pack' });
    expect(result.sections.map((s) => [s.heading, s.status, s.coverage?.rule, s.coverage?.by.id])).toEqual([
      ['Checkout agent', 'covered', 'introduction', 'agent-body'],
      ['PostgreSQL', 'covered', 'technology', 'postgresql'],
      ['Template syntax', 'new', undefined, undefined],
    ]);
    expect(result.writes).toHaveLength(1);
    const [path, text] = result.writes[0]!;
    expect(path).toBe('.backend-agent/pack/blocks/template-syntax.md');
    expect(text).toContain('Write \\{{name}} literally.');
    // The block reads back as a valid pack block, and renders the text as written.
    const lib = composeWithPacks(library, [readPack(packOf({ 'pack.yaml': 'name: team\n', 'blocks/template-syntax.md': text }))]);
    expect(importAgentFiles([{ path: 'docs/agents/checkout.md', content: FILE }], lib, { dir: '.backend-agent/pack' }).writes).toEqual([]);
  });

  it('covers a heading that is a block id, reports a repeated section once, and never takes a library id', () => {
    const result = importAgentFiles([{ path: 'a.md', content: '# A\n\n## Messaging\n\nOur own text about queues.\n\n## Intro\n\nOne.\n\n## Intro\n\nOne.\n' }], library, { dir: 'p' });
    expect(result.sections.map((s) => [s.heading, s.status, s.coverage?.by.id])).toEqual([['Messaging', 'covered', 'messaging'], ['Intro', 'new', undefined], ['Intro', 'repeated', undefined]]);
    expect(result.writes.map(([path]) => path)).toEqual(['p/blocks/intro.md']);
    expect(teamBlockId('Messaging', new Set(['messaging']))).toBe('messaging-team');
    expect(teamBlockId('Messaging', new Set(['messaging', 'messaging-team']))).toBe('messaging-team-3');
    expect(teamBlockId('Skills: read the one that fits the task before you start', new Set())).toBe('skills-read-the-one-that-fits-the-task');
  });
});
