/**
 * Croissant 1.1 metadata with the Responsible-AI vocabulary (`/croissant.json`): the dataset,
 * its distribution (the DICOM files as a FileSet, the dataset's registry, the registry CSV this
 * site publishes), RAI answers from the datasheet, and RecordSets for the registry's fields
 * (labels marked `cr:Label`) and the DICOM files. Property names follow the Croissant 1.1 and
 * RAI 1.0 specifications (github.com/mlcommons/croissant, docs/).
 */
import { FACTS } from './facts.ts';
import { FIELD, FIELDS, HANDLE_COLUMN, STUDY_SIZE_COLUMNS, type ValueKind } from './field-table.ts';
import { formatCitation } from './citation/format.ts';
import { datasetItem, paperItem } from './citation/items.ts';
import type { Stats } from './stats.ts';
import { raiProperties } from './croissant-rai.ts';

/**
 * The Croissant 1.1 JSON-LD context, as the specification publishes it (Appendix 1), which
 * also binds the `rai:` prefix of the Responsible-AI vocabulary.
 */
export const CROISSANT_CONTEXT = {
  '@language': 'en',
  '@vocab': 'http://schema.org/',
  sc: 'http://schema.org/',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  dct: 'http://purl.org/dc/terms/',
  annotation: 'cr:annotation',
  arrayShape: 'cr:arrayShape',
  citeAs: 'cr:citeAs',
  column: 'cr:column',
  conformsTo: 'dct:conformsTo',
  containedIn: 'cr:containedIn',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  equivalentProperty: 'cr:equivalentProperty',
  examples: { '@id': 'cr:examples', '@type': '@json' },
  excludes: 'cr:excludes',
  extract: 'cr:extract',
  field: 'cr:field',
  fileProperty: 'cr:fileProperty',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  format: 'cr:format',
  includes: 'cr:includes',
  isArray: 'cr:isArray',
  isLiveDataset: 'cr:isLiveDataset',
  jsonPath: 'cr:jsonPath',
  key: 'cr:key',
  md5: 'cr:md5',
  parentField: 'cr:parentField',
  recordSet: 'cr:recordSet',
  references: 'cr:references',
  regex: 'cr:regex',
  readLines: 'cr:readLines',
  sdVersion: 'cr:sdVersion',
  separator: 'cr:separator',
  source: 'cr:source',
  subField: 'cr:subField',
  transform: 'cr:transform',
  unArchive: 'cr:unArchive',
  value: 'cr:value',
} as const;

/** The specifications croissant.json declares it conforms to. */
export const CROISSANT_CONFORMS_TO = [
  'http://mlcommons.org/croissant/1.1',
  'http://mlcommons.org/croissant/RAI/1.0',
] as const;

/** The schema.org data type of each value kind (booleans are true/false/empty). */
const KIND_DATA_TYPES: Record<ValueKind, string> = {
  text: 'sc:Text',
  boolean: 'sc:Boolean',
  number: 'sc:Float',
  age: 'sc:Integer',
  sex: 'sc:Text',
};

/** The schema.org data type of each registry field's registry.csv column. */
export const REGISTRY_DATA_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  FIELDS.map((f) => [f.csv, KIND_DATA_TYPES[f.kind]]),
);

/** registry.csv columns that are labels (cr:Label): the class and every finding. */
export const LABEL_FIELDS: ReadonlySet<string> = new Set(
  FIELDS.filter((f) => f.role === 'class' || f.role === 'finding').map((f) => f.csv),
);

