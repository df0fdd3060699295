/**
 * The Monte Carlo runner: many replications of a scenario, in the calling thread or on a pool
 * of worker threads, with results identical either way.
 */
export { runMonteCarlo, SEED_LIMIT, type DoneReplications, type MonteCarloOptions } from './montecarlo.js';
export { ReplicationError, AbortError, WorkerError } from './errors.js';
export { runPool, createWorkerPool, chunkSize, planChunks, planGuidedChunks, type PoolOptions, type PoolJob, type WorkerPool } from './pool.js';
export type * from './protocol.js';
