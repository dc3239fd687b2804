// `npm run fuzz`: the long property runs (test/fuzz/*.fuzz.ts), kept out of `npm test` for time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
