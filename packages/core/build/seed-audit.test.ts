/**
 * Seed fidelity (issue 16): each seed preset's audit maps every line of its seed, by number, to what
 * carries it, and every named phrase is in the preset's generated output; the agent's frontmatter has
 * exactly the seed's keys and values, except where the audit records a successor (a retired tool name,
 * a name the target tool must lowercase) or a value rewritten in this project's words. Seeds live
 * outside the repository; without them the test skips, except under CI or REQUIRE_REAL_TOOLS=1, where
 * it fails.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TEMPLATES_DIR } from './library-source.js';
import { library } from '../src/library/index.js';
import { resolveAnswers } from '../src/answers/resolve.js';
import { generate } from '../src/generate.js';
import { RETIRED_TOOLS } from '../src/answers/schema.js';

const SEEDS_DIR = join(TEMPLATES_DIR, '../../shared/seeds');
const present = existsSync(SEEDS_DIR);
if (!present) {
  const message = `seed documents not found at ${SEEDS_DIR}, so the seed audit is skipped`;
  if (process.env.CI || process.env.REQUIRE_REAL_TOOLS === '1') throw new Error(`${message.replace(', so the seed audit is skipped', '')}: CI requires them (place the seeds in ../shared/seeds)`);
  console.warn(message);
}

/** A content line: what carries it and the phrase (or phrases, all required) that shows it in the output; `changed` says why it differs. */
interface Entry { line: number; carriedBy?: string; phrase?: string | string[]; changed?: string; blank?: boolean; markup?: boolean }
interface Audit {
  seed: string;
  /** The generated agent file whose frontmatter and body reproduce the seed. */
  agent: string;
  /** Frontmatter keys (dotted for nested maps) whose value is not the seed's, and why. */
  successors?: Record<string, string>;
  rewritten?: Record<string, string>;
  /** Phrases the agent file must not hold: what the seed did not say (targets, forbidden tools). */
  absent?: string[];
  lines: Entry[];
}

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/**
 * `---` YAML `---` at the top of a file, parsed; undefined when there is none. Key by key, because
 * seed descriptions are plain scalars holding ": " (invalid YAML that Claude Code skips): such a
 * value is taken as the raw text after the key.
 */
function frontmatterOf(text: string): Record<string, unknown> | undefined {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return undefined;
  const chunks = match[1]!.split(/\n(?=[A-Za-z_][\w-]*:)/);
  const data: Record<string, unknown> = {};
  for (const chunk of chunks) {
    try {
      Object.assign(data, parse(chunk) as Record<string, unknown>);
    } catch {
      const [, key, value] = /^([\w-]+):\s?([\s\S]*)$/.exec(chunk)!;
      data[key!] = value;
    }
  }
  return data;
}

/** Nested maps flattened to dotted keys, so `tool_restrictions.allowed` is compared on its own. */
function flatten(data: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = value;
  }
  return out;
}

/** Retired Claude Code tool names replaced by their successors, each tool once, in the seed's order. */
function currentTools(tools: readonly string[]): string[] {
  return [...new Set(tools.map((t) => RETIRED_TOOLS[t] ?? t))];
}

/** What a successor key must hold, computed from the seed's value by the documented mapping. */
function successorValue(key: string, value: unknown): unknown {
  if (key === 'name') return String(value).toLowerCase();
  if (key === 'tools') return currentTools(String(value).split(',').map((t) => t.trim())).join(', ');
  if (key === 'tool_restrictions.allowed') return currentTools(value as string[]);
  throw new Error(`no successor mapping for frontmatter key "${key}"`);
}

describe.skipIf(!present)('seed audits', () => {
  for (const name of SEEDS) {
    const audit = parse(readFileSync(join(TEMPLATES_DIR, `presets/audits/${name}.yaml`), 'utf8')) as Audit;
    const seedText = present ? readFileSync(join(SEEDS_DIR, audit.seed), 'utf8') : '';
    const seedLines = seedText.replace(/\n$/, '').split('\n');
    const preset = library.presets.find((p) => p.name === name)!;
    const files = () => {
      const answers = resolveAnswers([{ source: `preset ${name}`, values: preset.answers }], library).answers;
      return generate(answers, { date: '2026-11-21', toolVersion: '0.0.0' });
    };

    it(`${name}: every line of ${audit.seed} is audited once, every content line mapped or changed with a reason`, () => {
      expect(audit.lines.map((e) => e.line)).toEqual(seedLines.map((_, i) => i + 1));
      const wrong = audit.lines.filter((e) => {
        const text = seedLines[e.line - 1]!.trim();
        const isMarkup = text === '' || text === '---' || text.startsWith('```');
        const isContent = Boolean(e.carriedBy && [e.phrase ?? []].flat().length > 0);
        return isMarkup ? !(e.blank || e.markup) : !isContent || e.blank || e.markup;
      });
      expect(wrong.map((e) => e.line)).toEqual([]);
    });

    it(`${name}: each mapped phrase appears in the generated output, and the agent holds nothing the audit rules out`, () => {
      const generated = files();
      const output = norm([...generated.values()].join('\n'));
      const missing = audit.lines.flatMap((e) => [e.phrase ?? []].flat().filter((p) => !output.includes(norm(p))).map((p) => `${e.line}: ${p}`));
      expect(missing).toEqual([]);
      const agent = generated.get(audit.agent);
      expect(agent, `${audit.agent} is generated`).toBeDefined();
      const present = (audit.absent ?? []).filter((p) => norm(agent!).includes(norm(p)));
      expect(present).toEqual([]);
    });

    it(`${name}: the agent's frontmatter has exactly the seed's keys and values, successors and rewrites recorded`, () => {
      const agent = files().get(audit.agent)!;
      const seedData = frontmatterOf(seedText);
      const data = frontmatterOf(agent);
      if (!seedData) {
        expect(data).toBeUndefined();
        expect(agent.startsWith('# ')).toBe(true);
        return;
      }
      const seed = flatten(seedData);
      const ours = flatten(data ?? {});
      expect(Object.keys(ours).sort()).toEqual(Object.keys(seed).sort());
      for (const [key, value] of Object.entries(seed)) {
        if (audit.rewritten?.[key]) {
          expect(typeof ours[key], key).toBe(typeof value);
          expect(ours[key], `${key} is in this project's words`).not.toEqual(value);
        } else if (audit.successors?.[key]) {
          expect(ours[key], key).toEqual(successorValue(key, value));
        } else {
          expect(ours[key], key).toEqual(value);
        }
      }
      // A recorded successor or rewrite that names no seed key would be a stale note.
      for (const key of [...Object.keys(audit.successors ?? {}), ...Object.keys(audit.rewritten ?? {})]) expect(Object.keys(seed)).toContain(key);
    });
  }
});
