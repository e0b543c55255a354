/**
 * The field table (src/domain/field-table.ts) is the only place a registry field's names are
 * written: the registry.csv header, the study record, the facets, the URL keys and the labels
 * all come from it, and the public names round-trip (URL → filter → URL, row → study → CSV).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { registryCsvFromStudies, studyValue } from '../../src/scripts/explorer/registry-csv.ts';
import {
  CATEGORICAL_FACETS,
  emptyState,
  facetOptions,
  type FacetState,
} from '../../src/domain/facets.ts';
import {
  FACET_PARAMS,
  optionCount,
  stateFromParams,
  stateToParams,
} from '../../src/domain/facet-url.ts';
import { facetCounts } from '../../src/domain/facets.ts';
import {
  CLASS_URL_VALUES,
  FIELD,
  FIELDS,
  FINDING_FIELDS,
  REGISTRY_CSV_COLUMNS,
  type RegistryValues,
} from '../../src/domain/field-table.ts';
import { unknownRecord } from '../../src/domain/record-fields.ts';
import { FINDING_IDS } from '../../src/domain/field-values.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { useTranslations, type UiKey } from '../../src/i18n/index.ts';
import { joinStudies } from '../../src/pipeline/join.ts';
import { registryCsv } from '../../src/pipeline/outputs/registry-csv.ts';
import { fieldForHeader } from '../../src/pipeline/registry/locate-header.ts';
import { oneRowRegistry } from './pipeline/one-row-registry.ts';

/** A registry row whose every field holds a value of its kind, distinct from its neighbours'. */
function sampleValues(): RegistryValues {
  const valueOf = (kind: string, i: number) =>
    ({ text: `text ${i}`, boolean: i % 2 === 0, number: (i + 1) / 8, age: 57, sex: 'F' })[kind];
  const values = Object.fromEntries(
    FIELDS.map((f, i) => [f.id, valueOf(f.kind, i)]),
  ) as unknown as RegistryValues;
  values.studyUid = '1.2.3';
  values.path = 'studies/1.2.3';
  return values;
}

const registryOf = (values: RegistryValues) => oneRowRegistry(values, '1.2.3');

