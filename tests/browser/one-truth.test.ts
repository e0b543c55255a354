/**
 * One truth: every number the statistics page shows (its data tables, read from the built
 * HTML in Chromium with JavaScript off) equals what this test counts itself from
 * data/registry.csv (registry facts) and studies.json (DICOM facts: models, series, images).
 * Also: the page still shows its charts without JavaScript.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../src/i18n/en/stats.json' with { type: 'json' };
import { FINDING_IDS } from '../../src/domain/field-values.ts';
import { useTranslations } from '../../src/i18n/index.ts';
import type { Study } from '../../src/domain/schemas.ts';
import { useBrowserSite } from './use-browser-site.ts';
import {
  loadQuality,
  loadRegistry,
  loadStats,
  loadStudies,
  readChartTables,
  type RegistryRow,
} from './site-truth.ts';

const web = useBrowserSite();
let page: Page;
let tables: Record<string, string[][]>;
let registry: RegistryRow[];
let studies: Study[];

beforeAll(async () => {
  const siteDir = inject('siteDir');
  registry = loadRegistry(siteDir).rows;
  studies = loadStudies(siteDir);
  const context = await web.browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
  await page.goto(`${web.site.url}/en/statistics/`);
  tables = await readChartTables(page);
});

const N = () => registry.length;
const classOf = (r: { pathology: boolean | null }) =>
  r.pathology === true ? 0 : r.pathology === false ? 1 : 2;
/** [with, without, unknown, total] of some rows. */
function byClass(rows: readonly { pathology: boolean | null }[]): number[] {
  const c = [0, 0, 0];
  for (const r of rows) c[classOf(r)]! += 1;
  return [...c, rows.length];
}
const body = (id: string) => {
  const t = tables[id];
  if (!t) throw new Error(`chart ${id} has no table on the page`);
  return t.slice(1);
};
const asMap = (rows: string[][]) => new Map(rows.map((r) => [r[0]!, r.slice(1).map(Number)]));
const NS = en['stats.notSpecified'];
const numKey = (v: number | null) => (v === null ? NS : String(Number(v.toFixed(3))));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  return s[Math.floor(i)]! + (s[Math.ceil(i)]! - s[Math.floor(i)]!) * (i - Math.floor(i));
};

/** Expected "value → [with, without, unknown, total]" of a categorical parameter. */
function categorical<T>(rows: readonly T[], key: (r: T) => string, cls: (r: T) => boolean | null) {
  const groups = new Map<string, { pathology: boolean | null }[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), { pathology: cls(r) }]);
  return new Map([...groups].map(([k, g]) => [k, byClass(g)]));
}

/** Checks a binned table: each labelled range holds the values the test counts in it. */
function checkBins(
  id: string,
  values: readonly { value: number | null; pathology: boolean | null }[],
  inclusiveEnd: boolean,
  split: boolean,
) {
  let covered = 0;
  for (const row of body(id)) {
    const [label, ...cells] = row;
    const m = /^(\d+(?:\.\d+)?)–(\d+(?:\.\d+)?)$/.exec(label!);
    const inBin = m
      ? values.filter(
          (v) =>
            v.value !== null &&
            v.value >= Number(m[1]) &&
            (inclusiveEnd ? v.value < Number(m[2]) + 1 : v.value < Number(m[2])),
        )
      : values.filter((v) => v.value === null);
    expect(cells.map(Number), `${id} row ${label}`).toEqual(
      split ? byClass(inBin) : [inBin.length],
    );
    covered += inBin.length;
  }
  expect(covered, `${id}: every value falls in a row`).toBe(values.length);
}

describe('the statistics page without JavaScript', () => {
  it('shows every chart as an SVG with content, its table and downloads', async () => {
    const figures = await page.$$eval('section[data-chart]', (fs) =>
      fs.map((f) => ({
        shapes: f.querySelectorAll('svg rect, svg circle, svg line').length,
        rows: f.querySelectorAll('table tbody tr').length,
        csv: f.querySelector('a[data-download="csv"]')?.getAttribute('href') ?? '',
        svg: f.querySelector('a[data-download="svg"]')?.getAttribute('href') ?? '',
        scope: f.querySelector('[data-chart-scope]')?.textContent ?? '',
      })),
    );
    expect(figures.length).toBeGreaterThanOrEqual(15);
    for (const f of figures) {
      expect(f.shapes).toBeGreaterThan(2);
      expect(f.rows).toBeGreaterThan(0);
      expect(f.scope).toContain(`${N()} of ${N()} studies`);
      for (const href of [f.csv, f.svg]) {
        const response = await page.request.get(`${web.site.origin}${href}`);
        expect(response.status(), href).toBe(200);
      }
    }
    // Without JavaScript the explorer stays hidden and says why.
    expect(await page.locator('[data-explorer]').isHidden()).toBe(true);
  });
});

