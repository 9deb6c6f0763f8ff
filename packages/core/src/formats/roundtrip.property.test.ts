/**
 * Property tests: whatever a user types into the free-text answers (agent.title, agent.description,
 * service.team) — quotes, colons, line breaks, `---`, YAML keywords, `{{…}}`, `<example>`, control
 * characters, any Unicode — every format still writes a file that parses, and parses back to the
 * value meant. Most cases render only the structured part (frontmatter or TOML), the part a stray
 * character could break; a smaller set renders whole files.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import { AGENT_FORMATS, AnswersSchema, type Answers } from '../answers/schema.js';
import { library } from '../library/index.js';
import { buildContext } from '../render/context.js';
import { generate } from '../generate.js';
import { lintAgentFiles } from '../lint/lint.js';
import { TEST_DATE } from '../test-support/answers.js';
import { mdHeading } from '../render/markdown.js';
import { AGENT_FORMAT_REGISTRY } from './registry.js';
import { cursorAgentFrontmatterData } from './cursor-agent.js';
import { codexAgentData, serializeCodexAgent } from './codex.js';
import { BEGIN_MARKER, END_MARKER, findBlock, upsertBlock, wrapBlock } from './agents-md.js';
import { claudeFrontmatterData } from './claude.js';
import { copilotFrontmatterData } from './copilot.js';
import { cursorFrontmatterData } from './cursor.js';
import { windsurfFrontmatterData } from './windsurf.js';
import { opencodeFrontmatterData } from './opencode.js';
import { geminiFrontmatterData } from './gemini.js';
import { orchestrationFrontmatterData } from './seed-shapes.js';
import type { AgentFormatId } from './format.js';
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';

/** Lets vitest's worker answer its RPC between cases: a long synchronous property times it out (60 s) on a busy machine. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const TRICKY = [
  '"', "'", ':', ': ', ' #', '#', '\n', '\r\n', '\t', '---', '...', 'yes', 'no', 'null', '~', 'true', '0x1F', '1e3', '-',
  '- ', '? ', '|', '>', '&anchor', '*alias', '!tag', '%', '@', '`', '{{x}}', '{{#each y}}{{/each}}', '}}', '<example>',
  '</example>', '<commentary>', '\\', '\\n', '"""', "'''", '[a, b]', '{a: b}', '=', 'key = "v"', '\u0000', '\u0007', '\u001b',
  '\u0085', '\u00a0', '\u2028', '\ufeff', 'é', '日本語', '🙂', '👩‍💻', 'ﷺ',
];

/** Strings built from the tricky pieces and from arbitrary Unicode. */
const freeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary-ascii', maxLength: 4 })), { maxLength: 25 }).map((parts) => parts.join('')),
);
const singleLine = fc.oneof(freeText, fc.constantFrom('', '   ', '\t', '---', 'yes', '~', '{{agent.name}}', '<example>')).map((s) => s.replace(/[\r\n]+/g, ' ').slice(0, 80));

const FRONTMATTER_FORMATS = AGENT_FORMATS.filter((id) => AGENT_FORMAT_REGISTRY[id].frontmatter);
/** What each format means to write in its frontmatter. */
const FRONTMATTER_DATA: Record<string, (context: RenderContext, lib: Library) => Record<string, unknown>> = {
  claude: claudeFrontmatterData,
  copilot: copilotFrontmatterData,
  cursor: cursorFrontmatterData,
  windsurf: windsurfFrontmatterData,
  opencode: opencodeFrontmatterData,
  gemini: geminiFrontmatterData,
  orchestration: orchestrationFrontmatterData,
  'cursor-agent': cursorAgentFrontmatterData,
  devin: windsurfFrontmatterData,
  'claude-plugin': claudeFrontmatterData,
};

function answersFrom(title: string, description: string, team: string): Answers {
  return AnswersSchema.parse({ agent: { title, description }, service: { team } });
}

