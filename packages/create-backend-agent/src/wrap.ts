/**
 * Fits plain help text to a terminal: a line longer than `width` breaks at spaces, its continuation
 * lines indented to where its text column starts (after the flag, or the bullet). The help is ASCII
 * without colour codes, so counting characters is measuring width; a wrapping library would add its
 * string-width tables to every start-up.
 */
export function fitWidth(text: string, width: number): string {
  return text.split('\n').flatMap((line) => wrapLine(line, Math.max(width, 40))).join('\n');
}

const MIN_TEXT_COLUMN = 30;

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  // Continuation lines start under the text: after a two-space gap (a flag's description), after a
  // "label: ", else at the line's own indentation.
  const gap = /^(.*?\S)( {2,})\S/.exec(line);
  const label = /^ *[a-z]+: /.exec(line);
  const hang = gap ? gap[1]!.length + gap[2]!.length : label ? label[0].length : /^ */.exec(line)![0].length;
  // Keep the hang while it leaves the text a usable column; a narrow terminal gets a short one.
  const indent = ' '.repeat(width - hang >= MIN_TEXT_COLUMN ? hang : 4);
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/(?<=\S) (?=\S)/)) {
    if (current === '') current = word;
    else if (current.length + 1 + word.trimStart().length <= width) current += ` ${word.trimStart()}`;
    else {
      out.push(current);
      current = indent + word.trimStart();
    }
  }
  out.push(current);
  return out;
}
