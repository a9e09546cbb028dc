import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Browser tests start Chromium and a server; they run in their own files and need more time.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
