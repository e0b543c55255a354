/**
 * Croissant 1.0 metadata (`/croissant.json`): the dataset, its distribution (the registry CSV
 * this site publishes and the dataset's own download) and a RecordSet describing the
 * registry's fields.
 */
import { FACTS } from './facts.ts';
import { HANDLE_COLUMN, REGISTRY_COLUMNS, type RegistryFieldId } from './registry-columns.ts';
import { formatCitation } from './citation/format.ts';
import { datasetItem, paperItem } from './citation/items.ts';

/** The Croissant 1.0 JSON-LD context, as the specification publishes it. */
export const CROISSANT_CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  citeAs: 'cr:citeAs',
  column: 'cr:column',
  conformsTo: 'dct:conformsTo',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  dct: 'http://purl.org/dc/terms/',
  examples: { '@id': 'cr:examples', '@type': '@json' },
  extract: 'cr:extract',
  field: 'cr:field',
  fileProperty: 'cr:fileProperty',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  format: 'cr:format',
  includes: 'cr:includes',
  isLiveDataset: 'cr:isLiveDataset',
  jsonPath: 'cr:jsonPath',
  key: 'cr:key',
  md5: 'cr:md5',
  parentField: 'cr:parentField',
  path: 'cr:path',
  recordSet: 'cr:recordSet',
  references: 'cr:references',
  regex: 'cr:regex',
  repeated: 'cr:repeated',
  replace: 'cr:replace',
  sc: 'https://schema.org/',
  separator: 'cr:separator',
  source: 'cr:source',
  subField: 'cr:subField',
  transform: 'cr:transform',
} as const;

/** The schema.org data type of each registry.csv column (booleans are true/false/empty). */
export const REGISTRY_DATA_TYPES: Record<RegistryFieldId, string> = {
  study_uid: 'sc:Text',
  path: 'sc:Text',
  pathology: 'sc:Boolean',
  epidural: 'sc:Boolean',
  subarachnoid: 'sc:Boolean',
  subdural: 'sc:Boolean',
  intracerebral: 'sc:Boolean',
  multiple: 'sc:Boolean',
  fracture: 'sc:Boolean',
  combined: 'sc:Boolean',
  ventricular: 'sc:Boolean',
  conclusion: 'sc:Text',
  age: 'sc:Integer',
  sex: 'sc:Text',
  slice_thickness: 'sc:Float',
  kvp: 'sc:Float',
  tube_current: 'sc:Float',
  kernel: 'sc:Text',
  manufacturer: 'sc:Text',
};

export interface CroissantOptions {
  /**
   * Absolute URL of the site root (base path included, trailing slash), or null when the build
   * has no site address (`--site`): the dataset's URL is then its permanent link, and the
   * registry's `contentUrl` is relative to croissant.json (which sits at the site root).
   */
  siteUrl: string | null;
  /** sha256 (hex) of the published `data/registry.csv`, when the build has it. */
  registryCsvSha256: string | null;
}

export const REGISTRY_FILE_ID = 'registry-csv';

export function buildCroissant({ siteUrl, registryCsvSha256 }: CroissantOptions) {
  const onSite = (path: string) => (siteUrl === null ? path : new URL(path, siteUrl).href);
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: 'http://mlcommons.org/croissant/1.0',
    name: `MosMedData ${FACTS.internalCode}`,
    alternateName: FACTS.title.en,
    description: FACTS.summary.en,
    license: FACTS.license.url,
    url: siteUrl === null ? FACTS.permanentLink : onSite('en/'),
    sameAs: FACTS.permanentLink,
    version: FACTS.version,
    datePublished: FACTS.datePublished,
    temporalCoverage: `${FACTS.temporalCoverage.start}/${FACTS.temporalCoverage.end}`,
    inLanguage: [...FACTS.languages],
    keywords: [...FACTS.keywords.en],
    isAccessibleForFree: true,
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
    citeAs: `${formatCitation(datasetItem('en'), 'bibtex')}\n${formatCitation(paperItem(), 'bibtex')}`,
    distribution: [
      {
        '@type': 'cr:FileObject',
        '@id': 'dataset-download',
        name: 'dataset-download',
        description:
          'The full dataset (DICOM studies and dataset_registry.xlsx), distributed through its permanent link.',
        contentUrl: FACTS.permanentLink,
        encodingFormat: 'text/html',
      },
      {
        '@type': 'cr:FileObject',
        '@id': REGISTRY_FILE_ID,
        name: 'registry.csv',
        description:
          'The registry as published by this site: one row per study, normalised values.',
        contentUrl: onSite('data/registry.csv'),
        encodingFormat: 'text/csv',
        ...(registryCsvSha256 ? { sha256: registryCsvSha256 } : {}),
      },
    ],
    recordSet: [
      {
        '@type': 'cr:RecordSet',
        '@id': 'studies',
        name: 'studies',
        description: 'One record per study of the registry.',
        key: { '@id': 'studies/study_uid' },
        field: [
          {
            id: HANDLE_COLUMN,
            description: "The study's short handle: its row number in the registry sheet",
            dataType: 'sc:Text',
          },
          ...REGISTRY_COLUMNS.map((column) => ({
            id: column.id,
            description: column.header,
            dataType: REGISTRY_DATA_TYPES[column.id],
          })),
        ].map(({ id, description, dataType }) => ({
          '@type': 'cr:Field',
          '@id': `studies/${id}`,
          name: id,
          description,
          dataType,
          source: { fileObject: { '@id': REGISTRY_FILE_ID }, extract: { column: id } },
        })),
      },
    ],
  };
}
