import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:long`: the suites too slow for `npm test`, run by .ci/run after it: the model
// audit's statistical checks, the CLI's conventions and the library-against-CLI byte checks of
// every verb, the Sobol and calibration studies end to end, the fuzzer's fixed-seed run, the
// explorer in Chromium, shards and merge, kill-and-resume through the CLI, the hypotheses
// command, compare and plot, every chart kind, and the API reference against TypeDoc.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/**/*.long.ts'] } });
