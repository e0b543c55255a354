/**
 * How this project runs Chromium: Debian's binary (nothing downloaded) with flags that keep it
 * off the network (the machines are offline) and without a sandbox (CI runs as root in a
 * container). Shared by the browser tests (tests/support/browser.ts, headless by playwright)
 * and the Lighthouse audit (scripts/audit.ts, which adds `--headless=new` itself).
 */

/** The Chromium binary: `CHROMIUM_PATH`, else `CHROME_PATH` (Lighthouse's name), else Debian's. */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
