/**
 * Seed fidelity (issue 16): each seed preset's audit maps every line of its seed, by number, to what
 * carries it, and every named phrase is in the preset's generated output. Seeds live outside the
 * repository; without them the test skips, except under CI or REQUIRE_REAL_TOOLS=1, where it fails.
 * Gaps are recorded in the audit and counted here, so none is added or closed silently.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TEMPLATES_DIR } from './library-source.js';
import { library } from '../src/library/index.js';
import { resolveAnswers } from '../src/answers/resolve.js';
import { generate } from '../src/generate.js';

const SEEDS_DIR = join(TEMPLATES_DIR, '../../shared/seeds');
const present = existsSync(SEEDS_DIR);
if (!present) {
  const message = `seed documents not found at ${SEEDS_DIR}, so the seed audit is skipped`;
  if (process.env.CI || process.env.REQUIRE_REAL_TOOLS === '1') throw new Error(`${message.replace(', so the seed audit is skipped', '')}: CI requires them (place the seeds in ../shared/seeds)`);
  console.warn(message);
}

interface Entry { line: number; carriedBy?: string; phrase?: string; changed?: string; gap?: string; blank?: boolean; markup?: boolean }

/** Audits finished so far, with the number of gaps each still records. */
const AUDITED: Record<string, number> = { 'seed-000': 3 };

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

describe.skipIf(!present)('seed audits', () => {
  for (const [name, gaps] of Object.entries(AUDITED)) {
    const audit = parse(readFileSync(join(TEMPLATES_DIR, `presets/audits/${name}.yaml`), 'utf8')) as { seed: string; lines: Entry[] };
    const seedLines = present ? readFileSync(join(SEEDS_DIR, audit.seed), 'utf8').replace(/\n$/, '').split('\n') : [];

    it(`${name}: every line of ${audit.seed} is audited once, blank and markup lines only as such`, () => {
      expect(audit.lines.map((e) => e.line)).toEqual(seedLines.map((_, i) => i + 1));
      const wrong = audit.lines.filter((e) => {
        const text = seedLines[e.line - 1]!.trim();
        const isMarkup = text === '' || text === '---' || text.startsWith('```');
        const isContent = Boolean((e.carriedBy && e.phrase) || e.changed);
        return isMarkup ? !(e.blank || e.markup) : !isContent;
      });
      expect(wrong.map((e) => e.line)).toEqual([]);
    });

    it(`${name}: each mapped phrase appears in the generated output, and ${gaps} recorded gaps remain`, () => {
      const preset = library.presets.find((p) => p.name === name)!;
      const answers = resolveAnswers([{ source: `preset ${name}`, values: preset.answers }], library).answers;
      const output = norm([...generate(answers, { date: '2026-11-21', toolVersion: '0.0.0' }).values()].join('\n'));
      const missing = audit.lines.filter((e) => e.phrase && !output.includes(norm(e.phrase))).map((e) => `${e.line}: ${e.phrase}`);
      expect(missing).toEqual([]);
      expect(audit.lines.filter((e) => e.gap).length).toBe(gaps);
    });
  }
});
