/**
 * `npm run audit -- [--site <dir>] [--out <dir>] [--cpu-slowdown <n|auto>]`: page budgets as a
 * report, not a test.
 * Serves a built site on loopback (gzip, like a typical static host), runs Lighthouse with its
 * default mobile preset in Debian's Chromium on every page type in both languages (home,
 * statistics, two studies index pages, datasheet, about, quality, cite, license, search, your
 * copy, changes, a study; page types not built yet are skipped), and writes scores, bytes transferred and
 * JavaScript bytes per page to `<out>/report.json` plus a table.
 *
 * If the site folder does not exist, it is built first with `scripts/build.ts --out <dir>`.
 *
 * CPU: Lighthouse simulates a mid-tier phone by multiplying the main-thread time it measured
 * by 4, a factor meant for an unloaded high-end desktop (benchmark index 1500-2000; see
 * "Calibrating the CPU slowdown" in Lighthouse's
 * https://github.com/GoogleChrome/lighthouse/blob/main/docs/throttling.md). On a slower or busy
 * machine the same factor emulates a slower phone than intended, so the report records the
 * benchmark index Lighthouse measured and the load average, and `--cpu-slowdown auto` scales
 * the factor to the measured index (4 x index / 1750, between 1 and 4) for a calibrated run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import {
  DEFAULT_CPU_SLOWDOWN,
  REFERENCE_BENCHMARK_INDEX,
  auditPage,
  calibratedSlowdown,
  type PageAudit,
} from './audit/lighthouse.ts';
import { TARGETS, onlyNoindexByDesign, table, targetsMissed } from './audit/report.ts';
import { serve } from './audit/serve-gzip.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium.ts';
import { parseOptions, runCommand, UsageError } from './lib/cli.ts';
import { isHandleShaped } from '../src/domain/handle.ts';
import { LOCALES } from '../src/i18n/locales.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** How the layout marks a page search engines should leave out (src/layouts/base-layout.astro). */
const NOINDEX_META = /<meta name="robots" content="noindex"/;

/** The pages to audit that exist in the site: [type, locale, url path]. */
async function pagesToAudit(siteDir: string): Promise<Array<[string, string, string]>> {
  const pages: Array<[string, string, string]> = [];
  for (const locale of LOCALES) {
    const candidates: Array<[string, string]> = [
      ['home', `${locale}/`],
      ['statistics', `${locale}/statistics/`],
      ['studies index', `${locale}/studies/`],
      // The index is paged (src/site/studies/index-pages.ts): a later page too.
      ['studies index p2', `${locale}/studies/page/2/`],
      ['datasheet', `${locale}/datasheet/`],
      ['about', `${locale}/about/`],
      ['quality', `${locale}/quality/`],
      ['cite', `${locale}/cite/`],
      ['license', `${locale}/license/`],
      ['search', `${locale}/search/`],
      ['your copy', `${locale}/your-copy/`],
      ['changes', `${locale}/changes/`],
    ];
    const studiesDir = join(siteDir, locale, 'studies');
    if (existsSync(studiesDir)) {
      const slugs = (await readdir(studiesDir, { withFileTypes: true }))
        // A study page, not a handle's short address (a redirect page beside them).
        .filter((e) => e.isDirectory() && !isHandleShaped(e.name))
        .filter((e) => existsSync(join(studiesDir, e.name, 'index.html')))
        .map((e) => e.name)
        .sort();
      if (slugs[0]) candidates.push(['study page', `${locale}/studies/${slugs[0]}/`]);
    }
    for (const [type, path] of candidates) {
      if (existsSync(join(siteDir, path, 'index.html'))) pages.push([type, locale, `/${path}`]);
      else if (type !== 'studies index p2')
        console.warn(`skipped ${type} (${locale}): /${path} is not in the site yet`);
    }
  }
  return pages;
}

