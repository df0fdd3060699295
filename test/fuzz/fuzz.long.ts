/**
 * The fuzzer, in its fast form: a few hundred generated inputs (malformed scenario and
 * hypothesis files, in-memory data, --set expressions and command lines) with a fixed seed, so
 * the suite stays quick and deterministic. `npm run fuzz` runs many more cases with a new seed
 * (long.fuzz.ts). A failure prints the seed and the shrunk counter-example with its path.
 */
import { fuzzSuite } from './suite.js';

const SEED = 20261202;

fuzzSuite({ seed: SEED, scale: 1, replay: `FUZZ_SEED=${SEED} FUZZ_SCALE=1 npm run fuzz` });
