import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each build test writes its own temporary database; the machine has two cores.
    pool: 'forks',
  },
});
