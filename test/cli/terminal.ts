/**
 * A terminal's screen, emulated: what a user sees after the bytes a command wrote to it.
 */
import { CLEAR_TO_END } from '../../src/cli/progress.js';

/**
 * The lines a terminal `columns` wide shows after `text`: characters wrap at the last column,
 * `\r` returns to the start of the line, `\n` starts a new one, `ESC[K` erases to its end.
 */
export function emulateTerminal(text: string, columns: number): string[] {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (text.startsWith(CLEAR_TO_END, i)) {
      (lines[row] as string[]).length = Math.min((lines[row] as string[]).length, col);
      i += CLEAR_TO_END.length - 1;
    } else if (ch === '\r') {
      col = 0;
    } else if (ch === '\n') {
      row++;
      col = 0;
      lines[row] ??= [];
    } else {
      if (col === columns) {
        row++;
        col = 0;
        lines[row] ??= [];
      }
      (lines[row] as string[])[col++] = ch;
    }
  }
  return lines.map((line) => line.join(''));
}
