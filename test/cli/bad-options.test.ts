/**
 * Command-line values that yargs would read its own way: numbers other than plain decimal
 * digits, an empty --out, an on/off option with a value. Each is a usage error (exit 2) that
 * names the option, found before anything is simulated or written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

async function cli(argv: string[], cwd?: string): Promise<{ code: number; err: string }> {
  let err = '';
  const io: Io = { out: () => undefined, err: (text) => void (err += text), errIsTTY: false, errColumns: 80 };
  const before = process.cwd();
  if (cwd !== undefined) process.chdir(cwd);
  try {
    return { code: await main(argv, io), err };
  } finally {
    process.chdir(before);
  }
}

const quick = ['run', 'baseline', '--runs', '2', '--weeks', '2', '--workers', '0', '--quiet'];

/** `quick` with one option's value replaced (or added). */
function withOption(name: string, value: string): string[] {
  const args = [...quick];
  const at = args.indexOf(`--${name}`);
  if (at >= 0) args[at + 1] = value;
  else args.push(`--${name}`, value);
  return args;
}

describe('numbers are plain decimal digits', () => {
  const cases: [string, string][] = [
    ['runs', '0x10'],
    ['runs', '1e3'],
    ['runs', ' 5'],
    ['runs', '5 '],
    ['runs', '5.0'],
    ['runs', '+5'],
    ['runs', '-0'],
    ['runs', 'Infinity'],
    ['runs', 'NaN'],
    ['seed', '0x10'],
    ['seed', '0b1'],
    ['workers', '1e0'],
    ['weeks', '0x10'],
    ['weeks', '1e1'],
    ['agents', '0x1'],
  ];
  for (const [name, value] of cases) {
    it(`--${name} ${JSON.stringify(value)}`, async () => {
      const { code, err } = await cli(withOption(name, value));
      expect(code).toBe(2);
      expect(err).toMatch(new RegExp(`^copsim: --${name} must be .*, got ${JSON.stringify(value).replace(/[+.]/g, '\\$&')}\\n`));
    });
  }

  it('an integer beyond the range names the range', async () => {
    const { code, err } = await cli(withOption('runs', '99999999999999999999'));
    expect(code).toBe(2);
    expect(err).toMatch(/^copsim: --runs must be a whole number of at least 1, got "99999999999999999999"/);
  });
});

describe('--out', () => {
  it('an empty or blank --out is refused, and nothing is written into the current folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copsim-out-'));
    for (const out of ['', ' ']) {
      const { code, err } = await cli(withOption('out', out), dir);
      expect(code).toBe(2);
      expect(err).toBe(`copsim: --out must name a folder or file, got ${JSON.stringify(out)}\nrun "copsim --help" for usage\n`);
    }
    expect((await cli(['schema', '--out', ''], dir)).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('on/off options', () => {
  it('--quiet=maybe is refused; --quiet=true and --quiet=false are fine', async () => {
    const maybe = await cli([...quick.filter((a) => a !== '--quiet'), '--quiet=maybe']);
    expect(maybe.code).toBe(2);
    expect(maybe.err).toMatch(/^copsim: --quiet is a switch: give it alone, or as --quiet=true or =false; got "maybe"/);
    expect((await cli(['validate', 'baseline', '--json=1'])).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'copsim-out-'));
    expect((await cli([...quick.filter((a) => a !== '--quiet'), '--quiet=true', '--out', join(dir, 'o')])).code).toBe(0);
  });
});

describe('--out that is not a regular file', () => {
  it('copsim schema --out a FIFO or a device is refused and the node left as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copsim-out-'));
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const result = await cli(['schema', '--out', fifo]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`copsim: cannot write ${fifo}: it is a FIFO (named pipe); copsim replaces regular files only\n`);
    expect(statSync(fifo).isFIFO()).toBe(true);
    if (process.getuid?.() === 0) {
      // A device of our own, never one under /dev.
      const device = join(dir, 'full');
      execFileSync('mknod', ['-m', '666', device, 'c', '1', '7']);
      symlinkSync(device, join(dir, 'schema.json'));
      expect((await cli(['schema', '--out', join(dir, 'schema.json')])).code).toBe(2);
      expect(statSync(device).isCharacterDevice()).toBe(true);
    }
  });
});
