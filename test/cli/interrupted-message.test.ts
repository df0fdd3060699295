/**
 * What the terminal says when a study that saved replications stops: how many are saved, where,
 * and that the same command with --resume goes on (after Ctrl-C) or retries the failed ones
 * (after a replication threw).
 */
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { onTerminal } from '../../src/cli/run-options.js';
import { AbortError, ReplicationError } from '../../src/runner/errors.js';

function captureIo(): Io & { errText: () => string } {
  let err = '';
  return { out: () => undefined, err: (text) => void (err += text), errIsTTY: false, errColumns: 80, errText: () => err };
}

const plan = (saved: number) => ({
  headline: 'copsim: test',
  replications: 10,
  out: 'out/x',
  checkpoint: { dir: 'out/x/.copsim-checkpoint', saved, resumed: 0 },
});

describe('onTerminal after an interruption', () => {
  it('says how many replications are saved and how to go on', async () => {
    const io = captureIo();
    const stopped = onTerminal(io, true, async (hooks) => {
      hooks.onStart(plan(7));
      throw new AbortError();
    });
    await expect(stopped).rejects.toBeInstanceOf(AbortError);
    expect(io.errText()).toBe('copsim: 7 finished replications are saved in out/x; run the same command with --resume to go on\n');
  });

  it('after a failed replication, says --resume retries it', async () => {
    const io = captureIo();
    const failed = onTerminal(io, true, async (hooks) => {
      hooks.onStart(plan(1));
      throw new ReplicationError(3, 99, 'boom');
    });
    await expect(failed).rejects.toBeInstanceOf(ReplicationError);
    expect(io.errText()).toBe('copsim: 1 finished replication is saved in out/x; run the same command with --resume to retry the failed replications\n');
  });

  it('says nothing when nothing was saved', async () => {
    const io = captureIo();
    await expect(
      onTerminal(io, true, async (hooks) => {
        hooks.onStart(plan(0));
        throw new AbortError();
      }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(io.errText()).toBe('');
  });
});
