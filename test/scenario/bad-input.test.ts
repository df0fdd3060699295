/**
 * Hostile and malformed scenario files: every one ends in a ScenarioError naming the file, the
 * place and what was expected, quickly and in little memory; none reaches the parser's
 * recursion, an alias expansion, an object's prototype or a read without end.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySets, loadScenario, loadScenarioText, parseScenario } from '../../src/scenario/index.js';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.js';
import { copsim, hasStackTrace } from '../cli/helpers.js';
import { scenarioError, tempFiles } from './helpers.js';

/** The formatted error of loading one file `name` holding `text` (or bytes). */
function loadError(name: string, text: string | Buffer): string {
  const dir = tempFiles({});
  writeFileSync(join(dir, name), text);
  return scenarioError(() => loadScenario(join(dir, name))).format().replaceAll(dir, 'DIR');
}

/** Runs `fn` and returns how long it took, in milliseconds. */
function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('YAML aliases', () => {
  it('a billion laughs is refused by the number of values it expands to, in little time', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 0; i < 9; i++) text += `b${i}: &b${i} [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]\n`;
    text += 'cops:\n  - id: x\n';
    let message = '';
    expect(timed(() => (message = loadError('bomb.yaml', text)))).toBeLessThan(5000);
    expect(message).toBe(
      'DIR/bomb.yaml: holds more than 100000 values (mappings, lists and scalars, with YAML aliases expanded); copsim reads at most 100000',
    );
  });

  it('a file that uses an anchor many times is fine, and quick', () => {
    const events = Array.from({ length: 1000 }, (_, i) => `  - { week: ${i}, label: *d, set: { steering: 0.1 } }`).join('\n');
    const dir = tempFiles({ 'many.yaml': `description: &d repeated\ncops: [{}]\nweeks: 1000\nevents:\n${events}\n` });
    let events$ = 0;
    expect(timed(() => (events$ = loadScenario(join(dir, 'many.yaml')).scenario.events.length))).toBeLessThan(5000);
    expect(events$).toBe(1000);
  });

  it('a self-referencing anchor is named at its path', () => {
    expect(loadError('s.yaml', 'cops:\n  - &c { id: a, name: *c }\n')).toBe(
      'DIR/s.yaml: cops.0.name: contains itself (a YAML alias inside its own anchor, or a cyclic object)',
    );
  });

  it('an undefined alias is named with its line and column', () => {
    expect(loadError('u.yaml', 'cops:\n  - id: a\n    support: *nope\n')).toBe(
      'DIR/u.yaml: YAML error at line 3, column 14: alias *nope has no anchor &nope before it',
    );
  });
});

