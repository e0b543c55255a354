/**
 * What the imaging stage says about files and series in words: the finding code of each file
 * problem, and why a series shows a placeholder instead of thumbnails (Series.reason). The
 * words are the finding catalog's (src/domain/findings-catalog.ts). Details are technical (tag
 * names, sizes, UIDs of the anonymised dataset), never values of non-allow-listed attributes.
 */
import { findingMessage, findingsText, type FindingCode } from '../../domain/findings-catalog.ts';
import type { Localized } from '../../i18n/locales.ts';
import { describeTransferSyntax } from './dicom/transfer-syntax.ts';
import type { FileProblemCode } from './types.ts';

/** The finding code of each reason a file is not used as a CT image. */
export const FILE_PROBLEM_CODES = {
  empty: 'dicom-empty',
  'not-dicom': 'dicom-not-dicom',
  truncated: 'dicom-truncated',
  unreadable: 'dicom-unreadable',
  'no-pixel-data': 'dicom-no-pixel-data',
  'not-ct': 'dicom-not-ct',
  localizer: 'dicom-localizer',
  'secondary-capture': 'dicom-secondary-capture',
  'too-large': 'dicom-too-large',
} as const satisfies Record<FileProblemCode, FindingCode>;

/** Why a series shows a placeholder instead of thumbnails (Series.reason). */
export function unsupportedReason(transferSyntax: string): Localized {
  return findingsText('series-reason.unsupported', {
    syntax: describeTransferSyntax(transferSyntax),
  });
}

/** A series whose images did not decode: the reason is the dicom-decode-failed message. */
export function failedReason(detail: string): Localized {
  return findingMessage('dicom-decode-failed', { detail });
}
