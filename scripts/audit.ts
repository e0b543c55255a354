/**
 * `npm run audit -- [--site <dir>] [--out <dir>] [--cpu-slowdown <n|auto>]`: page budgets as a
 * report, not a test.
 * Serves a built site on loopback (gzip, like a typical static host), runs Lighthouse with its
 * default mobile preset in Debian's Chromium on every page type in both languages (home,
 * statistics, two studies index pages, datasheet, about, quality, cite, license, search, a
 * study; page types not built yet are skipped), and writes scores, bytes transferred and
 * JavaScript bytes per page to `<out>/report.json` plus a table.
 *
 * If the site folder does not exist, it is built first with `scripts/build.ts --out <dir>`.
 *
 * CPU: Lighthouse simulates a mid-tier phone by multiplying the main-thread time it measured
 * by 4, a factor meant for an unloaded high-end desktop (benchmark index 1500-2000; see
 * Lighthouse's docs/throttling.md, "Calibrating the CPU slowdown"). On a slower or busy
 * machine the same factor emulates a slower phone than intended, so the report records the
 * benchmark index Lighthouse measured and the load average, and `--cpu-slowdown auto` scales
 * the factor to the measured index (4 x index / 1750, between 1 and 4) for a calibrated run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { constants, gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium.ts';
import { builtBase, createSiteHandler } from './lib/serve-site.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const LOCALES = ['ru', 'en'] as const;
/** Targets from issue 7. */
const TARGETS = { score: 100, homeBytes: 100 * 1024 };

interface PageAudit {
  type: string;
  locale: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** Bytes over the wire for the whole page load (Lighthouse total-byte-weight). */
  transferBytes: number;
  /** Bytes over the wire of JavaScript, and their size uncompressed. */
  scriptTransferBytes: number;
  scriptResourceBytes: number;
  requests: number;
  /** Lighthouse's measure of this machine's CPU for the run (higher is faster). */
  benchmarkIndex: number | null;
  /** Load average over the last minute when the page was audited. */
  loadAverage: number;
  /** Core Web Vitals and the other scored metrics, in ms (CLS unitless). */
  metrics: Record<string, number | null>;
  /** Audits that scored below 1 in any category, for follow-up. */
  failedAudits: Array<{
    id: string;
    category: string;
    title: string;
    score: number;
    detail?: string;
  }>;
}

const TEXT_TYPES =
  /\.(html|css|js|mjs|json|svg|xml|txt|csv|webmanifest|pf_meta|pf_index|pf_fragment)$/;

/**
 * A loopback static host that gzips text like GitHub Pages or Netlify do, serving the site under
 * the base path it was built with. `url` ends before the base's last slash: `url + '/en/'`.
 */
