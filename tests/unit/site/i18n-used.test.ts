/**
 * Every UI string is read by some code: a key nothing reads is a word kept up to date in two
 * languages for no page. A key is read when the code names it whole (`t('studies.page.title')`,
 * `{ key: 'nav.home' }`), or when it is one of a family the code builds from a typed set
 * (`t(\`finding.${id}\`)` over FINDING_IDS): each family is listed below with the code that
 * builds it, written as in the source (the test checks that it still is) and the set it runs
 * over, so a key is never excused by its prefix alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_SECTIONS } from '../../../src/site/charts/chart-kit.ts';
import { LOCATION_COLUMNS } from '../../../src/site/quality-report.ts';
import { INDEX_COLUMNS } from '../../../src/site/studies/index-study.ts';
import { ATTRIBUTION_FORMATS } from '../../../src/domain/attribution.ts';
import { CITATION_FORMATS } from '../../../src/domain/citation/format.ts';
import { DATASHEET_SECTIONS } from '../../../src/domain/datasheet.ts';
import { PUBLISHED_ATTRIBUTES } from '../../../src/domain/dicom-attributes.ts';
import { CLASS_KEYS, FIELDS, STUDY_SIZE_COLUMNS } from '../../../src/domain/field-table.ts';
import { DEFAULT_LOCALE, LOCALES } from '../../../src/i18n/locales.ts';
import { FINDING_IDS, SEXES } from '../../../src/domain/field-values.ts';
import { WINDOW_PRESET_IDS } from '../../../src/domain/window-presets.ts';
import { OVERVIEW_LINES } from '../../../src/domain/overview-model.ts';
import { CATALOG } from '../../../src/i18n/catalog.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Every source file that may read a UI string (pages, components, scripts, build steps). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}
const SOURCE = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

const unknownToo = <T extends string>(values: readonly T[]) => [...values, 'unknown'];

/**
 * The key families the code builds: the template as the source writes it, and the values its
 * variable takes (from the code's own list where it exports one).
 */
const FAMILIES: [template: string, values: readonly string[]][] = [
  ['`finding.${id}`', FINDING_IDS],
  ['`gallery.preset.${preset}`', WINDOW_PRESET_IDS],
  ['`stats.summary.${k}`', ['n', 'min', 'q1', 'median', 'q3', 'max']],
  ['`stats.class.${k}`', unknownToo(CLASS_KEYS)],
  ['`stats.sex.${k}`', unknownToo(SEXES)],
  ['`stats.section.${id}`', CHART_SECTIONS],
  ['`cite.format.${format}`', CITATION_FORMATS],
  ['`download.subset.${kind}`', ['manifest', 'folders', 'bash', 'powershell']],
  ['`download.subset.${kind}NoChecksums`', ['bash', 'powershell']],
  ['`license.builder.lang.${lang}`', LOCALES],
  ['`license.builder.format.${format}`', ATTRIBUTION_FORMATS],
  ['`quality.${column}`', LOCATION_COLUMNS],
  ['`quality.severity.${group.severity}`', ['error', 'warning', 'info']],
  ['`quality.status.${v.verdict}`', ['consistent', 'consistentWithNotes', 'mismatch', 'errors']],
  [
    '`quality.counts.${key}`',
    ['files', 'filesParsed', 'registryRows', 'studies', 'series', 'error', 'warning', 'info'],
  ],
  ['`overview.readme.${line.id}`', OVERVIEW_LINES.map((l) => l.id)],
  ['`overview.line.${row.id}`', OVERVIEW_LINES.map((l) => l.id)],
  ['`overview.note.classUnstated.${note.side}`', ['declared', 'computed']],
  ['`studies.class.${value}`', unknownToo(CLASS_KEYS)],
  ['`studies.sex.${value}`', unknownToo(SEXES)],
  ['`studies.finding.${state}`', ['present', 'absent', 'unknown']],
  ['`studies.series.status.${s.status}`', ['ok', 'unsupported', 'failed']],
  ['`studies.col.${column}`', INDEX_COLUMNS],
  ['`viewer.drag.${mode}`', ['window', 'pan', 'slices']],
  ['`facts.author.${id}.family`', ['khoruzhaya', 'kozlov', 'kremneva', 'novik', 'arzamasov']],
  ['`facts.author.${id}.initials`', ['khoruzhaya', 'kozlov', 'kremneva', 'novik', 'arzamasov']],
  ['`facts.keyword.${id}`', ['mosmeddata', 'ai', 'ct', 'ctShort', 'brain', 'hemorrhage']],
  ['`datasheet.section.${id}`', DATASHEET_SECTIONS],
  [
    '`copy.count.${key}`',
    ['checked', 'missing', 'corrupt', 'extra', 'complete', 'incomplete', 'absent'],
  ],
  ['`copy.repair.${kind}`', ['bash', 'powershell']],
  // A registry.csv column: a field by its word, the study folder's columns by their own.
  ['`field.${field.id}`', FIELDS.filter((f) => f.role !== 'finding').map((f) => f.id)],
  ['`changes.column.${column}`', Object.values(STUDY_SIZE_COLUMNS)],
  [
    '`changes.declared.${key}`',
    ['version', 'datePublished', 'permanentLink', 'license', 'internalCode'],
  ],
  // The series table names each published attribute's word, and its short form if it has one.
  ['`field.${word}`', PUBLISHED_ATTRIBUTES.map((a) => a.word)],
  ['`field.${word}.short`', PUBLISHED_ATTRIBUTES.map((a) => a.word)],
];

/** The keys a family names: its template with each value in place of its one variable. */
const expand = ([template, values]: (typeof FAMILIES)[number]) =>
  values.map((value) => template.slice(1, -1).replace(/\$\{[^}]+\}/, value));

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('UI strings', () => {
  it('every key family is still built by the code as listed', () => {
    const stale = FAMILIES.map(([template]) => template).filter((t) => !SOURCE.includes(t));
    expect(stale, 'update FAMILIES in this test').toEqual([]);
  });

  it('every key is read by some code', () => {
    const built = new Set(FAMILIES.flatMap(expand));
    const keys = new Set(
      Object.values(CATALOG).flatMap((area) =>
        Object.keys(area[DEFAULT_LOCALE]).map((key) => key.replace(PLURAL, '')),
      ),
    );
    const unread = [...keys].filter(
      (key) =>
        !built.has(key) &&
        !SOURCE.includes(`'${key}'`) &&
        !SOURCE.includes(`"${key}"`) &&
        !SOURCE.includes(`\`${key}\``),
    );
    expect(unread, 'keys no code reads: remove them, or list the code that builds them').toEqual(
      [],
    );
  });
});
