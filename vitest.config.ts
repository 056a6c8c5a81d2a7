import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Many tests build an index or a library of thousands of generated bulletins before they
    // assert; on a loaded 2-core machine that setup alone passed vitest's default 5 s (CI at load
    // 13–18: complexity's suggestions, searchSuperseded). No test measures time by this timeout.
    testTimeout: 30_000,
  },
});