describe('nesting', () => {
  const TOO_DEEP = 'nested more than 32 levels deep; copsim reads lists and mappings up to 32 levels';

  it('deep JSON is refused with its position, however deep', () => {
    for (const depth of [40, 5000, 400_000]) {
      const text = `{"cops":[{"id":"a"}],"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      let message = '';
      expect(timed(() => (message = loadError('d.json', text)))).toBeLessThan(5000);
      expect(message).toBe(`DIR/d.json: JSON error at line 1, column 57: ${TOO_DEEP}`);
    }
  });

  it('deep flow YAML is refused before the parser sees it, even unclosed', () => {
    for (const text of [`cops: [{}]\ndescription: ${'['.repeat(1000)}${']'.repeat(1000)}\n`, `cops: [{}]\nx: ${'['.repeat(500_000)}\n`]) {
      let message = '';
      expect(timed(() => (message = loadError('deep.yaml', text)))).toBeLessThan(5000);
      expect(message).toMatch(new RegExp(`^DIR/deep.yaml: YAML error at line 2, column \\d+: ${TOO_DEEP}$`));
    }
  });

  it('deep block YAML, by indentation or compact "- - -", is refused', () => {
    let indented = 'cops: [{}]\nx:\n';
    for (let i = 1; i < 1200; i++) indented += `${' '.repeat(i)}k:\n`;
    expect(loadError('block.yaml', indented)).toMatch(new RegExp(`^DIR/block.yaml: .*${TOO_DEEP}$`));
    expect(loadError('compact.yaml', `cops: [{}]\nx:\n  ${'- '.repeat(100_000)}x\n`)).toMatch(
      new RegExp(`^DIR/compact.yaml: YAML error at line 3, column \\d+: ${TOO_DEEP}$`),
    );
    expect(loadError('forty.yaml', `cops: [{}]\nx:\n  ${'- '.repeat(40)}x\n`)).toContain(TOO_DEEP);
  });

  it('a one-line flow mapping may hold many pairs, and a .yaml file may hold minified JSON', () => {
    const pairs = Array.from({ length: 60 }, (_, i) => `"k${i}": ${i}`).join(', ');
    const dir = tempFiles({ 'flow.yaml': `{"cops": [{}], "parameters": {"attendance": {${pairs}}}}\n` });
    const message = scenarioError(() => loadScenario(join(dir, 'flow.yaml'))).format();
    expect(message).not.toContain(TOO_DEEP);
    expect(message).toContain('unknown key "k0"');
  });

  it('in-memory data is checked the same way, cycles included', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(scenarioError(() => parseScenario({ cops: [{}], parameters: deep })).format()).toContain(TOO_DEEP);
    const cyclic: Record<string, unknown> = { id: 'a' };
    cyclic['name'] = cyclic;
    expect(scenarioError(() => parseScenario({ cops: [cyclic] })).format()).toBe(
      '<input>: cops.0.name: contains itself (a YAML alias inside its own anchor, or a cyclic object)',
    );
    expect(scenarioError(() => parseScenario({ cops: [{ name: new Date(0) }] })).format()).toBe(
      '<input>: cops.0.name: expected plain data (text, a number, true or false, a list or a mapping), got a Date object',
    );
  });
});

describe('keys', () => {
  it('a duplicate JSON key is refused, also when it hides an out-of-range value', () => {
    expect(loadError('d.json', '{"cops":[{"id":"a","founders":99999,"founders":4}]}')).toBe(
      'DIR/d.json: JSON error at line 1, column 37: duplicate key "founders" (first at line 1, column 20); expected each key once per object',
    );
    expect(loadError('e.json', '{"cops":[{"id":"a"}],"weeks":5,"we\\u0065ks":6}')).toContain('duplicate key "weeks"');
  });

  it('keys that are equal as text are duplicates in YAML too', () => {
    expect(loadError('k.yaml', 'cops: [{}]\n1: a\n"1": b\n')).toMatch(/line 3, column 1: Map keys must be unique/);
  });

  it('__proto__ is refused wherever it appears, with or without extends, in YAML and JSON', () => {
    const proto = 'the key "__proto__" is not allowed';
    expect(loadError('p.yaml', 'extends: baseline\n__proto__: { organisation: { employees: 3 }, bogus: 1 }\n')).toBe(`DIR/p.yaml: ${proto}`);
    expect(loadError('c.yaml', 'extends: baseline\ncops:\n  - __proto__: { founders: 3 }\n')).toBe(`DIR/c.yaml: cops.0: ${proto}`);
    expect(loadError('o.yaml', 'cops: [{}]\norganisation:\n  __proto__: { x: 1 }\n')).toBe(`DIR/o.yaml: organisation: ${proto}`);
    expect(loadError('p.json', '{"extends":"baseline","__proto__":{"weeks":3}}')).toBe(`DIR/p.json: ${proto}`);
    expect(scenarioError(() => parseScenario(JSON.parse('{"cops":[{}],"__proto__":{"weeks":3}}'))).format()).toBe(`<input>: ${proto}`);
  });

  it('--set cannot reach a prototype through __proto__, constructor or prototype', () => {
    for (const expr of ['__proto__.x=1', 'constructor.prototype.x=1', 'cops.0.__proto__.founders=3', 'cops.0.constructor=1', 'organisation.toString=1']) {
      const error = scenarioError(() => applySets({ cops: [{}] }, [expr]));
      expect(error.issues[0]?.file).toBe(`--set ${expr}`);
      expect(error.issues[0]?.message).toMatch(/^unknown key "(__proto__|constructor|toString)"/);
    }
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(scenarioError(() => applySets({ cops: [{}] }, ['weeks={__proto__: 1}'])).format()).toContain('the key "__proto__" is not allowed');
  });
});

describe('encoding', () => {
  it('invalid UTF-8 is refused with its line, not replaced silently', () => {
    expect(loadError('l.yaml', Buffer.from('cops: [{}]\ndescription: "Caf\xe9"\n', 'latin1'))).toBe(
      'DIR/l.yaml: line 2, column 18: the file is not valid UTF-8 (a byte sequence that encodes no character); save it as UTF-8',
    );
    // An overlong encoding of "/" is not UTF-8 either.
    expect(loadError('o.yaml', Buffer.from([...Buffer.from('cops: [{}]\nname: '), 0xc0, 0xaf, 0x0a]))).toContain('not valid UTF-8');
  });

  it('UTF-16 is named as such; a UTF-8 byte-order mark is fine, before JSON too', () => {
    expect(loadError('u.yaml', Buffer.from('\ufeffcops: [{}]\n', 'utf16le'))).toContain('the file is UTF-16 or UTF-32 encoded');
    const dir = tempFiles({ 'bom.json': '\ufeff{"cops":[{"id":"a"}]}', 'bom.yaml': '\ufeffcops: [{}]\n' });
    expect(loadScenario(join(dir, 'bom.json')).scenario.cops[0]?.id).toBe('a');
    expect(loadScenario(join(dir, 'bom.yaml')).scenario.cops).toHaveLength(1);
  });

  it('a raw control character is refused with its position; tabs and line breaks are fine', () => {
    expect(loadError('c.yaml', 'cops: [{}]\nname: a\x07b\n')).toBe('DIR/c.yaml: line 2, column 8: control character U+0007: expected plain text');
    expect(loadError('n.json', '{"cops":[{}],"name":"a\u0000"}')).toContain('control character U+0000');
    expect(scenarioError(() => loadScenarioText('cops: [{}]\r\nname: x\x1b[31m\n', { source: '<stdin>' })).format()).toBe(
      '<stdin>: line 2, column 8: control character U+001B: expected plain text',
    );
    const dir = tempFiles({ 't.yaml': 'cops: [{}]\r\ndescription: "a\tb"\r\n' });
    expect(loadScenario(join(dir, 't.yaml')).scenario.description).toBe('a\tb');
  });
});

describe('YAML features copsim does not read', () => {
  it('directives other than %YAML 1.2 are refused', () => {
    for (const directive of ['%YAML 9.9', '%YAML 1.1', '%TAG !e! tag:example.com,2000:', '%FOO bar']) {
      expect(loadError('d.yaml', `${directive}\n---\ncops: [{}]\n`)).toMatch(/^DIR\/d.yaml: YAML error at line 1, column 1: unsupported directive /);
    }
    const dir = tempFiles({ 'ok.yaml': '%YAML 1.2\n---\ncops: [{}]\n' });
    expect(loadScenario(join(dir, 'ok.yaml')).scenario.cops).toHaveLength(1);
  });

  it('tags other than the core schema\'s are refused, so nothing becomes a Date, Set or binary silently', () => {
    for (const tag of ['!!js/function "x"', '!foo x', '!!binary aGVsbG8=', '!!set {a}', '!!timestamp 2001-12-14']) {
      expect(loadError('t.yaml', `cops: [{}]\nname: ${tag}\n`)).toMatch(/^DIR\/t.yaml: YAML error at line 2, column 7: unknown tag /);
    }
    const dir = tempFiles({ 'str.yaml': 'cops: [{ name: !!str 12 }]\n' });
    expect(loadScenario(join(dir, 'str.yaml')).scenario.cops[0]?.name).toBe('12');
  });

  it('a second document is named as such', () => {
    expect(loadError('m.yaml', 'cops: [{}]\n---\nweeks: 3\n')).toBe(
      'DIR/m.yaml: YAML syntax error at line 2, column 1: the file holds more than one YAML document (a second "---"); expected one',
    );
  });

  it('a key that is a collection is refused', () => {
    expect(loadError('k.yaml', 'cops: [{}]\n? [a, b]\n: 1\n')).toContain('a key that is a list or mapping: expected a plain key');
  });
});

describe('JSON syntax', () => {
  it('a trailing comma is placed, without V8\'s quote of the input', () => {
    expect(loadError('t.json', '{"cops":[{"id":"a"},]}')).toBe("DIR/t.json: JSON syntax error at line 1, column 21: Unexpected token ']'");
  });
});

describe('special and huge files', () => {
  it('a symbolic link to /dev/zero is refused at once', () => {
    const dir = tempFiles({});
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    let message = '';
    expect(timed(() => (message = scenarioError(() => loadScenario(join(dir, 'zero.yaml'))).format()))).toBeLessThan(2000);
    expect(message).toBe(`cannot read ${join(dir, 'zero.yaml')}: it is a character device; copsim reads regular files only`);
  });

  it('a FIFO is refused without waiting for a writer', () => {
    const dir = tempFiles({});
    const fifo = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(scenarioError(() => loadScenario(fifo)).format()).toBe(`cannot read ${fifo}: it is a FIFO (named pipe); copsim reads regular files only`);
  });

  it('a file over 1 MiB is refused before it is read', () => {
    const huge = `cops: [{}]\ndescription: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    expect(loadError('huge.yaml', huge)).toBe(
      `cannot read DIR/huge.yaml: it has ${Buffer.byteLength(huge)} bytes; copsim reads files of at most 1048576 bytes (1 MiB)`,
    );
  });

  it('an extends that names a device, a folder or a non-scenario file is blamed on the extends', () => {
    const dir = tempFiles({ 'sub/x.yaml': 'cops: [{}]\n', 'folder.yaml/x.yaml': 'cops: [{}]\n' });
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    const cases: [string, string][] = [
      ['zero.yaml', 'cannot read DIR/zero.yaml: it is a character device; copsim reads regular files only'],
      ['sub', 'expected a built-in scenario name or a file path, got "sub"; built-ins: baseline, bottom-up-unsupported, closed-safe-space, funding-withdrawn, mandate-lifted, open-topic-broad, presentation-irregular, recognised-later, top-down-mandatory, top-down-steered, top-down-voluntary, two-cops-competing'],
      ['./folder.yaml', 'cannot read DIR/folder.yaml: it is a directory; copsim reads regular files only'],
      ['/etc/passwd', 'cannot read /etc/passwd: expected a .yaml, .yml or .json file, got no extension'],
    ];
    for (const [target, message] of cases) {
      writeFileSync(join(dir, 'e.yaml'), `extends: ${target}\n`);
      const error = scenarioError(() => loadScenario(join(dir, 'e.yaml')));
      expect(error.issues[0]?.file).toBe(join(dir, 'e.yaml'));
      expect(error.issues[0]?.path).toBe('extends');
      expect(error.issues[0]?.message.replaceAll(dir, 'DIR')).toBe(message);
    }
  });

  it('an absolute extends is shown as written, and a cycle through a link names both', () => {
    const dir = tempFiles({ 'secret.yaml': 'token is SECRET\n', 'self.yaml': 'extends: link.yaml\ncops: [{}]\n' });
    writeFileSync(join(dir, 'r.yaml'), `extends: ${join(dir, 'secret.yaml')}\n`);
    symlinkSync('self.yaml', join(dir, 'link.yaml'));
    // The content of a file reached through extends is not echoed.
    expect(scenarioError(() => loadScenario(join(dir, 'r.yaml'))).format()).toBe(
      `${join(dir, 'secret.yaml')}: expected a mapping of scenario settings at the top level, got a text of 15 characters`,
    );
    expect(scenarioError(() => loadScenario(join(dir, 'self.yaml'))).issues[0]?.message).toBe(
      `extends cycle: ${join(dir, 'self.yaml')} → ${join(dir, 'link.yaml')}`,
    );
  });
});

describe('messages stay short', () => {
  it('a long bad value is quoted as a cleaned excerpt', () => {
    const message = scenarioError(() => parseScenario({ cops: [{ participation: `${'x'.repeat(5000)}\u202e\u0007` }] })).format();
    expect(message).toBe(`<input>: cops.0.participation: expected one of voluntary | expected | mandatory, got "${'x'.repeat(40)}…"`);
    expect(scenarioError(() => parseScenario({ cops: [{ participation: 'a\u202eb\u0007' }] })).format()).toContain('got "a\\u202eb\\u0007"');
  });

  it('many problems are listed up to 50, and the valid keys once', () => {
    const keys = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, i]));
    const error = scenarioError(() => parseScenario({ cops: [{}], ...keys }));
    expect(error.issues).toHaveLength(40_000);
    const lines = error.format().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[0]).toMatch(/^<input>: unknown key "k0"; valid keys: \$schema, /);
    expect(lines[1]).toBe('<input>: unknown key "k1"');
    expect(lines[50]).toBe('… and 39950 more problems (the first 50 are shown)');
  });
});

describe('the CLI', () => {
  it('reports these with exit code 2 and no stack trace', () => {
    const dir = tempFiles({ 'u.yaml': 'cops:\n  - support: *nope\n' });
    const result = copsim(['validate', join(dir, 'u.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('alias *nope has no anchor');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
