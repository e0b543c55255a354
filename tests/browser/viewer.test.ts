/**
 * The study page's full viewer, as a reader uses it, in Chromium under the site's own CSP (no
 * bypass): the sample dataset folder given to "Open from your copy", End goes to the last slice
 * of the series (as many as its folder has files), a click reads the HU of that pixel as
 * pydicom reads it; and a copy of the study written in every transfer syntax the pipeline
 * decodes displays each one, naming the file it cannot decode. No request leaves the site.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { findPython } from '../../scripts/lib/system-tools.ts';
import type { StudiesFile, Study } from '../../src/domain/schemas.ts';
import { useBrowserSite } from './use-browser-site.ts';
import {
  phantomHu,
  storedFromHu,
  writeCtFile,
  type FixtureSyntax,
} from '../fixtures/dicom/ct-files.ts';

const python = findPython(['pydicom', 'numpy']);
const STATUS = '#viewer [role="status"]';

const web = useBrowserSite();
let context: BrowserContext;
let datasetDir: string;
let study: Study;
const work = mkdtempSync(join(tmpdir(), 'viewer-test-'));

beforeAll(async () => {
  const data = JSON.parse(
    readFileSync(join(inject('generatedDir'), 'data/studies.json'), 'utf8'),
  ) as StudiesFile;
  datasetDir = inject('datasetDir');
  // A study with more than one series, so the switcher has something to switch.
  study = data.studies.find(
    (s) => s.series.length > 1 && s.series.every((x) => x.status === 'ok'),
  )!;
  context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await recordCspViolations(context);
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
});

/** Collects what the CSP blocks, from the first moment of every page of `on`. */
async function recordCspViolations(on: BrowserContext): Promise<void> {
  await on.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = log;
    document.addEventListener('securitypolicyviolation', (e) =>
      log.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
}

/** Opens the study page, gives the viewer `folder`, waits for the first slice. */
async function openViewer(
  locale: string,
  folder: string,
  on: BrowserContext = context,
): Promise<{ page: Page; problems: string[] }> {
  const page = await on.newPage();
  const problems: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== web.site.origin) {
      problems.push(`request to another origin: ${r.url()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${web.site.url}/${locale}/studies/${study.slug}/#viewer`);
  await page.locator('#viewer input[type="file"][webkitdirectory]').setInputFiles(folder);
  await page
    .locator(STATUS)
    .filter({ hasText: /^(Slice|Срез) \d/ })
    .waitFor();
  return { page, problems };
}

async function finish(page: Page, problems: string[]): Promise<void> {
  problems.push(
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    )),
  );
  await page.close();
  expect(problems, problems.join('\n')).toEqual([]);
}

