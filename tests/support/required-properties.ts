/** Properties the issue and the Croissant 1.0 specification require, shared by the tests. */
export const JSON_LD_PROPERTIES = [
  'name',
  'description',
  'creator',
  'publisher',
  'license',
  'version',
  'url',
  'keywords',
  'inLanguage',
  'datePublished',
  'temporalCoverage',
  'isAccessibleForFree',
  'variableMeasured',
  'distribution',
  'citation',
] as const;

/** Croissant 1.1 required dataset properties (spec, "Dataset-level information"). */
export const CROISSANT_REQUIRED = [
  '@context',
  '@type',
  'conformsTo',
  'name',
  'description',
  'license',
  'url',
  'creator',
  'datePublished',
] as const;
