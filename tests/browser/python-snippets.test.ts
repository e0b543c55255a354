/**
 * The "load it" Python snippets run for real, as a reader would copy them: taken from the built
 * pages (the statistics explorer with a filter, in Chromium; every study page, as served without
 * JavaScript), run with Debian's python3 (pandas, openpyxl, pydicom, numpy) in the sample
 * dataset's folder. The registry snippet must keep exactly the subset's studies; the series
 * snippet must give the series' slices in order of position along the slice normal (the sample
 * names files by SOPInstanceUID and some of its scanners number slices from the top, so neither
 * file name nor InstanceNumber order would pass), in HU (air about -1000, bone above 1000).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findPython } from '../../scripts/lib/system-tools.ts';
import { matches } from '../../src/domain/facets.ts';
import { stateFromParams } from '../../src/domain/facet-url.ts';
import type { StudiesFile } from '../../src/domain/schemas.ts';
import { elementsOf } from '../support/gates/html.ts';
import { useBrowserSite } from './use-browser-site.ts';

const MODULES = ['pandas', 'openpyxl', 'pydicom', 'numpy'];
const python = findPython(MODULES);

const web = useBrowserSite();
let data: StudiesFile;
let datasetDir: string;

beforeAll(async () => {
  expect(python, `a python3 that imports ${MODULES.join(', ')}`).not.toBeNull();
  data = JSON.parse(readFileSync(join(inject('generatedDir'), 'data/studies.json'), 'utf8'));
  datasetDir = inject('datasetDir');
});

/**
 * Runs each snippet in its own namespace in one python3 (in the dataset folder), then `probe`
 * in the same namespace; returns what each probe printed last (JSON).
 */
function runSnippets(snippets: readonly string[], probe: string): unknown[] {
  const driver = [
    'import contextlib, io, json, sys',
    'results = []',
    'for code in json.load(sys.stdin):',
    '    ns = {}',
    '    with contextlib.redirect_stdout(io.StringIO()) as out:',
    '        exec(compile(code, "snippet", "exec"), ns)',
    `        exec(compile(${JSON.stringify(probe)}, "probe", "exec"), ns)`,
    '    results.append(json.loads(out.getvalue().strip().splitlines()[-1]))',
    'print(json.dumps(results))',
  ].join('\n');
  const run = spawnSync(python!, ['-c', driver], {
    cwd: datasetDir,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as unknown[];
}

const SERIES_PROBE = [
  'import json',
  'from pathlib import Path',
  'mid = hu[len(hu) // 2]',
  'print(json.dumps({',
  '    "folder": folder.as_posix(),',
  '    "shape": list(hu.shape),',
  '    "air": float(mid.min()), "bone": float(mid.max()),',
  '    "image": [float(image.min()), float(image.max())],',
  '    "positions": [float(np.dot(normal, np.array(ds.ImagePositionPatient, dtype=float))) for ds in slices],',
  '    "instances": [int(ds.InstanceNumber) for ds in slices],',
  '    "files": [Path(ds.filename).name for ds in slices],',
  '}))',
].join('\n');

interface SeriesResult {
  folder: string;
  shape: number[];
  air: number;
  bone: number;
  image: [number, number];
  positions: number[];
  instances: number[];
  files: string[];
}

const increasing = (values: readonly number[]) =>
  values.every((v, i) => i === 0 || v > values[i - 1]!);
const byName = (files: readonly string[]) => [...files].sort();

function expectPlausibleSeries(result: SeriesResult, imageCount: number): void {
  expect(result.shape[0]).toBe(imageCount);
  expect(increasing(result.positions), `positions ${result.positions}`).toBe(true);
  expect(result.air).toBeGreaterThan(-1100);
  expect(result.air).toBeLessThan(-900);
  expect(result.bone).toBeGreaterThan(1000);
  expect(result.image).toEqual([0, 1]);
}

describe('the statistics page snippets, for a filtered subset', () => {
  const query = 'finding=subdural';
  let registryCode: string;
  let seriesCode: string;

  beforeAll(async () => {
    const page = await web.browser.newPage();
    await page.goto(`${web.site.url}/en/statistics/?${query}`);
    // The explorer starts by itself for a URL with a filter and rewrites the code.
    await page.waitForFunction(() =>
      document.querySelector('#code-registry')?.textContent?.includes('STUDIES = ['),
    );
    registryCode = (await page.locator('#code-registry').textContent())!;
    seriesCode = (await page.locator('#code-series').textContent())!;
    await page.close();
  });

  it('the registry snippet keeps exactly the subset of the filter', () => {
    const state = stateFromParams(new URLSearchParams(query));
    const subset = data.studies.filter((s) => matches(s, state));
    expect(subset.length).toBeGreaterThan(0);
    expect(subset.length).toBeLessThan(data.studies.length);
    const [ids] = runSnippets([registryCode], 'import json\nprint(json.dumps(sorted(subset[ID])))');
    expect(ids).toEqual(subset.map((s) => s.id).sort());
  });

  it("the series snippet reads a series of the subset's first study in slice order, in HU", () => {
    const state = stateFromParams(new URLSearchParams(query));
    const first = data.studies.find((s) => matches(s, state))!;
    const [result] = runSnippets([seriesCode], SERIES_PROBE) as SeriesResult[];
    const series = first.series.find((s) => result!.folder === `${first.path}/${s.folder}`);
    expect(series, `${result!.folder} is a series of ${first.path}`).toBeDefined();
    expectPlausibleSeries(result!, series!.imageCount);
  });
});

describe('the study page snippet', () => {
  it("reads each study's first series in slice order, in HU, from the page without JavaScript", () => {
    const studies = data.studies.filter((s) => s.series.length > 0);
    const snippets = studies.map((study) => {
      const html = readFileSync(
        join(inject('siteDir'), 'en/studies', study.slug, 'index.html'),
        'utf8',
      );
      const code = elementsOf(html).find(
        (e) => e.tag === 'code' && e.attrs['id'] === 'code-series',
      );
      expect(code, study.slug).toBeDefined();
      return code!.text;
    });
    const results = runSnippets(snippets, SERIES_PROBE) as SeriesResult[];
    results.forEach((result, i) => {
      const study = studies[i]!;
      expect(result.folder).toBe(`${study.path}/${study.series[0]!.folder}`);
      expectPlausibleSeries(result, study.series[0]!.imageCount);
    });
    // The order is that of position, not of file name nor of InstanceNumber: the sample has
    // series where each of those differs from the position order.
    expect(results.some((r) => r.files.join() !== byName(r.files).join())).toBe(true);
    expect(results.some((r) => !increasing(r.instances))).toBe(true);
  });
});
