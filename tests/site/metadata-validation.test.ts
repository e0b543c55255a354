/**
 * croissant.json and the pages' schema.org JSON-LD of the built test site, validated offline
 * as the official tools would: JSON-LD expansion with vendored contexts, then the Croissant
 * 1.1 (+ RAI 1.0) rules of `mlcroissant validate` and Google's Dataset properties.
 * See docs/site.md ("Machine-readable files") for what this covers and what it cannot.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParseRows } from 'd3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCroissant, SHA256SUMS_ID } from '../../src/domain/croissant.ts';
import type { StudiesFile } from '../../src/domain/schemas.ts';
import { statsFileSchema } from '../../src/domain/stats.ts';
import {
  CR,
  DATA_TYPES,
  DCT,
  FILE_PROPERTIES,
  ISO_DATE,
  RAI,
  SC,
  expandOffline,
  isUrl,
  literals,
  requested,
  types,
  values,
} from './jsonld-check.ts';

const siteDir = inject('siteDir');
const siteOrigin = inject('siteOrigin');
const basePath = inject('basePath');
const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
const siteRoot = new URL(basePath, siteOrigin).href;
const croissantUrl = new URL('croissant.json', siteRoot).href;

type Node = Record<string, unknown>;

/** The dist/ file a URL of this site points at, or null for a URL elsewhere. */
function distFile(url: string): string | null {
  if (!url.startsWith(siteRoot)) return null;
  return join(siteDir, decodeURIComponent(url.slice(siteRoot.length)));
}

interface CroissantUnderTest {
  raw: Node;
  /** The local file a URL of the site points at, or null for a URL elsewhere. */
  siteFile: (url: string) => string | null;
}

const withSums = mkdtempSync(join(tmpdir(), 'croissant-sums-'));
afterAll(() => rmSync(withSums, { recursive: true, force: true }));

/**
 * The metadata a build with checksums makes, from the site's own
 * inputs plus a SHA256SUMS of the sample written by GNU sha256sum (the format of the build's
 * checksum pass, see tests/unit/imaging/checksums.test.ts), published next to the other files.
 */
function croissantWithChecksums(): CroissantUnderTest {
  const datasetDir = inject('datasetDir');
  const generated = inject('generatedDir');
  const files = execFileSync('find', ['studies', '-type', 'f'], { cwd: datasetDir })
    .toString()
    .split('\n')
    .filter(Boolean)
    .sort();
  const sums = execFileSync('sha256sum', ['--', ...files], { cwd: datasetDir, maxBuffer: 1 << 26 });
  writeFileSync(join(withSums, 'SHA256SUMS'), sums);
  const studies = JSON.parse(read('data/studies.json')) as StudiesFile;
  const csv = readFileSync(join(siteDir, 'data/registry.csv'));
  const croissant = buildCroissant({
    siteUrl: siteRoot,
    registryCsv: { sha256: createHash('sha256').update(csv).digest('hex'), bytes: csv.length },
    sha256sums: { sha256: createHash('sha256').update(sums).digest('hex'), bytes: sums.length },
    registryXlsxSha256: studies.source.registrySha256,
    builtAt: studies.source.builtAt,
    stats: statsFileSchema.parse(
      JSON.parse(readFileSync(join(generated, 'data/stats.json'), 'utf8')),
    ),
  });
  expect(croissant.distribution.map((d) => d['@id'])).toContain(SHA256SUMS_ID);
  const sumsUrl = new URL('data/SHA256SUMS', siteRoot).href;
  return {
    raw: JSON.parse(JSON.stringify(croissant)) as Node,
    siteFile: (url) => (url === sumsUrl ? join(withSums, 'SHA256SUMS') : distFile(url)),
  };
}

const CROISSANT_VARIANTS: { name: string; load: () => CroissantUnderTest }[] = [
  {
    name: 'croissant.json, expanded offline',
    load: () => ({ raw: JSON.parse(read('croissant.json')) as Node, siteFile: distFile }),
  },
  {
    name: 'croissant.json of a build with --checksums, expanded offline',
    load: croissantWithChecksums,
  },
];