export interface CroissantOptions {
  /**
   * Absolute URL of the site root (base path included, trailing slash), or null when the build
   * has no site address (`--site`): the dataset's URL is then its permanent link, and the
   * registry's `contentUrl` is relative to croissant.json (which sits at the site root).
   */
  siteUrl: string | null;
  /** sha256 (hex) and size in bytes of the published `data/registry.csv`, when the build has it. */
  registryCsv: { sha256: string; bytes: number } | null;
  /** sha256 (hex) of the dataset's `dataset_registry.xlsx` the build read, when known. */
  registryXlsxSha256: string | null;
  /**
   * sha256 (hex) and size in bytes of the published `data/SHA256SUMS`, when the build computed
   * checksums (`--checksums`); null otherwise (then no such file object is described).
   */
  sha256sums?: { sha256: string; bytes: number } | null;
  /** ISO date of this build's input (the date the metadata describes). */
  builtAt: string;
  /** Statistics of this build, for the known skews (`rai:dataBiases`). */
  stats: Stats;
  /** The version of this metadata: the site generator's (package.json), not the dataset's. */
  sdVersion?: string;
}

export const REGISTRY_FILE_ID = 'registry-csv';
export const REGISTRY_XLSX_ID = 'dataset-registry-xlsx';
export const DICOM_FILESET_ID = 'dicom-files';
export const SHA256SUMS_ID = 'sha256sums';

/**
 * A line of SHA256SUMS: an optional `\` (GNU sha256sum's mark of an escaped name), the hash,
 * two spaces, the path (with `\\` and `\n` escapes on a marked line).
 */
export const SHA256SUMS_LINE = {
  sha256: '^\\\\?([0-9a-f]{64})  .*$',
  path: '^\\\\?[0-9a-f]{64}  (.*)$',
} as const;

