import { describe, expect, it } from 'vitest';
import { catalog, findQuestion, mergeLayers, parseSetFlag, type Question } from '@create-backend-agent/core';
import { answerValue, layerFromAnswers, promptFor, promptType } from './prompts.js';

const q = (id: string): Question => findQuestion(id)!;

describe('catalog question -> plop prompt', () => {
  it('maps each kind to the inquirer type plop knows, open choices to typed input', () => {
    expect(promptType(q('agent.name'))).toBe('input');
    expect(promptType(q('agent.seniority'))).toBe('list');
    expect(promptType(q('agent.model'))).toBe('input'); // open: a full model id is allowed
    expect(promptType(q('agent.tools'))).toBe('input'); // open multiselect: an MCP tool is allowed
    expect(promptType(q('stack.languages'))).toBe('checkbox');
    expect(promptType(q('targets.p99LatencyMs'))).toBe('number');
    expect(promptType(q('outputs.docs.adr'))).toBe('confirm');
    expect(promptType(q('collaboration.escalatesTo'))).toBe('input');
  });

  it('keeps every prompt bypassable: `when` is a plain boolean, choices are the catalog\'s', () => {
    for (const question of catalog) {
      for (const asked of [true, false]) {
        const prompt = promptFor(question, { asked });
        expect(prompt.name).toBe(question.id);
        expect(prompt.when, question.id).toBe(asked);
        if (prompt.type === 'list' || prompt.type === 'checkbox') expect(prompt.choices).toEqual(question.choices?.map((c) => ({ name: c.name, value: c.value })));
      }
    }
  });

  it('says when a typed list is comma-separated, once', () => {
    expect(promptFor(q('agent.tools'), { asked: true }).message).toMatch(/\(comma-separated\)$/);
    expect(promptFor(q('collaboration.escalatesTo'), { asked: true }).message.match(/comma-separated/g)).toHaveLength(1);
  });

  it('shows the suggestion in the prompt\'s own shape', async () => {
    const suggest = async (id: string) => (id === 'collaboration.escalatesTo' ? ['principal-architect', 'sre'] : ['go']);
    const list = promptFor(q('collaboration.escalatesTo'), { asked: true, suggest });
    const checkbox = promptFor(q('stack.languages'), { asked: true, suggest });
    expect(await (list.default as () => Promise<unknown>)()).toBe('principal-architect, sre');
    expect(await (checkbox.default as () => Promise<unknown>)()).toEqual(['go']);
  });
});

describe('plop answers -> answers', () => {
  it('reads a bypassed string the way --set reads it', () => {
    expect(answerValue(q('targets.p99LatencyMs'), '120')).toBe(120);
    expect(answerValue(q('outputs.docs.adr'), 'no')).toBe(false);
    expect(answerValue(q('stack.languages'), 'go, rust')).toEqual(['go', 'rust']);
    expect(answerValue(q('agent.name'), '  ledger-staff ')).toBe('ledger-staff');
    expect(() => answerValue(q('targets.p99LatencyMs'), 'fast')).toThrow('targets.p99LatencyMs expects a number, got "fast".');
  });

  it('keeps answers inquirer already typed', () => {
    expect(answerValue(q('targets.p99LatencyMs'), 120)).toBe(120);
    expect(answerValue(q('stack.languages'), ['go'])).toEqual(['go']);
  });

  it('validates with the catalog, naming the answer (bypass errors show no prompt)', () => {
    const name = promptFor(q('agent.name'), { asked: false });
    expect(name.validate('ledger-staff')).toBe(true);
    expect(name.validate('Ledger Staff')).toMatch(/^agent\.name: /);
    expect(promptFor(q('targets.availability'), { asked: false }).validate('150')).toMatch(/^targets\.availability: /);
    expect(promptFor(q('targets.p99LatencyMs'), { asked: false }).validate('fast')).toMatch(/expects a number/);
  });

  it('reads flat bypass keys and nested inquirer answers alike, and nothing else', () => {
    const flat = { 'agent.name': 'ledger-staff', 'targets.p99LatencyMs': '120', 'stack.languages': 'go', turbo: { paths: {} } };
    const nested = { agent: { name: 'ledger-staff' }, targets: { p99LatencyMs: 120 }, stack: { languages: ['go'] } };
    const expected = mergeLayers(parseSetFlag('agent.name=ledger-staff'), parseSetFlag('targets.p99LatencyMs=120'), parseSetFlag('stack.languages=go'));
    expect(layerFromAnswers(flat, catalog)).toEqual(expected);
    expect(layerFromAnswers(nested, catalog)).toEqual(expected);
    expect(layerFromAnswers(flat, [q('agent.name')])).toEqual({ agent: { name: 'ledger-staff' } });
  });
});
