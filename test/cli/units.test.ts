/**
 * The CLI's pure helpers: tables, the progress bar, integer options, first sentences.
 */
import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../src/cli/commands/list.js';
import { describeWorkers } from '../../src/study/options.js';
import { EXIT, reportError, UsageError } from '../../src/cli/exit.js';
import type { Io } from '../../src/cli/io.js';
import { parseInteger } from '../../src/cli/numbers.js';
import { createProgress, renderBar } from '../../src/cli/progress.js';
import { formatNumber, formatTable } from '../../src/cli/table.js';
import { ReplicationError } from '../../src/runner/errors.js';

function captureIo(isTTY = false): Io & { outText: () => string; errText: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    errIsTTY: isTTY,
    errColumns: 80,
    outText: () => out,
    errText: () => err,
  };
}

describe('formatTable', () => {
  it('pads columns to their widest cell, numbers right-aligned', () => {
    expect(formatTable(['cop', 'members'], [['cop1', 12], ['mandated', 7.25]])).toBe(
      'cop       members\ncop1           12\nmandated     7.25\n',
    );
  });

  it('shows empty figures (NaN) as a dash', () => {
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(1234.5678)).toBe('1234.57');
  });
});

describe('renderBar', () => {
  it('fills in proportion to the replications done', () => {
    expect(renderBar(120, 200, 4.07, 10)).toBe('[######....] 120/200 replications  4.1s, about 3s left');
    expect(renderBar(1, 200, 0.5, 4)).toBe('[....] 1/200 replications  0.5s');
    expect(renderBar(20, 400, 10, 4)).toBe('[....] 20/400 replications  10.0s, about 3 min 10s left');
    expect(renderBar(0, 200, 0, 4)).toBe('[....] 0/200 replications  0.0s');
    expect(renderBar(200, 200, 1, 4)).toBe('[####] 200/200 replications  1.0s');
  });
});

describe('createProgress', () => {
  it('prints one line at the start and one at the end when stderr is not a terminal', () => {
    const io = captureIo(false);
    let now = 0;
    const progress = createProgress(io, { headline: 'copsim: go', quiet: false, now: () => now });
    progress.start();
    progress.update(1, 2);
    now = 3200;
    progress.update(2, 2);
    progress.finish();
    expect(io.errText()).toBe('copsim: go\ndone in 3.2 s\n');
  });

  it('redraws the bar at most every 100 ms on a terminal, and always at the end', () => {
    const io = captureIo(true);
    let now = 0;
    const progress = createProgress(io, { headline: 'h', quiet: false, now: () => now });
    progress.start();
    for (let done = 1; done <= 10; done++) {
      now += 30;
      progress.update(done, 10);
    }
    const frames = io.errText().split('\r').length - 1;
    expect(frames).toBeLessThan(10);
    expect(io.errText()).toContain('10/10 replications');
  });

  it('prints nothing when quiet', () => {
    const io = captureIo(true);
    const progress = createProgress(io, { headline: 'h', quiet: true });
    progress.start();
    progress.update(1, 1);
    progress.finish();
    expect(io.errText()).toBe('');
  });
});

describe('parseInteger', () => {
  const range = { min: 1, expected: 'a whole number of at least 1' };
  it('accepts whole numbers given as text or number', () => {
    expect(parseInteger('runs', '200', range)).toBe(200);
    expect(parseInteger('runs', 3, range)).toBe(3);
  });

  it('refuses fractions, words, values out of range and repeats, naming the option', () => {
    expect(() => parseInteger('runs', '1.5', range)).toThrow('--runs must be a whole number of at least 1, got "1.5"');
    expect(() => parseInteger('runs', 'ten', range)).toThrow(UsageError);
    expect(() => parseInteger('runs', 0, range)).toThrow(/got "0"/);
    expect(() => parseInteger('seed', 2 ** 32, { min: 0, maxExclusive: 2 ** 32, expected: 'x' })).toThrow(UsageError);
    expect(() => parseInteger('runs', [1, 2], range)).toThrow(/given 2 times/);
  });
});

