/**
 * `copsim list`: the built-in scenarios, one per line, with the first sentence of each
 * description.
 */
import type { Argv } from 'yargs';
import { listBuiltins } from '../../scenario/index.js';
import type { CommandContext } from '../context.js';

export const command = 'list';
export const describe = 'List the built-in scenarios';

export function builder(yargs: Argv): Argv {
  return yargs.example('$0 list', 'show the scenarios that come with copsim');
}

export function handler(context: CommandContext): void {
  const builtins = listBuiltins();
  const width = Math.max(0, ...builtins.map((b) => b.name.length));
  const lines = builtins.map((b) => `${b.name.padEnd(width)}  ${firstSentence(b.description)}`.trimEnd());
  context.io.out(lines.map((line) => `${line}\n`).join(''));
}

/**
 * The first sentence of a text, on one line.
 *
 * @example firstSentence('Voluntary CoP. Grows slowly.') // → 'Voluntary CoP.'
 */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const match = /^.*?[.!?](?=\s|$)/.exec(flat);
  return match ? match[0] : flat;
}
