/**
 * Three test projects, one folder each (`npm test` runs all; `npm run test:<name>` one):
 * - `unit` (tests/unit/): everything that needs neither a built site nor a browser; the fast loop.
 * - `site` (tests/site/): tests of a built site — the shared test site (tests/setup/build-site.ts,
 *   built once per run) or sites the real build makes for the test (end-to-end, reproducibility,
 *   resume).
 * - `browser` (tests/browser/): tests that drive Chromium (Debian `chromium`, through
 *   playwright-core).
 * Helpers used by one project sit beside its tests; helpers shared by several, in tests/support/.
 * A test file outside the three folders runs as `unit`, and tests/unit/architecture/layout.test.ts fails
 * naming it, so that it is moved to the folder of its project.
 */
import { configDefaults, defineConfig } from 'vitest/config';

/** Checks the project's own system tools first (.ci/system-tools.txt): a missing one stops the run. */
const CHECK_TOOLS = 'tests/setup/system-tools.ts';
const BUILD_TEST_SITE = 'tests/setup/build-site.ts';

const SITE_TESTS = 'tests/site/**/*.test.ts';
const BROWSER_TESTS = 'tests/browser/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Browser tests poll for what a script does after a lazy import and a fetch; on a loaded
    // 2-core machine that can take seconds, far past vitest's 1 s default.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          // One module graph per worker, not per file: half the unit loop was re-importing
          // the same modules for each of ~100 files (91 s → 47 s on 2 idle cores). Safe here:
          // unit tests keep no module state between files (temp folders, pure functions; the
          // one env stub, base-path.test.ts, unstubs and resets its modules).
          isolate: false,
          exclude: [...configDefaults.exclude, SITE_TESTS, BROWSER_TESTS],
          globalSetup: [CHECK_TOOLS],
        },
      },
      {
        extends: true,
        test: { name: 'site', include: [SITE_TESTS], globalSetup: [CHECK_TOOLS, BUILD_TEST_SITE] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER_TESTS],
          globalSetup: [CHECK_TOOLS, BUILD_TEST_SITE],
        },
      },
    ],
  },
});
