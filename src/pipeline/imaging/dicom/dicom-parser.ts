/**
 * dicom-parser loaded through `require`: its UMD build exposes no named ESM exports, while its
 * type declarations describe named exports; this keeps both the runtime and the types right.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const dicomParser = require('dicom-parser') as typeof import('dicom-parser');
export type { DataSet, Element } from 'dicom-parser';
