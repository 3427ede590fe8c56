import { defineConfig } from 'vitest/config';

// `pnpm test:chaos`: tests that kill workers and restart servers (their own), run one file at a time.
export default defineConfig({
  test: {
    include: ['services/*/src/**/*.chaos.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