describe('every chart number equals an independent count from registry.csv and studies.json', () => {
  it('covers the same studies: registry.csv, studies.json and the explorer dataset', async () => {
    const ids = new Set(registry.map((r) => r.id));
    expect(ids.size).toBe(registry.length);
    expect(new Set(studies.map((s) => s.id))).toEqual(ids);
    const explorer = (await (
      await page.request.get(`${web.site.url}/data/explorer.json`)
    ).json()) as {
      studies: { id: string }[];
    };
    expect(new Set(explorer.studies.map((s) => s.id))).toEqual(ids);
  });

  it("stats.json's overview (what the home page shows) and the quality page's computed column", () => {
    const siteDir = inject('siteDir');
    const ages = registry.flatMap((r) => (r.age === null ? [] : [r.age]));
    const expected = {
      studies: N(),
      male: registry.filter((r) => r.sex === 'M').length,
      female: registry.filter((r) => r.sex === 'F').length,
      sexUnknown: registry.filter((r) => r.sex === null).length,
      ageMin: Math.min(...ages),
      ageMedian: median(ages),
      ageMax: Math.max(...ages),
      withPathology: registry.filter((r) => r.pathology === true).length,
      withoutPathology: registry.filter((r) => r.pathology === false).length,
    };
    const stats = loadStats(siteDir);
    expect(stats.total).toBe(N());
    expect(stats.overview).toMatchObject(expected);
    const computed = Object.fromEntries(
      loadQuality(siteDir).overview.map((o) => [o.key, o.computed]),
    );
    expect(computed).toMatchObject(expected);
  });

  it('class balance and sex', () => {
    const [w, wo, u] = byClass(registry);
    expect(asMap(body('class-balance'))).toEqual(
      new Map([
        [en['stats.class.with'], [w]],
        [en['stats.class.without'], [wo]],
        [en['stats.class.unknown'], [u]],
      ]),
    );
    const count = (s: 'M' | 'F' | null) => [registry.filter((r) => r.sex === s).length];
    expect(asMap(body('sex'))).toEqual(
      new Map([
        [en['stats.sex.M'], count('M')],
        [en['stats.sex.F'], count('F')],
        [en['stats.sex.unknown'], count(null)],
      ]),
    );
  });

  it('age histograms by class and by sex, and min / median / max', async () => {
    const ages = registry.map((r) => ({ value: r.age, pathology: r.pathology }));
    checkBins('age-class', ages, true, true);
    // By sex: reuse the class splitter with sex mapped onto its three columns.
    const bySex = registry.map((r) => ({
      value: r.age,
      pathology: r.sex === 'M' ? true : r.sex === 'F' ? false : null,
    }));
    checkBins('age-sex', bySex, true, true);
    const known = registry.flatMap((r) => (r.age === null ? [] : [r.age]));
    const caption = await page
      .locator('[data-chart="age-class"] [data-chart-caption]')
      .textContent();
    expect(caption).toContain(
      `min ${Math.min(...known)}, median ${Number(median(known).toFixed(2))}, max ${Math.max(...known)}`,
    );
  });

  it('findings, their co-occurrence and age by finding', () => {
    const tEn = useTranslations('en');
    const name = (id: (typeof FINDING_IDS)[number]) => tEn(`finding.${id}`);
    expect(asMap(body('findings'))).toEqual(
      new Map(
        FINDING_IDS.map((id) => [
          name(id),
          [true, false, null].map((v) => registry.filter((r) => r.findings[id] === v).length),
        ]),
      ),
    );
    const combos = new Map<string, number>();
    for (const r of registry) {
      const present = FINDING_IDS.filter((id) => r.findings[id] === true).map(name);
      const key = present.length ? present.join(' + ') : en['stats.cooccurrence.none'];
      combos.set(key, (combos.get(key) ?? 0) + 1);
    }
    expect(asMap(body('cooccurrence'))).toEqual(new Map([...combos].map(([k, v]) => [k, [v]])));

    for (const row of body('age-finding')) {
      const id = FINDING_IDS.find((f) => name(f) === row[0])!;
      const ages = registry.flatMap((r) =>
        r.findings[id] === true && r.age !== null ? [r.age] : [],
      );
      const [n, ...five] = row.slice(1);
      expect(Number(n)).toBe(ages.length);
      if (ages.length === 0) continue;
      const expected = [
        Math.min(...ages),
        q(ages, 0.25),
        median(ages),
        q(ages, 0.75),
        Math.max(...ages),
      ];
      five.forEach((cell, i) => expect(Number(cell)).toBeCloseTo(expected[i]!, 2));
    }
  });

  it('acquisition parameters split by class', () => {
    const text = (v: string | null) => v ?? NS;
    const cls = (r: RegistryRow) => r.pathology;
    expect(asMap(body('slice-thickness'))).toEqual(
      categorical(registry, (r) => numKey(r.sliceThickness), cls),
    );
    expect(asMap(body('kvp'))).toEqual(categorical(registry, (r) => numKey(r.kvp), cls));
    expect(asMap(body('kernel'))).toEqual(categorical(registry, (r) => text(r.kernel), cls));
    expect(asMap(body('manufacturer'))).toEqual(
      categorical(registry, (r) => text(r.manufacturer), cls),
    );
    checkBins(
      'tube-current',
      registry.map((r) => ({ value: r.tubeCurrent, pathology: r.pathology })),
      false,
      true,
    );
    // Models come from DICOM, so from studies.json.
    const model = (s: Study) =>
      s.manufacturer === null && s.model === null
        ? NS
        : `${s.manufacturer ?? '?'} · ${s.model ?? '?'}`;
    expect(asMap(body('model'))).toEqual(categorical(studies, model, (s) => s.pathology));
  });

  it('series per study and images per series (from studies.json)', () => {
    const perStudy = new Map<string, number[]>();
    for (const s of studies) {
      const k = String(s.series.length);
      perStudy.set(k, [(perStudy.get(k)?.[0] ?? 0) + 1]);
    }
    expect(asMap(body('series-per-study'))).toEqual(perStudy);
    checkBins(
      'images-per-series',
      studies.flatMap((s) => s.series.map((x) => ({ value: x.imageCount, pathology: null }))),
      true,
      false,
    );
  });
});
