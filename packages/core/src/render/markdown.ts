/**
 * Normalises rendered Markdown so template whitespace never leaks into output:
 * no trailing spaces, at most one blank line in a row, exactly one final newline.
 */
export function tidyMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .replace(/\n*$/, '\n')
  );
}

/** Escapes text for a Markdown table cell. */
export function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
