/**
 * THE published DICOM attributes (docs/imaging.md, "Privacy: one allow-list"): the one table
 * of what a series record may say about its files, one row per attribute. From it derive the
 * public half of the privacy allow-list (pipeline/imaging/header/allow-list.ts), the public
 * part of `ImageHeader`, `seriesSchema` (./schemas.ts), the series record
 * (pipeline/imaging/record/series-record.ts) and the study page's series table (its words,
 * `field.<word>` in src/i18n/<locale>/fields.json, and how each value is written).
 *
 * The rows are in the series record's order: generated/data/studies.json keeps its key order
 * (`scan` rows after the series' folder, `file` rows after its image count and size).
 *
 * Adding an attribute here publishes it: it is read from every file, written to studies.json
 * and shown on every study page. tests/unit/imaging/header.test.ts holds the list by name.
 */

/**
 * How the record holds the value: `text` the first value of the element, `texts` all its
 * values joined by `\`, `number`, `int` (an unsigned 16-bit element), `pair` two numbers.
 */
export type AttributeValue = 'text' | 'texts' | 'number' | 'int' | 'pair';

/**
 * Which value of a series' files the series record publishes: its first slice's, the median
 * over its slices (values that vary slice by slice with dose modulation), or the one the
 * series' geometry gives (the spacing measured from the slice positions, when they exist).
 */
export type AttributeSource = 'first' | 'median' | 'geometry';

export interface PublishedAttributeSpec {
  /** The key in `ImageHeader` and in the series record. */
  key: string;
  /** dicom-parser tag key, `xGGGGEEEE`, lower case. */
  tag: string;
  /** The public DICOM name (PS3.6 keyword). */
  keyword: string;
  /** `text` is decoded with SpecificCharacterSet; a `uid` is ASCII. */
  encoding: 'text' | 'uid' | 'number' | 'uint16';
  value: AttributeValue;
  source: AttributeSource;
  /** Where the series record places it: with the scan parameters, or with the file facts. */
  group: 'scan' | 'file';
  /**
   * The field whose word names it (`field.<word>`): the registry field's own when it is the
   * same quantity (kernel, kvp, ...); Rows and Columns share `matrix`, shown as one value.
   */
  word: string;
  /** A CT image without it is not read (so the header's value is never null). */
  required?: true;
  /**
   * Read by the file parser from the file meta information, not by the header reader (the
   * transfer syntax decides how everything else is read).
   */
  fromMeta?: true;
}

export const PUBLISHED_ATTRIBUTES = [
  {
    key: 'modality',
    tag: 'x00080060',
    keyword: 'Modality',
    encoding: 'text',
    value: 'text',
    source: 'first',
    group: 'scan',
    word: 'modality',
  },
  {
    key: 'manufacturer',
    tag: 'x00080070',
    keyword: 'Manufacturer',
    encoding: 'text',
    value: 'text',
    source: 'first',
    group: 'scan',
    word: 'manufacturer',
  },
  {
    key: 'model',
    tag: 'x00081090',
    keyword: 'ManufacturerModelName',
    encoding: 'text',
    value: 'text',
    source: 'first',
    group: 'scan',
    word: 'model',
  },
  {
    key: 'sliceThickness',
    tag: 'x00180050',
    keyword: 'SliceThickness',
    encoding: 'number',
    value: 'number',
    source: 'first',
    group: 'scan',
    word: 'sliceThickness',
  },
  {
    key: 'kvp',
    tag: 'x00180060',
    keyword: 'KVP',
    encoding: 'number',
    value: 'number',
    source: 'first',
    group: 'scan',
    word: 'kvp',
  },
  {
    key: 'tubeCurrent',
    tag: 'x00181151',
    keyword: 'XRayTubeCurrent',
    encoding: 'number',
    value: 'number',
    source: 'median',
    group: 'scan',
    word: 'tubeCurrent',
  },
  {
    key: 'exposure',
    tag: 'x00181152',
    keyword: 'Exposure',
    encoding: 'number',
    value: 'number',
    source: 'median',
    group: 'scan',
    word: 'exposure',
  },
  {
    key: 'kernel',
    tag: 'x00181210',
    keyword: 'ConvolutionKernel',
    encoding: 'text',
    value: 'texts',
    source: 'first',
    group: 'scan',
    word: 'kernel',
  },
  {
    key: 'rows',
    tag: 'x00280010',
    keyword: 'Rows',
    encoding: 'uint16',
    value: 'int',
    source: 'first',
    group: 'scan',
    word: 'matrix',
    required: true,
  },
  {
    key: 'columns',
    tag: 'x00280011',
    keyword: 'Columns',
    encoding: 'uint16',
    value: 'int',
    source: 'first',
    group: 'scan',
    word: 'matrix',
    required: true,
  },
  {
    key: 'pixelSpacing',
    tag: 'x00280030',
    keyword: 'PixelSpacing',
    encoding: 'number',
    value: 'pair',
    source: 'first',
    group: 'scan',
    word: 'pixelSpacing',
  },
  {
    key: 'spacingBetweenSlices',
    tag: 'x00180088',
    keyword: 'SpacingBetweenSlices',
    encoding: 'number',
    value: 'number',
    source: 'geometry',
    group: 'scan',
    word: 'spacingBetweenSlices',
  },
  {
    key: 'transferSyntax',
    tag: 'x00020010',
    keyword: 'TransferSyntaxUID',
    encoding: 'uid',
    value: 'text',
    source: 'first',
    group: 'file',
    word: 'transferSyntax',
    required: true,
    fromMeta: true,
  },
] as const satisfies readonly PublishedAttributeSpec[];

export type PublishedAttribute = (typeof PUBLISHED_ATTRIBUTES)[number];
export type PublishedKey = PublishedAttribute['key'];
export type PublishedKeyword = PublishedAttribute['keyword'];

/** The TypeScript type of each kind of value. */
export interface AttributeValueType {
  text: string;
  texts: string;
  number: number;
  int: number;
  pair: [number, number];
}

/** The value of an attribute in a series record: its type, or null when the files lack it. */
export type PublishedValues = {
  [A in PublishedAttribute as A['key']]: AttributeValueType[A['value']] | null;
};

/** The same in one file's header, where a required attribute is never null. */
export type PublishedHeaderValues = {
  [A in PublishedAttribute as A['key']]: A extends { required: true }
    ? AttributeValueType[A['value']]
    : AttributeValueType[A['value']] | null;
};

/** The rows of one group of the series record, in record order. */
export const attributesOf = <G extends PublishedAttribute['group']>(group: G) =>
  PUBLISHED_ATTRIBUTES.filter(
    (a): a is Extract<PublishedAttribute, { group: G }> => a.group === group,
  );

/** Each attribute's row by its record key. */
export const PUBLISHED_ATTRIBUTE = Object.fromEntries(
  PUBLISHED_ATTRIBUTES.map((a) => [a.key, a]),
) as { [K in PublishedKey]: Extract<PublishedAttribute, { key: K }> };
