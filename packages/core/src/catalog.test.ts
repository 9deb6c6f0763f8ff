import { describe, expect, it } from 'vitest';
import { catalog } from './catalog.js';
import { AnswersSchema } from './answers/schema.js';
import { isPlainObject } from './answers/paths.js';

function leaves(value: unknown, prefix = ''): string[] {
  if (!isPlainObject(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('question catalog', () => {
  it('has exactly one question per answer in the schema', () => {
    const ids = catalog.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Optional answers without a default (agent.model, agent.color) are absent from the parsed defaults.
    expect([...ids].sort()).toEqual([...leaves(AnswersSchema.parse({})), 'agent.model', 'agent.color', 'agent.yearsOfExperienceMax'].sort());
  });

  it('takes defaults from the schema and validates with it', () => {
    const name = catalog.find((q) => q.id === 'agent.name')!;
    expect(name.default).toBe('backend-staff');
    expect(name.validate('payments-staff')).toBe(true);
    expect(name.validate('Bad Name')).toMatch(/lowercase letters/);
    const coverage = catalog.find((q) => q.id === 'targets.coverage')!;
    expect(coverage.validate(101)).toMatch(/100/);
  });

  it('offers every facet of a kind as a stack choice', () => {
    const datastores = catalog.find((q) => q.id === 'stack.datastores')!;
    expect(datastores.choices?.map((c) => c.value)).toEqual(expect.arrayContaining(['postgresql', 'redis']));
    for (const q of catalog.filter((q) => q.kind === 'select' || q.kind === 'multiselect')) {
      expect(q.choices?.length, q.id).toBeGreaterThan(0);
    }
  });
});