describe.each(CROISSANT_VARIANTS)('$name', ({ load }) => {
  let raw: Node;
  let siteFile: (url: string) => string | null;
  let dataset: Node;
  const byId = new Map<string, Node>();

  beforeAll(async () => {
    ({ raw, siteFile } = load());
    const expanded = await expandOffline(raw, croissantUrl);
    expect(expanded).toHaveLength(1);
    dataset = expanded[0] as Node;
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        const n = node as Node;
        if (typeof n['@id'] === 'string' && n['@type']) byId.set(n['@id'], n);
        Object.values(n).forEach(walk);
      }
    };
    walk(dataset);
  });

  it('expands in safe mode without fetching anything (every term defined by the inline context)', () => {
    expect(requested.filter((u) => !u.includes('schema.org'))).toEqual([]);
    expect(types(dataset)).toEqual([`${SC}Dataset`]);
  });

  it('declares Croissant 1.1 and RAI 1.0', () => {
    expect(literals(dataset, `${DCT}conformsTo`).sort()).toEqual([
      'http://mlcommons.org/croissant/1.1',
      'http://mlcommons.org/croissant/RAI/1.0',
    ]);
  });

  it('has the required dataset properties, well typed', () => {
    for (const p of ['name', 'description', 'license', 'url', 'datePublished']) {
      expect(literals(dataset, SC + p), p).toHaveLength(1);
    }
    expect(literals(dataset, `${SC}description`)[0]!.length).toBeGreaterThan(50);
    expect(isUrl(literals(dataset, `${SC}license`)[0]!)).toBe(true);
    expect(isUrl(literals(dataset, `${SC}url`)[0]!)).toBe(true);
    expect(literals(dataset, `${SC}datePublished`)[0]).toMatch(ISO_DATE);
    const creators = values(dataset, `${SC}creator`) as Node[];
    expect(creators.length).toBeGreaterThan(0);
    for (const c of creators) {
      expect(types(c).some((t) => [`${SC}Person`, `${SC}Organization`].includes(t))).toBe(true);
      expect(literals(c, `${SC}name`)[0]).toBeTruthy();
    }
  });

  it('has the recommended properties (mlcroissant: citeAs, datePublished, license, version; spec: keywords, publisher, sameAs, inLanguage)', () => {
    expect(literals(dataset, `${CR}citeAs`)[0]).toMatch(/@\w+\{/);
    expect(literals(dataset, `${SC}version`)[0]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(literals(dataset, `${SC}keywords`).length).toBeGreaterThan(0);
    expect(types((values(dataset, `${SC}publisher`) as Node[])[0]!)).toContain(`${SC}Organization`);
    expect(isUrl(literals(dataset, `${SC}sameAs`)[0]!)).toBe(true);
    expect(literals(dataset, `${SC}inLanguage`).sort()).toEqual(['en', 'ru']);
    expect(literals(dataset, `${SC}sdDatePublished`)[0]).toMatch(ISO_DATE);
  });

  it('has the RAI fields the documentation supports, as text (timeframe as dates)', () => {
    for (const p of [
      'dataCollection',
      'dataAnnotationProtocol',
      'dataUseCases',
      'dataLimitations',
      'dataBiases',
      'personalSensitiveInformation',
      'dataReleaseMaintenancePlan',
    ]) {
      const texts = literals(dataset, RAI + p);
      expect(texts.length, p).toBeGreaterThan(0);
      for (const t of texts) expect(t.length, p).toBeGreaterThan(10);
    }
    const timeframe = literals(dataset, `${RAI}dataCollectionTimeframe`);
    expect(timeframe).toHaveLength(2);
    for (const d of timeframe) expect(d).toMatch(ISO_DATE);
  });

  it('distribution: FileObjects with contentUrl, encodingFormat and one checksum; FileSets with includes', () => {
    const distribution = values(dataset, `${SC}distribution`) as Node[];
    expect(distribution.length).toBeGreaterThan(0);
    for (const d of distribution) {
      const id = d['@id'];
      expect(typeof id, 'every resource has an @id').toBe('string');
      expect(literals(d, `${SC}encodingFormat`).length, String(id)).toBeGreaterThan(0);
      if (types(d).includes(`${CR}FileObject`)) {
        expect(literals(d, `${SC}contentUrl`), String(id)).toHaveLength(1);
        const sums = literals(d, `${SC}sha256`).length + literals(d, `${CR}md5`).length;
        expect(sums, `${String(id)}: exactly one of sha256/md5`).toBe(1);
      } else {
        expect(types(d)).toEqual([`${CR}FileSet`]);
        expect(literals(d, `${CR}includes`).length, String(id)).toBeGreaterThan(0);
      }
    }
    const dicom = distribution.find((d) =>
      literals(d, `${CR}includes`).includes('studies/*/*/*.dcm'),
    );
    expect(literals(dicom!, `${SC}encodingFormat`)).toEqual(['application/dicom']);
  });

  it('every sha256 of a file on this site matches the file in dist/, and contentSize its bytes', () => {
    const distribution = values(dataset, `${SC}distribution`) as Node[];
    let checked = 0;
    for (const d of distribution) {
      const file = siteFile(literals(d, `${SC}contentUrl`)[0] ?? '');
      if (file === null) continue;
      expect(existsSync(file), file).toBe(true);
      const bytes = readFileSync(file);
      expect(literals(d, `${SC}sha256`)[0]).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(literals(d, `${SC}contentSize`)[0]).toBe(`${bytes.length} B`);
      checked += 1;
    }
    expect(checked, 'registry.csv is on the site').toBeGreaterThan(0);
  });

  it('every field is typed and sourced from an existing file object and column (or file property)', () => {
    const recordSets = values(dataset, `${CR}recordSet`) as Node[];
    expect(recordSets.length).toBeGreaterThan(0);
    const fieldIds = new Set<string>();
    let labels = 0;
    for (const rs of recordSets) {
      expect(types(rs)).toEqual([`${CR}RecordSet`]);
      for (const field of values(rs, `${CR}field`) as Node[]) {
        const id = String(field['@id']);
        expect(fieldIds.has(id), `unique ${id}`).toBe(false);
        fieldIds.add(id);
        const dataTypes = literals(field, `${CR}dataType`);
        expect(dataTypes.length, id).toBeGreaterThan(0);
        for (const t of dataTypes) expect(DATA_TYPES.has(t), `${id}: ${t}`).toBe(true);
        if (dataTypes.includes(`${CR}Label`)) labels += 1;
        const source = (values(field, `${CR}source`) as Node[])[0]!;
        const extract = (values(source, `${CR}extract`) as Node[])[0]!;
        const fileObject = literals(source, `${CR}fileObject`)[0];
        const fileSet = literals(source, `${CR}fileSet`)[0];
        const target = byId.get(String(fileObject ?? fileSet));
        expect(target, `${id}: source resource exists`).toBeDefined();
        if (fileObject) {
          expect(types(target!)).toContain(`${CR}FileObject`);
          const file = siteFile(literals(target!, `${SC}contentUrl`)[0]!);
          const text = readFileSync(file!, 'utf8');
          const column = literals(extract, `${CR}column`)[0];
          if (column !== undefined) {
            const header = csvParseRows(text.split('\n', 1)[0]!)[0]!;
            expect(header, `${id}: column ${column}`).toContain(column);
          } else {
            // A line-oriented file: each line, through the field's regex, gives the value.
            expect(literals(extract, `${CR}fileProperty`), id).toEqual(['lines']);
            const transform = (values(source, `${CR}transform`) as Node[])[0]!;
            const regex = new RegExp(literals(transform, `${CR}regex`)[0]!);
            const lines = text.split('\n').filter(Boolean);
            expect(lines.length, id).toBeGreaterThan(0);
            for (const line of lines) expect(regex.exec(line)?.[1], `${id}: ${line}`).toBeTruthy();
          }
        } else {
          expect(types(target!)).toContain(`${CR}FileSet`);
          expect(FILE_PROPERTIES).toContain(literals(extract, `${CR}fileProperty`)[0]);
        }
      }
      for (const key of literals(rs, `${CR}key`)) expect(fieldIds.has(key), key).toBe(true);
    }
    expect(labels, 'the class and the findings are labels').toBe(9);
  });

  it('states no empty checksum or size anywhere', () => {
    expect(JSON.stringify(raw)).not.toMatch(/"(sha256|md5|contentSize)":\s*(""|null)/);
  });
});

