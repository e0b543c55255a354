/**
 * Three test projects (`npm test` runs all; `npm run test:<name>` one):
 * - `unit`: everything that needs neither a built site nor a browser; the fast loop.
 * - `site`: tests of a built site — the shared test site (tests/setup/build-site.ts, built once
 *   per run) or sites the real build makes for the test (end-to-end, reproducibility, resume).
 * - `browser`: tests that drive Chromium (Debian `chromium`, through playwright-core).
 * A test file belongs to `unit` unless listed below; one that needs the shared site but is
 * left in `unit` fails at once (its `inject('siteDir')` is undefined).
 */
import { configDefaults, defineConfig } from 'vitest/config';

/** Checks the system tools first: a missing one stops the run with the install line. */
const CHECK_TOOLS = 'tests/setup/system-tools.ts';
const BUILD_TEST_SITE = 'tests/setup/build-site.ts';

const SITE_TESTS = [
  'tests/e2e/resume-build.test.ts',
  'tests/gates/html-validity.test.ts',
  'tests/gates/links.test.ts',
  'tests/gates/reproducible.test.ts',
  'tests/pipeline/cli.test.ts',
  'tests/pipeline/e2e-build.test.ts',
  'tests/site/built-site.test.ts',
  'tests/site/home-datasheet.test.ts',
  'tests/site/metadata-validation.test.ts',
  'tests/site/subset-commands.test.ts',
];

const BROWSER_TESTS = [
  'tests/browser/**/*.test.ts',
  'tests/deploy/nginx.test.ts',
  'tests/e2e/adversarial-build.test.ts',
  'tests/gates/accessibility.test.ts',
  'tests/gates/csp.test.ts',
  'tests/gates/xss.test.ts',
  'tests/site/browser.test.ts',
  'tests/site/python-snippets.test.ts',
  'tests/site/search.test.ts',
  'tests/stats/explorer.test.ts',
  'tests/stats/one-truth.test.ts',
  'tests/stats/quality-page.test.ts',
  'tests/studies/enlarge-browser.test.ts',
  'tests/studies/studies-browser.test.ts',
];

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
          exclude: [...configDefaults.exclude, ...SITE_TESTS, ...BROWSER_TESTS],
          globalSetup: [CHECK_TOOLS],
        },
      },
      {
        extends: true,
        test: { name: 'site', include: SITE_TESTS, globalSetup: [CHECK_TOOLS, BUILD_TEST_SITE] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER_TESTS,
          globalSetup: [CHECK_TOOLS, BUILD_TEST_SITE],
        },
      },
    ],
  },
});
