/** The focus answer weighs and orders the agent; it never takes a competency away. */
import { describe, expect, it } from 'vitest';
import { generate } from './generate.js';
import { resolved } from './test-support/stacks.js';
import { TEST_DATE } from './test-support/answers.js';

const opts = { date: TEST_DATE, toolVersion: '0.0.0' };
const agentOf = (focus: string[]) => generate(resolved({ focus } as never), opts).get('.claude/agents/backend-staff.md')!;
const headings = (text: string) => text.split('\n').filter((l) => l.startsWith('## '));

describe('focus', () => {
  it('keeps every section of the unfocused agent, the focus areas first', () => {
    const all = headings(agentOf([]));
    const data = headings(agentOf(['data']));
    expect([...data].sort()).toEqual([...all].sort());
    const firstBlock = data.findIndex((h) => !all.slice(0, 2).includes(h));
    expect(data).not.toEqual(all);
    expect(data[firstBlock]).toMatch(/data/i);
  });

  it('tells the agent what to weigh first, with what each area covers', () => {
    expect(agentOf(['security', 'data'])).toContain('Weigh security (threat models, secrets, compliance controls) and data (schemas, migrations, queries, consistency) first');
    expect(agentOf([])).not.toContain('Weigh ');
  });

  it('says nothing when nearly every area is a focus (a focus on everything is none)', () => {
    const most = ['architecture', 'api', 'data', 'distributed-systems', 'performance', 'security', 'operations', 'quality'];
    expect(agentOf(most)).not.toContain('Weigh ');
  });
});