const USAGE = `Usage: npm run audit -- [options]

  --site <dir>              the built site; built first if it does not exist (default: dist)
  --out <dir>               where report.json goes (default: audit)
  --cpu-slowdown <n|auto>   Lighthouse's CPU slowdown factor, 1 or more, or "auto" to scale
                            it to the machine's benchmark index (default: ${DEFAULT_CPU_SLOWDOWN})
  -h, --help                show this help`;

function parse(argv: string[]) {
  const values = parseOptions(argv, {
    site: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'audit' },
    'cpu-slowdown': { type: 'string', default: String(DEFAULT_CPU_SLOWDOWN) },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const slowdown = values['cpu-slowdown'];
  if (slowdown !== 'auto' && !(Number(slowdown) >= 1)) {
    throw new UsageError(`--cpu-slowdown: a factor of 1 or more, or "auto" (got "${slowdown}")`);
  }
  return values;
}

async function main(values: ReturnType<typeof parse>): Promise<number> {
  const slowdownOption = values['cpu-slowdown'];
  const siteDir = resolve(values.site);
  const outDir = resolve(values.out);
  if (!existsSync(join(siteDir, 'index.html'))) {
    console.log(`No site in ${siteDir}: building it with scripts/build.ts`);
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--out', siteDir], {
      stdio: 'inherit',
    });
    if (built.status !== 0) {
      console.error(`The build failed; build the site first or pass --site <dir>.`);
      return 1;
    }
  }
  const pages = await pagesToAudit(siteDir);
  if (!pages.length) {
    console.error(`No page to audit in ${siteDir}.`);
    return 1;
  }
  const { url, server } = await serve(siteDir);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
  const audits: PageAudit[] = [];
  let cpuSlowdown = slowdownOption === 'auto' ? DEFAULT_CPU_SLOWDOWN : Number(slowdownOption);
  try {
    if (slowdownOption === 'auto') {
      // One run to let Lighthouse measure the machine, then the factor for its index.
      const probe = await auditPage(url + pages[0]![2], chrome.port, DEFAULT_CPU_SLOWDOWN);
      cpuSlowdown = calibratedSlowdown(probe.benchmarkIndex ?? REFERENCE_BENCHMARK_INDEX);
      console.log(`Benchmark index ${probe.benchmarkIndex}: CPU slowdown ${cpuSlowdown}x`);
    }
    for (const [type, locale, path] of pages) {
      console.log(`Lighthouse (mobile, CPU ${cpuSlowdown}x): ${type} (${locale}) ${path}`);
      const html = await readFile(join(siteDir, path, 'index.html'), 'utf8');
      audits.push({
        type,
        locale,
        path,
        noindex: NOINDEX_META.test(html),
        ...(await auditPage(url + path, chrome.port, cpuSlowdown)),
      });
    }
  } finally {
    chrome.kill();
    server.close();
  }
  const missed = targetsMissed(audits);
  const report = {
    lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default
      .version,
    preset: 'mobile (Lighthouse default: emulated Moto G Power, simulated slow 4G)',
    cpuSlowdown,
    cpus: cpus().length,
    serving: 'loopback, gzip level 9 for text',
    site: siteDir,
    targets: TARGETS,
    pages: audits,
    targetsMissed: missed,
  };
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${table(audits)}\n`);
  for (const a of audits) {
    for (const f of a.failedAudits) {
      console.log(`${a.type} (${a.locale}) ${f.id}: ${f.title}${f.detail ? ` (${f.detail})` : ''}`);
    }
  }
  const byDesign = audits.filter(onlyNoindexByDesign).map((a) => `${a.type} (${a.locale})`);
  if (byDesign.length) {
    console.log(
      `\nnoindex by design, SEO "blocked from indexing" expected: ${byDesign.join(', ')}`,
    );
  }
  console.log(missed.length ? `\nTargets missed:\n  ${missed.join('\n  ')}` : '\nAll targets met.');
  console.log(`\nReport: ${join(outDir, 'report.json')}`);
  return 0;
}

process.exitCode = await runCommand({
  name: 'audit',
  usage: USAGE,
  parse: () => parse(process.argv.slice(2)),
  main,
});