describe('croissant.json of a build with --no-checksums', () => {
  it('describes no SHA256SUMS (rather than one without a checksum)', () => {
    // The test site has checksums (the default): the same inputs without them.
    const studies = JSON.parse(read('data/studies.json')) as StudiesFile;
    const csv = readFileSync(join(siteDir, 'data/registry.csv'));
    const croissant = buildCroissant({
      siteUrl: siteRoot,
      registryCsv: { sha256: createHash('sha256').update(csv).digest('hex'), bytes: csv.length },
      sha256sums: null,
      registryXlsxSha256: studies.source.registrySha256,
      builtAt: studies.source.builtAt,
      stats: statsFileSchema.parse(
        JSON.parse(readFileSync(join(inject('generatedDir'), 'data/stats.json'), 'utf8')),
      ),
    });
    expect(JSON.stringify(croissant)).not.toContain('SHA256SUMS');
    expect(read('croissant.json'), 'the default build describes its SHA256SUMS').toContain(
      'SHA256SUMS',
    );
  });
});

describe.each(['ru', 'en'])('home page schema.org Dataset (%s), expanded offline', (locale) => {
  let dataset: Node;

  beforeAll(async () => {
    const html = read(`${locale}/index.html`);
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const expanded = await expandOffline(JSON.parse(block));
    expect(expanded).toHaveLength(1);
    dataset = expanded[0] as Node;
  });

  it("has Google's required properties: name, description of 50–5000 characters", () => {
    expect(types(dataset)).toEqual([`${SC}Dataset`]);
    expect(literals(dataset, `${SC}name`)[0]).toBeTruthy();
    const description = literals(dataset, `${SC}description`)[0]!;
    expect(description.length).toBeGreaterThanOrEqual(50);
    expect(description.length).toBeLessThanOrEqual(5000);
  });

  it("has Google's recommended properties, well typed", () => {
    const creators = values(dataset, `${SC}creator`) as Node[];
    expect(creators.length).toBeGreaterThan(0);
    for (const c of creators) expect(literals(c, `${SC}name`)[0]).toBeTruthy();
    expect(isUrl(literals(dataset, `${SC}license`)[0]!)).toBe(true);
    expect(
      literals(dataset, `${SC}identifier`).length + literals(dataset, `${SC}url`).length,
    ).toBeGreaterThan(0);
    expect(isUrl(literals(dataset, `${SC}url`)[0]!)).toBe(true);
    expect(literals(dataset, `${SC}temporalCoverage`)[0]).toMatch(
      /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/,
    );
    expect(literals(dataset, `${SC}keywords`).length).toBeGreaterThan(0);
    expect(literals(dataset, `${SC}version`)[0]).toBeTruthy();
    expect(values(dataset, `${SC}isAccessibleForFree`)).toHaveLength(1);
    const downloads = values(dataset, `${SC}distribution`) as Node[];
    expect(downloads.length).toBeGreaterThan(0);
    for (const d of downloads) {
      expect(types(d)).toEqual([`${SC}DataDownload`]);
      expect(isUrl(literals(d, `${SC}contentUrl`)[0]!)).toBe(true);
      expect(literals(d, `${SC}encodingFormat`)[0]).toBeTruthy();
    }
  });

  it('stays small and links the full Croissant file', () => {
    const html = read(`${locale}/index.html`);
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block.length).toBeLessThan(8_000);
    const urls = (values(dataset, `${SC}distribution`) as Node[]).map(
      (d) => literals(d, `${SC}contentUrl`)[0],
    );
    expect(urls).toContain(new URL('croissant.json', siteRoot).href);
  });
});