describe('free-text answers never break a file (property)', () => {
  it('every frontmatter parses back to the data meant, and lints without error (600 cases)', async () => {
    expect(Object.keys(FRONTMATTER_DATA).sort()).toEqual([...FRONTMATTER_FORMATS].sort());
    await fc.assert(
      fc.asyncProperty(singleLine, freeText, singleLine, async (title, description, team) => {
        await breathe();
        const context = buildContext(answersFrom(title, description, team), library, TEST_DATE);
        for (const [id, data] of Object.entries(FRONTMATTER_DATA)) {
          const format = AGENT_FORMAT_REGISTRY[id as AgentFormatId];
          const file = `${format.frontmatter!(context, library)}\n# Agent\n`;
          const meant = data(context, library);
          expect(matter(file, {}).data).toEqual(meant);
          // The user's own description arrives verbatim wherever a description is written.
          if (description.trim() && 'description' in meant) expect(meant.description).toBe(description);
          const report = lintAgentFiles([{ path: format.path(context.answers), content: file }]);
          expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
        }
      }),
      { numRuns: 600 },
    );
  }, 300_000);

  it('the Codex TOML parses back to the data meant, whatever the instructions hold (300 cases)', () => {
    fc.assert(
      fc.property(freeText, freeText, (description, instructions) => {
        const context = buildContext(answersFrom('', description, ''), library, TEST_DATE);
        const data = codexAgentData(context, library, instructions);
        const file = serializeCodexAgent(data);
        expect(parseToml(file)).toEqual(data);
        expect(lintAgentFiles([{ path: '.codex/agents/backend-staff.toml', content: file }]).errors).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('whole files of every format parse, lint clean and carry the title (40 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(singleLine, freeText, singleLine, async (title, description, team) => {
        await breathe();
        const base = answersFrom(title, description, team);
        const answers: Answers = { ...base, outputs: { ...base.outputs, formats: [...AGENT_FORMATS], docs: { adr: false, runbook: false, testStrategy: true, alertRules: false } } };
        const tree = generate(answers, { date: TEST_DATE, toolVersion: '0.0.0' });
        const files = AGENT_FORMATS.map((id) => ({ path: AGENT_FORMAT_REGISTRY[id].path(answers), content: tree.get(AGENT_FORMAT_REGISTRY[id].path(answers))! }));
        expect(lintAgentFiles(files).errors).toBe(0);
        // The title as a heading shows it: escaped for Markdown (render/markdown.ts), never dropped.
        const heading = `# ${mdHeading(title) !== '' ? mdHeading(title) : 'Staff Backend Engineer'}`;
        // The plain shape is titled by the agent's name (seed 003), every other by its title.
        for (const { path, content } of files.filter((f) => !f.path.startsWith('docs/agents/'))) {
          const body = path.endsWith('.toml') ? (parseToml(content) as { developer_instructions: string }).developer_instructions : path === 'AGENTS.md' ? content : matter(content, {}).content;
          const wanted = path === 'AGENTS.md' ? `#${heading}` : heading;
          expect(body.split('\n').some((line) => line === wanted || line === wanted.trimEnd()), path).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('AGENTS.md keeps any user text around the block byte for byte (400 cases)', () => {
    const userText = fc.oneof(freeText, fc.string({ unit: 'binary', maxLength: 200 })).filter((t) => !/<!-- backend-agent:(begin|end)/.test(t));
    fc.assert(
      fc.property(userText, userText, freeText, (before, after, body) => {
        const block = wrapBlock(body);
        const first = upsertBlock(before, block);
        expect(first.startsWith(before)).toBe(true);
        // The user then writes after the block; the next run's block replaces only its own lines.
        const edited = first + after;
        const next = upsertBlock(edited, wrapBlock(`${body} v2`));
        const span = findBlock(next)!;
        expect(next.slice(0, span.start)).toBe(first.slice(0, findBlock(first)!.start));
        expect(next.slice(span.end)).toBe(after);
        expect(next.slice(span.start, span.end)).toBe(wrapBlock(`${body} v2`));
        expect(upsertBlock(next, wrapBlock(`${body} v2`))).toBe(next);
        expect(next.split(BEGIN_MARKER)).toHaveLength(2);
        expect(next.split(END_MARKER)).toHaveLength(2);
      }),
      { numRuns: 400 },
    );
  });
});
