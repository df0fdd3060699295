import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run fuzz`: the fuzzer's long run (test/fuzz/long.fuzz.ts), with no time limit per test.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/**/*.fuzz.ts'], testTimeout: 0, hookTimeout: 120_000 } });