describe('firstSentence and describeWorkers', () => {
  it('keeps the first sentence on one line', () => {
    expect(firstSentence('A voluntary CoP.\nIt grows slowly.')).toBe('A voluntary CoP.');
    expect(firstSentence('No full stop')).toBe('No full stop');
    expect(firstSentence('Version 2.5 of it. More.')).toBe('Version 2.5 of it.');
  });

  it('says where a run goes', () => {
    expect(describeWorkers(0)).toBe('the main thread');
    expect(describeWorkers(1)).toBe('1 worker');
    expect(describeWorkers(4)).toBe('4 workers');
  });
});

describe('reportError', () => {
  it('maps each kind of error to its exit code and a one-line message', () => {
    const io = captureIo();
    expect(reportError(new UsageError('bad'), io)).toBe(EXIT.usage);
    expect(reportError(new ReplicationError(17, 123456, 'boom'), io, {})).toBe(EXIT.failure);
    expect(reportError(Object.assign(new Error('x'), { name: 'AbortError' }), io)).toBe(EXIT.interrupted);
    expect(reportError(new TypeError('oops'), io, {})).toBe(EXIT.internal);
    expect(io.errText()).toBe(
      'copsim: bad\nrun "copsim --help" for usage\n' +
        'copsim: replication 17 (seed 123456) failed: boom\n' +
        'interrupted\n' +
        'copsim: internal error: oops\n',
    );
  });

  it('adds the stack of an internal error only when COPSIM_DEBUG is set', () => {
    const io = captureIo();
    reportError(new TypeError('oops'), io, { COPSIM_DEBUG: '1' });
    expect(io.errText()).toMatch(/\n\s+at /);
  });
});

describe('usage messages name the mistake and suggest the nearest name', () => {
  it('a misspelt option of a command', async () => {
    const { usageMessage } = await import('../../src/cli/main.js');
    expect(usageMessage('Unknown argument: rusn', ['run', '--rusn', '5'])).toBe('unknown option --rusn (did you mean --runs?)');
    expect(usageMessage('Unknown argument: outt', ['schema', '--outt', 'x'])).toBe('unknown option --outt (did you mean --out?)');
  });

  it('an unknown command, with or without a near one', async () => {
    const { usageMessage } = await import('../../src/cli/main.js');
    expect(usageMessage('Unknown argument: frobnicate', ['frobnicate'])).toBe('unknown command "frobnicate"');
    expect(usageMessage('Did you mean list?', ['lst'])).toBe('unknown command "lst". Did you mean list?');
  });

  it('several unknown options at once', async () => {
    const { usageMessage } = await import('../../src/cli/main.js');
    expect(usageMessage('Unknown arguments: rusn, wokers', ['run', '--rusn', '1', '--wokers', '2'])).toBe(
      'unknown option --rusn (did you mean --runs?); unknown option --wokers (did you mean --workers?)',
    );
  });
});

describe('run command helpers', () => {
  it('safeFolderName keeps a name inside one folder', async () => {
    const { safeFolderName } = await import('../../src/study/options.js');
    expect(safeFolderName('../../etc')).toBe('etc');
    expect(safeFolderName('my scenario')).toBe('my-scenario');
    expect(safeFolderName('..')).toBe('scenario');
    expect(safeFolderName('a/b\\c')).toBe('a-b-c');
    expect(safeFolderName('baseline')).toBe('baseline');
  });

  it('storeBytes and formatBytes give the memory a run keeps', async () => {
    const { storeBytes, formatBytes } = await import('../../src/aggregate/index.js');
    const { N_WEEKLY } = await import('../../src/engine/result.js');
    expect(storeBytes(1, 520, 1000)).toBe(N_WEEKLY * 520 * 1000 * 8);
    expect(formatBytes(storeBytes(1, 500, 1000))).toBe(`${Math.round((N_WEEKLY * 500 * 1000 * 8) / 1e6)} MB`);
    expect(formatBytes(2.5e9)).toBe('2.5 GB');
  });
});
