/** README.md's fenced code blocks and the copsim commands in them, for the README's tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface CodeBlock {
  /** The fence's info string: `sh`, `js`, `yaml`, or '' for a plain block. */
  readonly lang: string;
  /** The block's text, without the fences and the fence's indentation. */
  readonly text: string;
  /** The 1-based line of the opening fence. */
  readonly line: number;
  /** The nearest `##` heading above the block. */
  readonly section: string;
}

export function readme(): string {
  return readFileSync(`${root}README.md`, 'utf8');
}

/** Every fenced block of `markdown`, in order. */
export function codeBlocks(markdown: string = readme()): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.startsWith('## ')) section = line.slice(3).trim();
    const open = /^( *)```(\S*)\s*$/.exec(line);
    if (open === null) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^ *```\s*$/.test(lines[j]!)) {
      body.push(lines[j]!.slice(indent));
      j += 1;
    }
    blocks.push({ lang: open[2]!, text: body.join('\n'), line: i + 1, section });
    i = j;
  }
  return blocks;
}

/** A command of a shell block: its words after `npx copsim`, without a trailing `# comment`. */
export interface ReadmeCommand {
  readonly command: string;
  readonly args: string[];
  readonly line: number;
}

/** Every distinct `npx copsim …` command of the README's shell blocks, in order. */
export function copsimCommands(blocks: readonly CodeBlock[] = codeBlocks()): ReadmeCommand[] {
  const seen = new Set<string>();
  const commands: ReadmeCommand[] = [];
  for (const block of blocks.filter((b) => b.lang === 'sh')) {
    block.text.split('\n').forEach((raw, k) => {
      const command = raw.replace(/\s+#.*$/, '').trim();
      if (!command.startsWith('npx copsim') || seen.has(command)) return;
      if (/["'`|&;<>$\\]/.test(command)) throw new Error(`README.md:${block.line + 1 + k}: quote or shell syntax in "${command}"`);
      seen.add(command);
      commands.push({ command, args: command.split(/\s+/).slice(2), line: block.line + 1 + k });
    });
  }
  return commands;
}
