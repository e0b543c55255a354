/**
 * Independent readings of the data a test site was built from, for the "one truth" tests.
 * Deliberately does not import computeStats or the facet code: it parses registry.csv with
 * d3-dsv and counts with its own few lines, so a bug in the site's code cannot hide itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvFormat, csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { FINDING_IDS } from '../../src/domain/field-values.ts';
import type { QualityFile, Study } from '../../src/domain/schemas.ts';
import type { Stats } from '../../src/domain/stats.ts';

/** studies.json as the site build copied it, or (fixture builds) where the fixture wrote it. */
export function loadStudies(siteDir: string): Study[] {
  return loadGenerated<{ studies: Study[] }>(siteDir, 'studies.json').studies;
}

/** A generated JSON file as the build copied it to `data/`, or where the fixture wrote it. */
function loadGenerated<T>(siteDir: string, name: string): T {
  const candidates = [join(siteDir, 'data', name), join(siteDir, '../generated/data', name)];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`${name} not found in ${candidates.join(' or ')}`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export const loadQuality = (siteDir: string) => loadGenerated<QualityFile>(siteDir, 'quality.json');
export const loadStats = (siteDir: string) => loadGenerated<Stats>(siteDir, 'stats.json');

export interface RegistryRow {
  id: string;
  pathology: boolean | null;
  findings: Record<string, boolean | null>;
  age: number | null;
  sex: 'M' | 'F' | null;
  sliceThickness: number | null;
  kvp: number | null;
  tubeCurrent: number | null;
  kernel: string | null;
  manufacturer: string | null;
}

function bool(raw: string | undefined): boolean | null {
  const v = (raw ?? '').trim().toLowerCase();
  if (['1', 'true', 'yes', 'да', '+'].includes(v)) return true;
  if (['0', 'false', 'no', 'нет', '-'].includes(v)) return false;
  return null;
}
function num(raw: string | undefined): number | null {
  const v = (raw ?? '').trim().replace(',', '.');
  return v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
}
function text(raw: string | undefined): string | null {
  const v = (raw ?? '').trim();
  return v === '' ? null : v;
}
function sex(raw: string | undefined): 'M' | 'F' | null {
  const v = (raw ?? '').trim().toLowerCase();
  if (['m', 'м', 'male', 'муж'].includes(v)) return 'M';
  if (['f', 'ж', 'female', 'жен'].includes(v)) return 'F';
  return null;
}

/**
 * The registry rows from `<siteDir>/data/registry.csv`; until the pipeline writes that file
 * (fixture builds), a CSV with the same columns is written here from studies.json first.
 */
export function loadRegistry(siteDir: string): { rows: RegistryRow[]; fromFile: boolean } {
  const { csv, fromFile } = registryCsvText(siteDir);
  const rows = csvParse(csv.replace(/^\ufeff/, '')).map((r) => ({
    id: r['study_uid'] ?? '',
    pathology: bool(r['pathology']),
    findings: Object.fromEntries(FINDING_IDS.map((id) => [id, bool(r[id])])),
    age: num(r['age']),
    sex: sex(r['sex']),
    sliceThickness: num(r['slice_thickness']),
    kvp: num(r['kvp']),
    tubeCurrent: num(r['tube_current']),
    kernel: text(r['kernel']),
    manufacturer: text(r['manufacturer']),
  }));
  return { rows, fromFile };
}

/** The text of registry.csv, or of the stand-in written from studies.json when it is absent. */
export function registryCsvText(siteDir: string): { csv: string; fromFile: boolean } {
  const file = join(siteDir, 'data/registry.csv');
  return existsSync(file)
    ? { csv: readFileSync(file, 'utf8'), fromFile: true }
    : { csv: registryCsvFromStudiesJson(siteDir), fromFile: false };
}

function registryCsvFromStudiesJson(siteDir: string): string {
  const b = (v: boolean | null) => (v === null ? '' : v ? 'true' : 'false');
  return csvFormat(
    loadStudies(siteDir).map((s) => ({
      study_uid: s.id,
      path: s.path,
      pathology: b(s.pathology),
      ...Object.fromEntries(FINDING_IDS.map((id) => [id, b(s.findings[id])])),
      age: s.age ?? '',
      sex: s.sex ?? '',
      slice_thickness: s.sliceThickness ?? '',
      kvp: s.kvp ?? '',
      tube_current: s.tubeCurrent ?? '',
      kernel: s.kernel ?? '',
      manufacturer: s.manufacturer ?? '',
    })),
  );
}

/** Every chart's data table on the page: chart id → rows of cell texts (header row first). */
export async function readChartTables(page: Page): Promise<Record<string, string[][]>> {
  return page.$$eval('section[data-chart]', (figures) =>
    Object.fromEntries(
      figures.map((f) => [
        (f as HTMLElement).dataset['chart']!,
        [...f.querySelectorAll('table tr')].map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()),
        ),
      ]),
    ),
  );
}
