/**
 * The fuzzer's long run, `npm run fuzz`: the properties of the fast run with many more cases
 * and a new seed each time (printed first, so a failure can be replayed).
 *
 *   npm run fuzz                                   # a new seed, FUZZ_SCALE=20 times the fast run's cases
 *   FUZZ_SEED=123 npm run fuzz                     # replay a run
 *   FUZZ_SEED=123 FUZZ_PATH="45:2:1" npm run fuzz  # replay one shrunk counter-example (the path fast-check printed)
 *   FUZZ_SCALE=100 npm run fuzz                    # longer
 */
import { fuzzSuite } from './suite.js';

const seed = process.env['FUZZ_SEED'] === undefined ? Date.now() % 2 ** 31 : Number(process.env['FUZZ_SEED']);
const scale = Number(process.env['FUZZ_SCALE'] ?? 20);
const path = process.env['FUZZ_PATH'];

fuzzSuite({ seed, scale, ...(path === undefined ? {} : { path }), replay: `FUZZ_SEED=${seed} FUZZ_SCALE=${scale} npm run fuzz` });
