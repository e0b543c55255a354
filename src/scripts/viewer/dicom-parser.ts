/**
 * dicom-parser in the browser bundle. Its UMD build has no ESM exports: bundlers expose its
 * `module.exports` as the default export (or as the namespace), while its type declarations
 * describe named exports; this picks whichever the bundle has, with the declared types.
 */
import * as namespace from 'dicom-parser';

type DicomParserModule = typeof import('dicom-parser');

export const dicomParser: DicomParserModule =
  (namespace as unknown as { default?: DicomParserModule }).default ?? namespace;