async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const base = builtBase(await readFile(join(dir, 'index.html'), 'utf8'));
  const files = createSiteHandler(dir, base);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (wantsGzip && (TEXT_TYPES.test(path) || path.endsWith('/'))) {
      // Hold sirv's head and body, then send them gzipped, as a real host would.
      const chunks: Buffer[] = [];
      // Without a writeHead call (sirv's fallback, our 404 page) the status is res.statusCode.
      let head: [number, Record<string, string | number>] | undefined;
      const writeHead = res.writeHead.bind(res);
      const end = res.end.bind(res);
      res.writeHead = ((status: number, headers?: Record<string, string | number>) => {
        head = [status, headers ?? {}];
        return res;
      }) as typeof res.writeHead;
      res.write = ((chunk: Buffer | string) => {
        chunks.push(Buffer.from(chunk));
        return true;
      }) as typeof res.write;
      res.end = ((chunk?: Buffer | string) => {
        if (chunk) chunks.push(Buffer.from(chunk));
        const body = gzipSync(Buffer.concat(chunks), { level: constants.Z_BEST_COMPRESSION });
        const [status, given] = head ?? [res.statusCode, {}];
        const headers = Object.fromEntries(
          Object.entries(given).filter(([k]) => k.toLowerCase() !== 'content-length'),
        );
        writeHead(status, {
          ...headers,
          'Content-Encoding': 'gzip',
          'Content-Length': body.length,
        });
        return end(body);
      }) as typeof res.end;
    }
    files(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}${base.slice(0, -1)}`, server };
}

/** The pages to audit that exist in the site: [type, locale, url path]. */
async function pagesToAudit(siteDir: string): Promise<Array<[string, string, string]>> {
  const pages: Array<[string, string, string]> = [];
  for (const locale of LOCALES) {
    const candidates: Array<[string, string]> = [
      ['home', `${locale}/`],
      ['statistics', `${locale}/statistics/`],
      ['studies index', `${locale}/studies/`],
      // The index is paged (src/components/studies/index-pages.ts): a later page too.
      ['studies index p2', `${locale}/studies/page/2/`],
      ['datasheet', `${locale}/datasheet/`],
      ['about', `${locale}/about/`],
      ['quality', `${locale}/quality/`],
      ['cite', `${locale}/cite/`],
      ['license', `${locale}/license/`],
      ['search', `${locale}/search/`],
    ];
    const studiesDir = join(siteDir, locale, 'studies');
    if (existsSync(studiesDir)) {
      const slugs = (await readdir(studiesDir, { withFileTypes: true }))
        .filter((e) => e.isDirectory() && existsSync(join(studiesDir, e.name, 'index.html')))
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

interface NetworkRequest {
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

/** The first items of an audit's table (e.g. the console errors, the small tap targets). */
function auditDetail(details: unknown): string | undefined {
  const items = (details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
  const text = items.slice(0, 3).map((item) => {
    const node = item.node as { snippet?: string } | undefined;
    return String(item.description ?? item.url ?? node?.snippet ?? item.source ?? '').slice(0, 160);
  });
  return text.filter(Boolean).join(' | ') || undefined;
}

/** The high-end desktop index Lighthouse's 4x default is meant for (middle of 1500-2000). */
const REFERENCE_BENCHMARK_INDEX = 1750;
const DEFAULT_CPU_SLOWDOWN = 4;

/**
 * The CPU slowdown that makes this machine emulate the phone the default aims at.
 * @example calibratedSlowdown(875) // 2
 */
function calibratedSlowdown(benchmarkIndex: number): number {
  const factor = (DEFAULT_CPU_SLOWDOWN * benchmarkIndex) / REFERENCE_BENCHMARK_INDEX;
  return Math.round(Math.min(DEFAULT_CPU_SLOWDOWN, Math.max(1, factor)) * 10) / 10;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

async function auditPage(
  url: string,
  port: number,
  cpuSlowdown: number,
): Promise<Omit<PageAudit, 'type' | 'locale' | 'path'>> {
  const loadAverage = loadavg()[0]!;
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    {
      extends: 'lighthouse:default',
      settings: {
        throttling: {
          ...throttling.mobileSlow4G,
          cpuSlowdownMultiplier: cpuSlowdown,
        },
      },
    },
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message} (${url})`);
  const requests =
    (lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined)?.items ??
    [];
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  const failedAudits = new Map<string, PageAudit['failedAudits'][number]>();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        const detail = auditDetail(audit.details);
        const failed = { id: ref.id, category, title: audit.title, score: audit.score };
        failedAudits.set(ref.id, detail ? { ...failed, detail } : failed);
      }
    }
  }
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((c) => {
        const score = lhr.categories[c]?.score;
        return [c, score === null || score === undefined ? null : Math.round(score * 100)];
      }),
    ) as PageAudit['scores'],
    transferBytes: Math.round(Number(lhr.audits['total-byte-weight']?.numericValue ?? 0)),
    scriptTransferBytes: scripts.reduce((n, r) => n + (r.transferSize ?? 0), 0),
    scriptResourceBytes: scripts.reduce((n, r) => n + (r.resourceSize ?? 0), 0),
    requests: requests.length,
    benchmarkIndex: lhr.environment.benchmarkIndex ?? null,
    loadAverage: Math.round(loadAverage * 100) / 100,
    metrics: Object.fromEntries(
      METRICS.map((id) => {
        const value = lhr.audits[id]?.numericValue;
        return [id, value === undefined ? null : Math.round(value * 1000) / 1000];
      }),
    ),
    failedAudits: [...failedAudits.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

function table(audits: PageAudit[]): string {
  const header = [
    'page',
    'lang',
    'perf',
    'a11y',
    'best',
    'seo',
    'KB sent',
    'JS KB sent',
    'requests',
    'CLS',
    'TBT ms',
    'LCP ms',
    'bench',
    'load',
  ];
  const rows = audits.map((a) => [
    a.type,
    a.locale,
    ...CATEGORIES.map((c) => String(a.scores[c] ?? '-')),
    (a.transferBytes / 1024).toFixed(1),
    (a.scriptTransferBytes / 1024).toFixed(1),
    String(a.requests),
    String(a.metrics['cumulative-layout-shift'] ?? '-'),
    String(Math.round(a.metrics['total-blocking-time'] ?? 0)),
    String(Math.round(a.metrics['largest-contentful-paint'] ?? 0)),
    String(Math.round(a.benchmarkIndex ?? 0)),
    a.loadAverage.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Page types that carry `noindex` on purpose: search results pages are kept out of search
 * engines (Google's guidance for internal search), which Lighthouse's SEO category counts as
 * "blocked from indexing". Their SEO score is a miss only if anything else failed.
 */
const NOINDEX_BY_DESIGN = new Set(['search']);

function onlyNoindexByDesign(a: PageAudit): boolean {
  return (
    NOINDEX_BY_DESIGN.has(a.type) &&
    a.failedAudits.filter((f) => f.category === 'seo').every((f) => f.id === 'is-crawlable')
  );
}

function targetsMissed(audits: PageAudit[]): string[] {
  const missed: string[] = [];
  for (const a of audits) {
    for (const c of CATEGORIES) {
      if (c === 'seo' && onlyNoindexByDesign(a)) continue;
      if ((a.scores[c] ?? 0) < TARGETS.score) {
        missed.push(`${a.type} (${a.locale}) ${c} ${a.scores[c]} < ${TARGETS.score}`);
      }
    }
    if (a.type === 'home' && a.transferBytes > TARGETS.homeBytes) {
      missed.push(`home (${a.locale}) sends ${a.transferBytes} B > ${TARGETS.homeBytes} B`);
    }
  }
  return missed;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist' },
      out: { type: 'string', default: 'audit' },
      'cpu-slowdown': { type: 'string', default: String(DEFAULT_CPU_SLOWDOWN) },
    },
  });
  const slowdownOption = values['cpu-slowdown'];
  if (slowdownOption !== 'auto' && !(Number(slowdownOption) >= 1)) {
    console.error(`--cpu-slowdown: a factor of 1 or more, or "auto" (got "${slowdownOption}")`);
    return 2;
  }
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
      audits.push({
        type,
        locale,
        path,
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

process.exitCode = await main();