/** docs/build.md's "Registry fields" table, its cells trimmed (code spans keep their backticks). */
function registryFieldRows(): string[][] {
  const doc = readFileSync(resolve(import.meta.dirname, '../../docs/build.md'), 'utf8');
  const start = doc.indexOf('### Registry fields');
  const section = doc.slice(start, doc.indexOf('\n#', start + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

const uncode = (cell: string) => cell.replace(/^`(.*)`$/, '$1');

describe('the field table', () => {
  it('names each field once: ids, CSV columns and headers are unique', () => {
    for (const name of ['id', 'csv', 'header'] as const) {
      const names = FIELDS.map((f) => f[name]);
      expect(new Set(names).size, name).toBe(names.length);
    }
    const headers = FIELDS.flatMap((f) => [f.csv, f.header, ...f.aliases]);
    for (const header of headers) expect(fieldForHeader(header), header).not.toBeNull();
    expect(FINDING_FIELDS.map((f) => f.id)).toEqual([...FINDING_IDS]);
  });

  it("matches every header to its own field (a header of one field is no other's alias)", () => {
    for (const f of FIELDS) {
      for (const header of [f.csv, f.header, ...f.aliases]) {
        expect(fieldForHeader(header), header).toBe(f.id);
      }
    }
  });

  it('gives registry.csv its columns, from both writers', () => {
    // The published header is docs/build.md's table, written out by hand: a reader's script
    // depends on these names and this order, so a new or renamed column is a conscious edit of
    // the public contract there (and only there). Around the fields: the site's own columns.
    const documented = registryFieldRows().map((row) => uncode(row[1]!));
    expect(REGISTRY_CSV_COLUMNS).toEqual(['handle', ...documented, 'study_files', 'study_bytes']);
    const values = sampleValues();
    // The joined study has no folder on disk: zero files, as the build's extras would say.
    const extras = new Map([[2, { files: 0, bytes: 0 }]]);
    const fromRegistry = csvParse(registryCsv(registryOf(values).rows, extras));
    expect(fromRegistry.columns).toEqual(REGISTRY_CSV_COLUMNS);
    const { studies } = joinStudies({ registry: registryOf(values), imaging: [], folders: [] });
    const fromStudies = csvParse(registryCsvFromStudies(studies));
    expect(fromStudies.columns).toEqual(REGISTRY_CSV_COLUMNS);
    // The explorer's fallback writes what the build wrote, column by column.
    expect(fromStudies[0]).toEqual(fromRegistry[0]);
    expect(fromRegistry[0]!['slice_thickness']).toBe(String(values.sliceThickness));
    expect(fromRegistry[0]!['fracture']).toBe(values.fracture ? '1' : '0');
  });

  it("puts each field at its study key in the joined study (the join's fromRow)", () => {
    const values = sampleValues();
    const { studies } = joinStudies({ registry: registryOf(values), imaging: [], folders: [] });
    const study = studies[0]!;
    for (const f of FIELDS) expect(studyValue(study, f), f.id).toEqual(values[f.id]);
    expect(study.tubeCurrent).toBe(values.tubeCurrent);
    expect(study.findings.fracture).toBe(values.fracture);
  });

  it('is the list docs/build.md gives, row for row', () => {
    const rows = registryFieldRows();
    const code = (text: string) => `\`${text}\``;
    expect(rows).toEqual(
      FIELDS.map((f) => [
        code(f.id),
        code(f.csv),
        f.header,
        f.kind,
        code(f.study === 'findings' ? `findings.${f.id}` : f.study),
        !('facet' in f)
          ? '—'
          : f.facet.kind === 'range'
            ? `${code(f.facet.min)}, ${code(f.facet.max)}`
            : code(f.facet.param),
      ]),
    );
  });

  it('names every field in both languages, one word each (`field.<id>`, a finding `finding.<id>`)', () => {
    for (const locale of LOCALES) {
      const t = useTranslations(locale);
      // The translator throws on a key its locale lacks.
      const words = FIELDS.map((f) =>
        t((f.role === 'finding' ? `finding.${f.id}` : `field.${f.id}`) as UiKey),
      );
      expect(new Set(words).size, locale).toBe(FIELDS.length);
    }
  });
});

describe('the facets and the URL, from the field table', () => {
  it('take their URL keys from the table', () => {
    // The query keys of a shared link: links in the wild depend on them. docs/build.md's
    // table publishes each field's key; `study` (the "Your copy" link) is no field's.
    const documented = registryFieldRows()
      .flatMap((row) => (row[5] === '—' ? [] : row[5]!.split(', ')))
      .map(uncode);
    expect(new Set(Object.values(FACET_PARAMS))).toEqual(new Set([...documented, 'study']));
    for (const facet of CATEGORICAL_FACETS) {
      expect(FACET_PARAMS[facet]).toBe((FIELD[facet].facet as { param: string }).param);
    }
  });

  it('round-trip a shared link: URL → filter → URL', () => {
    const link =
      'class=pathology&class=unknown&finding=subdural&finding=fracture&sex=F&manufacturer=GE' +
      '&kernel=FC21&thickness=0.625&kvp=120&ageMin=30&ageMax=60';
    const state = stateFromParams(new URLSearchParams(link));
    expect(state.pathology).toEqual(['with', 'unknown']);
    expect(state.sliceThickness).toEqual(['0.625']);
    expect(stateToParams(state).toString()).toBe(link);
  });

  it('round-trip every option: filter → URL → filter', () => {
    const studies = [true, false, null].map((pathology, i) => ({
      ...unknownRecord(),
      pathology,
      findings: Object.fromEntries(FINDING_IDS.map((id) => [id, i === 0])) as Record<
        (typeof FINDING_IDS)[number],
        boolean
      >,
      age: 40 + i,
      sex: i === 2 ? null : i === 0 ? ('M' as const) : ('F' as const),
      manufacturer: i === 2 ? null : `maker ${i}`,
      kernel: 'FC21',
      sliceThickness: 0.625 * (i + 1),
      kvp: 120,
    }));
    for (const facet of CATEGORICAL_FACETS) {
      for (const { value } of facetOptions(studies, facet)) {
        const state: FacetState = { ...emptyState(), [facet]: [value] };
        const params = stateToParams(state);
        expect(stateFromParams(params), `${facet}=${value}`).toEqual(state);
        // A form control carries the URL's name and value, and finds its count.
        const [name, urlValue] = [...params][0]!;
        const counts = facetCounts(studies, emptyState());
        expect(optionCount(counts, name, urlValue)).toBe(counts.categorical[facet].get(value));
      }
    }
    expect(stateToParams({ ...emptyState(), pathology: ['without'] }).toString()).toBe(
      `class=${CLASS_URL_VALUES.without}`,
    );
  });

  it('are the URL parameters docs/studies.md lists', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/studies.md'), 'utf8');
    // A text or number field's key is documented once, in docs/build.md's field table (checked
    // above), and docs/studies.md says what its values are; the others have their own rows.
    expect(doc).toContain('(build.md#registry-fields)');
    const byTable = new Set<string>(
      FIELDS.flatMap((f) =>
        (f.kind === 'text' || f.kind === 'number') && 'facet' in f && f.facet.kind === 'anyOf'
          ? [f.facet.param]
          : [],
      ),
    );
    for (const param of Object.values(FACET_PARAMS)) {
      if (!byTable.has(param)) expect(doc).toContain(`\`${param}\``);
    }
    for (const value of Object.values(CLASS_URL_VALUES)) expect(doc).toContain(`\`${value}\``);
  });
});
