/**
 * An agent file as sections: the Markdown body of any format this tool writes (frontmatter split
 * off, a Codex TOML's developer_instructions, an AGENTS.md's own block apart from the user's text)
 * and of the seed shapes, cut at the heading level its sections use. The text is kept verbatim.
 */
import { splitFrontmatter, parseTomlText } from '../lint/parse.js';
import { detectFormat } from '../lint/detect.js';
import { isPlainObject } from '../answers/paths.js';

export interface Part {
  /** The Markdown text. */
  text: string;
  /** The file line its first line is on. */
  line: number;
}

export interface AgentSection {
  /** The heading's text, or null for what comes before the first heading. */
  heading: string | null;
  /** True for the text before the first section: the file's title and introduction. */
  preamble: boolean;
  /** The section's lines below its heading, verbatim (trailing blank lines dropped). */
  body: string;
  /** The file line of the heading (or of the first line). */
  line: number;
}

const FENCE = /^\s{0,3}(```+|~~~+)/;
const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const BLOCK_BEGIN = /^<!-- backend-agent:begin\b.*-->\s*$/;
const BLOCK_END = /^<!-- backend-agent:end\b.*-->\s*$/;

/** The Markdown parts of a file: one for most formats; an AGENTS.md's tool block and the user's text apart. */
export function markdownParts(path: string, content: string): Part[] {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const format = detectFormat(path, text)?.format;
  if (format === 'codex' || path.endsWith('.toml')) {
    const parsed = parseTomlText(text);
    const instructions = isPlainObject(parsed.data) ? parsed.data['developer_instructions'] : undefined;
    return typeof instructions === 'string' ? [{ text: instructions, line: 1 }] : [];
  }
  const split = splitFrontmatter(text);
  const bodyLine = split.frontmatter === null ? 1 : split.frontmatterLine + (split.frontmatter === '' ? 0 : split.frontmatter.split('\n').length) + 1;
  const lines = split.body.split('\n');
  const begin = lines.findIndex((l) => BLOCK_BEGIN.test(l));
  const end = lines.findIndex((l, i) => i > begin && BLOCK_END.test(l));
  if (begin === -1 || end === -1) return [{ text: split.body, line: bodyLine }];
  return [
    { text: lines.slice(0, begin).join('\n'), line: bodyLine },
    { text: lines.slice(begin + 1, end).join('\n'), line: bodyLine + begin + 1 },
    { text: lines.slice(end + 1).join('\n'), line: bodyLine + end + 1 },
  ];
}

interface Heading {
  index: number;
  level: number;
  text: string;
}

function headingsOf(lines: readonly string[]): Heading[] {
  const out: Heading[] = [];
  let fence: string | null = null;
  lines.forEach((line, index) => {
    const open = FENCE.exec(line);
    if (fence !== null) {
      if (open && open[1]!.startsWith(fence)) fence = null;
      return;
    }
    if (open) {
      fence = open[1]!;
      return;
    }
    const heading = HEADING.exec(line);
    if (heading) out.push({ index, level: heading[1]!.length, text: heading[2]! });
  });
  return out;
}

/**
 * The level sections are cut at: below any wrapper headings (a title, AGENTS.md's "# AGENTS.md"
 * and its agent heading) that stand alone on their level.
 */
function sectionLevel(headings: readonly Heading[]): number | null {
  const levels = [...new Set(headings.map((h) => h.level))].sort();
  for (const level of levels) {
    const count = headings.filter((h) => h.level === level).length;
    if (count > 1 || level === levels[levels.length - 1]) return level;
  }
  return null;
}

const trimBlank = (lines: readonly string[]) => {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end).join('\n');
};

export function splitSections(part: Part): AgentSection[] {
  const lines = part.text.split('\n');
  const headings = headingsOf(lines);
  const level = sectionLevel(headings);
  const cuts = level === null ? [] : headings.filter((h) => h.level === level);
  // A file whose sections sit under one title: the title (the last wrapper heading) heads the preamble.
  const first = cuts[0]?.index ?? lines.length;
  const wrappers = headings.filter((h) => h.index < first);
  const wrapperLines = new Set(wrappers.map((h) => h.index));
  const title = wrappers[wrappers.length - 1];
  const sections: AgentSection[] = [];
  const preamble = trimBlank(lines.slice(0, first).filter((_, i) => !wrapperLines.has(i)));
  sections.push({ heading: title?.text ?? null, preamble: true, body: preamble, line: part.line + (title?.index ?? 0) });
  cuts.forEach((cut, i) => {
    const next = cuts[i + 1]?.index ?? lines.length;
    sections.push({ heading: cut.text, preamble: false, body: trimBlank(lines.slice(cut.index + 1, next)), line: part.line + cut.index });
  });
  return sections;
}

export function agentSections(path: string, content: string): AgentSection[] {
  return markdownParts(path, content).flatMap(splitSections).filter((s) => s.body !== '');
}