export function buildCroissant(options: CroissantOptions) {
  const { siteUrl, registryCsv, registryXlsxSha256, builtAt } = options;
  const sums = options.sha256sums ?? null;
  const onSite = (path: string) => (siteUrl === null ? path : new URL(path, siteUrl).href);
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: [...CROISSANT_CONFORMS_TO],
    name: `MosMedData ${FACTS.internalCode}`,
    alternateName: FACTS.title.en,
    description: FACTS.summary.en,
    license: FACTS.license.url,
    url: siteUrl === null ? FACTS.permanentLink : onSite('en/'),
    sameAs: FACTS.permanentLink,
    version: FACTS.version,
    ...(options.sdVersion ? { sdVersion: options.sdVersion } : {}),
    datePublished: FACTS.datePublished,
    // The date of the data this metadata was generated from (this build's input).
    sdDatePublished: builtAt.slice(0, 10),
    temporalCoverage: `${FACTS.temporalCoverage.start}/${FACTS.temporalCoverage.end}`,
    inLanguage: [...FACTS.languages],
    keywords: [...FACTS.keywords.en],
    isAccessibleForFree: true,
    isLiveDataset: false,
    creator: FACTS.authors.map((p) => ({
      '@type': 'sc:Person',
      name: `${p.family.en} ${p.initials.en}`,
      affiliation: { '@type': 'sc:Organization', name: FACTS.affiliation.en },
    })),
    publisher: {
      '@type': 'sc:Organization',
      name: FACTS.affiliation.en,
      url: 'https://mosmed.ai/',
    },
    funder: { '@type': 'sc:Organization', name: FACTS.funding.funder.en, url: FACTS.funding.url },
    citeAs: `${formatCitation(datasetItem('en'), 'bibtex')}\n${formatCitation(paperItem(), 'bibtex')}`,
    ...raiProperties(options),
    distribution: [
      {
        '@type': 'cr:FileSet',
        '@id': DICOM_FILESET_ID,
        name: 'studies',
        description: `The DICOM files of the dataset (one folder per study, one per series), as downloaded through ${FACTS.permanentLink}; paths relative to the dataset folder.`,
        encodingFormat: 'application/dicom',
        includes: 'studies/*/*/*.dcm',
      },
      {
        // A file inside the downloaded dataset folder, not at a URL: a FileSet, like the DICOM
        // files (a FileObject's contentUrl would resolve against this site, where it is not).
        '@type': 'cr:FileSet',
        '@id': REGISTRY_XLSX_ID,
        name: 'dataset_registry.xlsx',
        description: `The dataset’s own registry, in the dataset folder.${
          registryXlsxSha256
            ? ` sha256 of the file this site was built from: ${registryXlsxSha256}.`
            : ''
        }`,
        encodingFormat: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        includes: 'dataset_registry.xlsx',
      },
      {
        '@type': 'cr:FileObject',
        '@id': REGISTRY_FILE_ID,
        name: 'registry.csv',
        description:
          'The registry as published by this site: one row per study, normalised values.',
        contentUrl: onSite('data/registry.csv'),
        encodingFormat: 'text/csv',
        ...(registryCsv
          ? { contentSize: `${registryCsv.bytes} B`, sha256: registryCsv.sha256 }
          : {}),
      },
      ...(sums
        ? [
            {
              '@type': 'cr:FileObject',
              '@id': SHA256SUMS_ID,
              name: 'SHA256SUMS',
              description:
                'SHA-256 of every file of the dataset folder this site was built from, in `sha256sum -c` format (hash, two spaces, path relative to the dataset folder): `sha256sum -c SHA256SUMS` in the folder of a copy verifies it.',
              contentUrl: onSite('data/SHA256SUMS'),
              encodingFormat: 'text/plain',
              contentSize: `${sums.bytes} B`,
              sha256: sums.sha256,
            },
          ]
        : []),
    ],
    recordSet: [
      {
        '@type': 'cr:RecordSet',
        '@id': 'studies',
        name: 'studies',
        description: 'One record per study of the registry.',
        key: { '@id': `studies/${FIELD.studyUid.csv}` },
        field: [
          {
            id: HANDLE_COLUMN,
            description: "The study's short handle: its row number in the registry sheet",
            dataType: 'sc:Text',
          },
          ...FIELDS.map((f) => ({
            id: f.csv,
            description: f.header,
            dataType: KIND_DATA_TYPES[f.kind],
          })),
          {
            id: STUDY_SIZE_COLUMNS.files,
            description: "Files in the study's folder (added by this site)",
            dataType: 'sc:Integer',
          },
          {
            id: STUDY_SIZE_COLUMNS.bytes,
            description: "Bytes of the files in the study's folder (added by this site)",
            dataType: 'sc:Integer',
          },
        ].map(({ id, description, dataType }) => ({
          '@type': 'cr:Field',
          '@id': `studies/${id}`,
          name: id,
          description,
          dataType: LABEL_FIELDS.has(id) ? [dataType, 'cr:Label'] : dataType,
          source: { fileObject: { '@id': REGISTRY_FILE_ID }, extract: { column: id } },
        })),
      },
      {
        '@type': 'cr:RecordSet',
        '@id': 'dicom',
        name: 'dicom',
        description: 'One record per DICOM file of the dataset.',
        field: [
          {
            '@type': 'cr:Field',
            '@id': 'dicom/path',
            name: 'path',
            description: 'Path of the file: studies/<studyUID>/<seriesUID>/<instance>.dcm.',
            dataType: 'sc:Text',
            source: { fileSet: { '@id': DICOM_FILESET_ID }, extract: { fileProperty: 'filepath' } },
          },
        ],
      },
      ...(sums
        ? [
            {
              '@type': 'cr:RecordSet',
              '@id': 'checksums',
              name: 'checksums',
              description:
                'One record per file of the dataset: its path and SHA-256, from SHA256SUMS.',
              key: { '@id': 'checksums/path' },
              field: (['path', 'sha256'] as const).map((id) => ({
                '@type': 'cr:Field',
                '@id': `checksums/${id}`,
                name: id,
                description:
                  id === 'path'
                    ? 'Path of the file relative to the dataset folder (as sha256sum writes it).'
                    : 'SHA-256 of the file, hexadecimal.',
                dataType: 'sc:Text',
                source: {
                  fileObject: { '@id': SHA256SUMS_ID },
                  extract: { fileProperty: 'lines' },
                  transform: { regex: SHA256SUMS_LINE[id] },
                },
              })),
            },
          ]
        : []),
    ],
  };
}