/** Clicks the image at a fraction of its box; returns the pixel the viewer says it read. */
async function clickImage(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  await page.locator(STATUS).evaluate((status) => status.removeAttribute('data-pixel'));
  const box = (await page.locator('#viewer canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  await page.locator(`${STATUS}[data-pixel*=","]`).waitFor();
  const [x, y] = (await page.locator(STATUS).getAttribute('data-pixel'))!.split(',').map(Number);
  return { x: x!, y: y! };
}

function huOf(status: string): number {
  return Number(/HU (-?\d+)/.exec(status)?.[1]);
}

describe('the viewer on the sample dataset', () => {
  it('shows every slice of a series: End reads "Slice N of N", a click the HU pydicom reads', async () => {
    expect(python, 'a python3 with pydicom and numpy').not.toBeNull();
    const { page, problems } = await openViewer('en', datasetDir);
    const series = study.series[0]!;
    const folder = join(datasetDir, study.path, series.folder);
    const count = readdirSync(folder).length;
    await page.locator('#viewer canvas').focus();
    await page.keyboard.press('End');
    await expect
      .poll(() => page.locator(STATUS).textContent())
      .toMatch(new RegExp(`^Slice ${count} of ${count} · window 40/80 · HU`));
    const pixel = await clickImage(page, 0.42, 0.55);
    const status = (await page.locator(STATUS).textContent())!;
    const script = [
      'import json, sys, numpy as np, pydicom',
      'from pathlib import Path',
      'slices = [pydicom.dcmread(p) for p in sorted(Path(sys.argv[1]).iterdir())]',
      'o = np.array(slices[0].ImageOrientationPatient, dtype=float)',
      'normal = np.cross(o[:3], o[3:])',
      'slices.sort(key=lambda ds: float(np.dot(normal, np.array(ds.ImagePositionPatient, dtype=float))))',
      'ds = slices[-1]',
      'x, y = int(sys.argv[2]), int(sys.argv[3])',
      'hu = float(ds.pixel_array[y, x]) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)',
      'print(json.dumps({"count": len(slices), "hu": hu}))',
    ].join('\n');
    const run = spawnSync(python!, ['-c', script, folder, String(pixel.x), String(pixel.y)], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const expected = JSON.parse(run.stdout) as { count: number; hu: number };
    expect(expected.count).toBe(count);
    expect(Math.abs(huOf(status) - expected.hu)).toBeLessThanOrEqual(1);
    // The soft tissue of the head, not air: the click landed on the image.
    expect(expected.hu).toBeGreaterThan(-200);

    // Every series is offered, with its slice count; switching shows the other series.
    const options = await page.locator('#viewer select option').allTextContents();
    expect(options).toHaveLength(study.series.length);
    await page.locator('#viewer select').selectOption({ index: 1 });
    const other = readdirSync(join(datasetDir, study.path, study.series[1]!.folder)).length;
    const second = study.series[1]!.folder.replaceAll('.', '\\.');
    await expect
      .poll(() => page.locator('#viewer canvas').getAttribute('aria-label'))
      .toMatch(new RegExp(`^${second} \\(${other}\\), slice \\d+ of ${other},`));

    // Window: the presets, and numbers typed in.
    await page.locator('#viewer button[data-preset="bone"]').click();
    await expect.poll(() => page.locator(STATUS).textContent()).toContain('window 600/2800');
    expect(
      await page.locator('#viewer button[data-preset="bone"]').getAttribute('aria-pressed'),
    ).toBe('true');
    await page.locator('#viewer [data-viewer-center]').fill('55');
    await page.locator('#viewer [data-viewer-width]').fill('150');
    await expect.poll(() => page.locator(STATUS).textContent()).toContain('window 55/150');
    await finish(page, problems);
  });

  it('reads the same in Russian, from the study folder itself', async () => {
    const { page, problems } = await openViewer('ru', join(datasetDir, study.path));
    const count = readdirSync(join(datasetDir, study.path, study.series[0]!.folder)).length;
    await page.locator('#viewer canvas').focus();
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.locator(STATUS).textContent())
      .toMatch(new RegExp(`^Срез 1 из ${count} · окно 40/80 · HU`));
    await finish(page, problems);
  });

  it('works by touch on a phone: a tap reads the HU there, a one-finger drag sets the window', async () => {
    const phone = await web.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    await recordCspViolations(phone);
    const { page, problems } = await openViewer('en', datasetDir, phone);
    const canvas = page.locator('#viewer canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.locator(STATUS).evaluate((status) => status.removeAttribute('data-pixel'));
    await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.locator(`${STATUS}[data-pixel*=","]`).waitFor();
    expect(await page.locator(STATUS).textContent()).toMatch(/ · HU -?\d+$/);
    // A one-finger drag to the right widens the window (the default drag mode).
    const cdp = await phone.newCDPSession(page);
    const at = (dx: number) => [{ x: box.x + box.width * 0.3 + dx, y: box.y + box.height * 0.5 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
    for (const dx of [10, 40, 80]) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(dx) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.locator(STATUS).textContent()).toMatch(/window 40\/160 ·/);
    await finish(page, problems);
    await phone.close();
  });
});

describe('every transfer syntax the pipeline decodes displays', () => {
  const SIZE = 64;
  const LOSSLESS: FixtureSyntax[] = [
    'explicit-le',
    'implicit-le',
    'explicit-be',
    'deflated',
    'raw-explicit-le',
    'raw-implicit-le',
    'raw-explicit-be',
    'rle',
    'jpeg-lossless',
    'jpeg-lossless-sv1',
    'jpeg-ls',
    'jpeg-ls-fragments',
    'jpeg-2000',
  ];
  /**
   * Slice k's HU in the series of `syntax`: the phantom at height k, shifted by a few HU per
   * syntax, so that each slice and each series differs (a viewer showing the wrong one fails).
   */
  const huAt = (k: number, syntax: FixtureSyntax) =>
    phantomHu(SIZE, k).map((v) => v + 2 * (LOSSLESS.indexOf(syntax) + 1));

  function writeCopy(): string {
    const root = join(work, 'copy');
    const studyDir = join(root, 'studies', study.path.split('/').at(-1)!);
    for (const syntax of [...LOSSLESS, 'jpeg-baseline', 'jpeg-extended'] as FixtureSyntax[]) {
      mkdirSync(join(studyDir, syntax), { recursive: true });
      for (const k of [0, 1, 2]) {
        const hu = huAt(k, syntax);
        const eightBit = syntax === 'jpeg-baseline';
        writeCtFile(
          join(studyDir, syntax, `${9 - k}.dcm`),
          {
            rows: SIZE,
            columns: SIZE,
            stored: eightBit
              ? Uint8Array.from(hu, (v) => Math.max(0, Math.min(255, Math.round((v + 1024) / 8))))
              : storedFromHu(hu),
            ...(eightBit ? { bits: 8 as const, slope: 8, intercept: -1024 } : {}),
            studyUid: study.id,
            seriesUid: `2.25.${LOSSLESS.indexOf(syntax) + 100}`,
            instanceUid: `2.25.${LOSSLESS.indexOf(syntax) + 100}.${k}`,
            // Numbered from the top, named in reverse: only the position gives the order.
            instanceNumber: 3 - k,
            position: [0, 0, 5 * k],
          },
          syntax,
        );
      }
    }
    return root;
  }

  it("shows each syntax's last slice with its exact HU, and names the file it cannot decode", async () => {
    const copy = writeCopy();
    const { page, problems } = await openViewer('en', copy);
    const options = await page.locator('#viewer select option').allTextContents();
    const select = async (syntax: string) => {
      const index = options.findIndex((o) => o.startsWith(`${syntax} (`));
      expect(index, syntax).toBeGreaterThanOrEqual(0);
      await page.locator('#viewer select').selectOption({ index });
      await page.locator('#viewer canvas').focus();
      await page.keyboard.press('End');
      // The image names its series and slice once they are on screen.
      await expect
        .poll(() => page.locator('#viewer canvas').getAttribute('aria-label'))
        .toMatch(new RegExp(`^${syntax} \\(3\\), slice 3 of 3,`));
    };
    for (const syntax of [...LOSSLESS, 'jpeg-baseline'] as FixtureSyntax[]) {
      await select(syntax);
      const pixel = await clickImage(page, 0.3 + LOSSLESS.indexOf(syntax) * 0.02, 0.5);
      const status = (await page.locator(STATUS).textContent())!;
      const expected = huAt(2, syntax)[pixel.y * SIZE + pixel.x]!;
      // Baseline JPEG is 8-bit and lossy (HU/8 in the fixture): a few grey levels off.
      const tolerance = syntax === 'jpeg-baseline' ? 8 * 6 : 0;
      expect(Math.abs(huOf(status) - expected), `${syntax}: ${status}`).toBeLessThanOrEqual(
        tolerance,
      );
    }
    await select('jpeg-extended');
    expect(await page.locator(STATUS).textContent()).toMatch(
      /Slice 3 of 3: .*jpeg-extended\/7\.dcm cannot be decoded \(unsupported transfer syntax JPEG Extended/,
    );
    await finish(page, problems);
  }, 180_000);
});
