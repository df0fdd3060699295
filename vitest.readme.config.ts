import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:readme`: the README's examples, run as written (test/**/*.slow.ts; long).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/**/*.slow.ts'] } });
