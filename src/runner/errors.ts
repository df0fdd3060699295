/**
 * The ways a Monte Carlo run can end without a result: a replication threw, the run was
 * aborted, or a worker thread itself broke.
 */

/**
 * A replication threw. Carries the replication's index and seed, so the failure can be
 * replayed alone with `simulate(scenario, seed)`.
 *
 * @example new ReplicationError(17, 123456, 'boom').message
 * // → 'replication 17 (seed 123456) failed: boom'
 */
export class ReplicationError extends Error {
  readonly index: number;
  readonly seed: number;
  /** The original error's message. */
  readonly reason: string;
  /** The stack of the original error, as seen where the replication ran. */
  readonly replicationStack: string | undefined;
  /** Other replications of the same run that failed too, by index (the run goes on past a failure). */
  readonly others: readonly { readonly index: number; readonly seed: number }[];

  constructor(index: number, seed: number, message: string, stack?: string, others: readonly { index: number; seed: number }[] = []) {
    const more = others.length === 0 ? '' : ` (${others.length} more failed: ${others.slice(0, 5).map((o) => `replication ${o.index} (seed ${o.seed})`).join(', ')}${others.length > 5 ? ', …' : ''})`;
    super(`replication ${index} (seed ${seed}) failed: ${message}${more}`);
    this.name = 'ReplicationError';
    this.index = index;
    this.seed = seed;
    this.reason = message;
    this.replicationStack = stack;
    this.others = others;
  }

  /**
   * The failure of the lowest index among `failures`, naming the others: what a run that went on
   * past its failed replications rejects with.
   */
  static of(failures: readonly ReplicationError[]): ReplicationError {
    const sorted = [...failures].sort((a, b) => a.index - b.index);
    const first = sorted[0] as ReplicationError;
    if (sorted.length === 1) return first;
    return new ReplicationError(first.index, first.seed, first.reason, first.replicationStack, sorted.slice(1).map((f) => ({ index: f.index, seed: f.seed })));
  }
}

/** The run was stopped through its `AbortSignal`; `cause` is the signal's reason. */
export class AbortError extends Error {
  constructor(cause?: unknown) {
    super('the Monte Carlo run was aborted', cause === undefined ? undefined : { cause });
    this.name = 'AbortError';
  }
}

/** A worker thread broke outside any replication: it failed to start, crashed or exited early. */
export class WorkerError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'WorkerError';
  }
}
