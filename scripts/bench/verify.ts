/**
 * The verify figure: the "Your copy" page checking a whole copy in Debian's Chromium — pick the
 * dataset folder, list it, fetch the expected lists, hash every file in the page's workers
 * (WebCrypto), show the result — against GNU sha256sum on the same files (one process, and as
 * many processes as the page has workers), warm page cache, runs alternating. The copy is the
 * real-scale sample (512×512, `npm run sample -- --matrix 512`), built with checksums (the
 * default); the site is served on loopback with its CSP header. Each Chromium run is a fresh
 * browser context, so the page's IndexedDB remembers nothing from the run before.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { listStudyFiles } from '../../src/pipeline/imaging/list/walk.ts';
import { contentSecurityPolicyHeader } from '../../src/site/csp.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/chromium.ts';
import { createSiteHandler } from '../lib/serve-site.ts';
import { scanFigure } from './aggregate.ts';
import { runGnu } from './checksums.ts';
import { warmPageCache } from './header-scan.ts';
import { ensureRealScaleSample, REAL_SCALE_MATRIX } from './real-scale.ts';
import type { ScanFigure, VerifyFigures } from './results.ts';

/** The page's worker count for this machine's cores (src/scripts/your-copy/index.ts). */
const pageWorkers = (cores: number) => Math.min(4, Math.max(2, cores));

function buildSite(root: string, dataset: string, out: string, generated: string) {
  return new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ['scripts/build.ts', '--dataset', dataset, '--out', out, '--generated', generated],
      { cwd: root, maxBuffer: 1 << 26, env: { ...process.env, CI: '1' } },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`build failed:\n${stderr.slice(-2000)}`)) : resolve(),
    );
  });
}

export async function measureVerify(
  root: string,
  studies: number,
  runs: number,
  cores: number,
  log: (line: string) => void,
): Promise<VerifyFigures> {
  const work = join(root, '.cache/bench/real-scale');
  const dataset = join(work, `${REAL_SCALE_MATRIX}-${studies}`);
  await ensureRealScaleSample(dataset, studies, log);
  const dist = join(work, 'verify-dist');
  log(`verify: building the site of ${studies} studies with checksums`);
  await buildSite(root, dataset, dist, join(work, 'verify-generated'));
  const { files } = await listStudyFiles(dataset);
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  await warmPageCache(dataset, files);

  const handler = createSiteHandler(dist, '/', { etag: false });
  const csp = contentSecurityPolicyHeader();
  const server: Server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', csp);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
  const workers = pageWorkers(cores);
  const times = { chromium: [] as number[], gnu: [] as number[], gnuParallel: [] as number[] };
  const chromiumRun = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/en/your-copy/`);
    const input = page.locator('input[type=file]');
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[type=file]')?.webkitdirectory,
    );
    const started = performance.now();
    await input.setInputFiles(dataset);
    await page.locator('a[data-report]').waitFor({ timeout: 3_600_000 });
    const ms = performance.now() - started;
    const problems = await page.locator('[data-verdict]').getAttribute('data-verdict');
    await context.close();
    if (problems !== 'ok')
      throw new Error(`verify: the page found problems in the sample (${problems})`);
    times.chromium.push(ms);
    log(`  Chromium: ${(ms / 1000).toFixed(1)} s`);
  };
  const gnuRun = async () => {
    times.gnu.push(await runGnu(dataset, files, 1));
    times.gnuParallel.push(await runGnu(dataset, files, workers));
    log(
      `  sha256sum: ${(times.gnu.at(-1)! / 1000).toFixed(1)} s, ×${workers} ${(times.gnuParallel.at(-1)! / 1000).toFixed(1)} s`,
    );
  };
  try {
    for (let run = 0; run < runs; run++) {
      log(`verify: run ${run + 1}/${runs} (${files.length} files, ${(bytes / 1e6).toFixed(0)} MB)`);
      // ABBA, so that a drift in the machine's speed hits both alike.
      if (run % 2 === 0) {
        await chromiumRun();
        await gnuRun();
      } else {
        await gnuRun();
        await chromiumRun();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const chromiumFigure = scanFigure(times.chromium, files.length, bytes);
  return {
    studies,
    matrix: REAL_SCALE_MATRIX,
    files: files.length,
    bytes,
    workers,
    chromium: chromiumFigure,
    gnu: scanFigure(times.gnu, files.length, bytes),
    gnuParallel: scanFigure(times.gnuParallel, files.length, bytes),
    secondsPer100GB: 100e3 / chromiumFigure.mbPerSecond,
  };
}

const rate = (f: ScanFigure) =>
  `${f.mbPerSecond.toFixed(0)} MB/s, ${f.filesPerSecond.toFixed(0)} files/s (${(f.ms.median / 1000).toFixed(1)} s)`;

/** The verify figure as text, with the projection to 100 GB. */
export function formatVerify(f: VerifyFigures): string {
  const hours = f.secondsPer100GB / 3600;
  return [
    `Verify a copy in the browser ("Your copy", Chromium, ${f.workers} workers, WebCrypto): ${f.studies} studies ${f.matrix}×${f.matrix}, ${f.files} files, ${(f.bytes / 1e6).toFixed(0)} MB, page cache warm, medians of ${f.chromium.ms.runs.length} runs`,
    `  Chromium, pick to result:      ${rate(f.chromium)}`,
    `  GNU sha256sum, 1 process:      ${rate(f.gnu)}`,
    `  GNU sha256sum, ${f.workers} processes:     ${rate(f.gnuParallel)}`,
    `  100 GB at the page's rate: ${hours >= 1 ? `${hours.toFixed(1)} h` : `${(f.secondsPer100GB / 60).toFixed(0)} min`} (reading from disk may be slower than this warm cache)`,
  ].join('\n');
}
