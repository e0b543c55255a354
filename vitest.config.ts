import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    // First the system tools are checked (a missing one stops the run with the install line),
    // then one site is built for all end-to-end and browser tests (tests/setup/build-site.ts).
    globalSetup: ['tests/setup/system-tools.ts', 'tests/setup/build-site.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
