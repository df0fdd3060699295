/**
 * The CLI's pure helpers: tables, the progress bar, integer options, first sentences.
 */
import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../src/cli/commands/list.js';
import { describeWorkers } from '../../src/study/options.js';
import { EXIT, reportError, UsageError } from '../../src/cli/exit.js';
import type { Io } from '../../src/cli/io.js';
import { parseInteger } from '../../src/cli/numbers.js';
import { CLEAR_TO_END, createProgress, renderBar, renderFrame } from '../../src/cli/progress.js';
import { formatNumber, formatTable } from '../../src/cli/table.js';
import { ReplicationError } from '../../src/runner/errors.js';
import { emulateTerminal } from './terminal.js';

function captureIo(isTTY = false, columns = 80): Io & { outText: () => string; errText: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    errIsTTY: isTTY,
    errColumns: columns,
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

describe('renderFrame', () => {
  it.each([40, 80, 120, 200])('fits %i columns, with a bar where there is room for one', (columns) => {
    for (const [done, seconds] of [[0, 0], [1, 0.3], [139, 5.5], [2, 900], [1999, 3000.25], [2000, 3001]] as const) {
      const frame = renderFrame(done, 2000, seconds, columns);
      expect(frame.length).toBeLessThan(columns);
      expect(frame).toContain(`${done}/2000`);
      if (columns >= 80) expect(frame).toMatch(/^\[[#.]{10,40}\] /);
    }
  });

  it('gives up the word, then the bar, then the time left as the terminal narrows', () => {
    expect(renderFrame(139, 400, 5.5, 120)).toBe(renderBar(139, 400, 5.5, 40));
    expect(renderFrame(139, 400, 5.5, 50)).toBe('[#####............] 139/400  5.5s, about 11s left');
    expect(renderFrame(139, 400, 5.5, 40)).toBe('139/400  5.5s, about 11s left');
    expect(renderFrame(139, 400, 5.5, 20)).toBe('139/400  5.5s');
    expect(renderFrame(139, 400, 5.5, 5)).toBe('139/');
  });

  it('shows only the elapsed time in the final frame', () => {
    expect(renderFrame(150, 200, 12.34, 80, true)).toMatch(/ 150\/200 replications {2}12\.3s$/);
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

  it.each([40, 80, 120, 200])('redraws in place on a terminal %i columns wide, leaving nothing stale', (columns) => {
    const io = captureIo(true, columns);
    let now = 0;
    const progress = createProgress(io, { headline: 'copsim: go', quiet: false, now: () => now });
    progress.start();
    // A slow start, then a fast finish: the time left shrinks from minutes to seconds, so later
    // frames are shorter than earlier ones.
    for (let done = 1; done <= 400; done++) {
      now += done < 20 ? 1500 : 20;
      progress.update(done, 400);
    }
    progress.finish();
    const text = io.errText();
    const frames = text.split('\r').slice(1).map((chunk) => chunk.split('\n')[0] as string);
    expect(frames.length).toBeGreaterThan(3);
    for (const frame of frames) {
      expect(frame.endsWith(CLEAR_TO_END)).toBe(true);
      expect(frame.slice(0, -CLEAR_TO_END.length).length).toBeLessThan(columns);
    }
    expect(frames.some((frame) => frame.includes('min'))).toBe(true);
    // On the screen: the headline, the last frame alone on its line, and the elapsed time.
    const screen = emulateTerminal(text, columns);
    expect(screen).toEqual(['copsim: go', renderFrame(400, 400, now / 1000, columns, true), `done in ${(now / 1000).toFixed(1)} s`, '']);
    expect(screen[1]).not.toContain('left');
  });

  it('ends an unfinished bar (more work was expected) with the elapsed time, not the time left', () => {
    const io = captureIo(true);
    let now = 0;
    const progress = createProgress(io, { headline: 'h', quiet: false, now: () => now });
    progress.update(5, 10);
    now = 5000;
    progress.finish();
    const screen = emulateTerminal(io.errText(), 80);
    expect(screen[0]).toMatch(/5\/10 replications {2}5\.0s$/);
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
    expect(() => parseInteger('runs', '1.5', range)).toThrow('--runs must be a whole number of at least 1, written in plain decimal digits, got "1.5"');
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
