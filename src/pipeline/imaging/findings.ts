/**
 * Quality findings of the imaging stage, each with a stable code and a Russian and English
 * message. Details are technical (tag names, sizes, UIDs of the anonymised dataset), never
 * values of non-allow-listed attributes.
 */
import type { Localized } from '../../domain/labels.ts';
import type { QualityFinding, Severity } from '../../domain/schemas.ts';
import { describeTransferSyntax } from './dicom/transfer-syntax.ts';
import type { FileProblemCode } from './types.ts';

const FILE_PROBLEMS: Record<FileProblemCode, { severity: Severity; ru: string; en: string }> = {
  empty: { severity: 'error', ru: 'Пустой файл (0 байт)', en: 'Empty file (0 bytes)' },
  'not-dicom': { severity: 'error', ru: 'Файл не в формате DICOM', en: 'Not a DICOM file' },
  truncated: { severity: 'error', ru: 'Файл DICOM обрезан', en: 'Truncated DICOM file' },
  unreadable: { severity: 'error', ru: 'Файл DICOM не читается', en: 'Unreadable DICOM file' },
  'no-pixel-data': {
    severity: 'warning',
    ru: 'В файле DICOM нет изображения (Pixel Data)',
    en: 'DICOM file without an image (Pixel Data)',
  },
  'not-ct': {
    severity: 'warning',
    ru: 'Не КТ-изображение, исключено из серий',
    en: 'Not a CT image, left out of the series',
  },
  localizer: {
    severity: 'info',
    ru: 'Топограмма (LOCALIZER), исключена из серий',
    en: 'Localizer (scout) image, left out of the series',
  },
  'secondary-capture': {
    severity: 'info',
    ru: 'Вторичный захват (Secondary Capture), исключён из серий',
    en: 'Secondary capture, left out of the series',
  },
};

/** The finding for a file that is not used as a CT image. */
export function fileProblemFinding(
  file: string,
  problem: FileProblemCode,
  detail: string,
  study?: string,
): QualityFinding {
  const spec = FILE_PROBLEMS[problem];
  return withStudy(
    {
      severity: spec.severity,
      code: `dicom-${problem}`,
      message: { ru: `${spec.ru}: ${detail}`, en: `${spec.en}: ${detail}` },
      file,
    },
    study,
  );
}

function withStudy(finding: QualityFinding, study: string | undefined): QualityFinding {
  return study ? { ...finding, study } : finding;
}

/** Why a series shows a placeholder instead of thumbnails (Series.reason). */
export function unsupportedReason(transferSyntax: string): Localized {
  const name = describeTransferSyntax(transferSyntax);
  return {
    ru: `Синтаксис передачи не поддерживается: ${name}`,
    en: `Unsupported transfer syntax: ${name}`,
  };
}

export function failedReason(detail: string): Localized {
  return {
    ru: `Не удалось декодировать изображения: ${detail}`,
    en: `Could not decode the images: ${detail}`,
  };
}

export function seriesFinding(
  severity: Severity,
  code: string,
  message: Localized,
  file: string,
  study: string,
  column?: string,
): QualityFinding {
  const finding: QualityFinding = { severity, code, message, file, study };
  return column ? { ...finding, column } : finding;
}

/** Messages for series- and study-level checks. */
export const MESSAGES = {
  // `ref` is the inner UID's reference (uid-ref.ts), never the UID itself: it is not public.
  studyUidMismatch: (folder: string, ref: string): Localized => ({
    ru: `Имя папки исследования «${folder}» не совпадает со StudyInstanceUID внутри её файлов (UID не публикуется; его метка ${ref})`,
    en: `Study folder name "${folder}" differs from the StudyInstanceUID inside its files (not published; its reference is ${ref})`,
  }),
  studyUidMixed: (count: number): Localized => ({
    ru: `В папке исследования файлы с разными StudyInstanceUID (${count})`,
    en: `Files with ${count} different StudyInstanceUIDs in one study folder`,
  }),
  seriesUidMismatch: (folder: string, ref: string): Localized => ({
    ru: `Имя папки серии «${folder}» не совпадает с SeriesInstanceUID внутри её файлов (UID не публикуется; его метка ${ref})`,
    en: `Series folder name "${folder}" differs from the SeriesInstanceUID inside its files (not published; its reference is ${ref})`,
  }),
  seriesUidMixed: (count: number): Localized => ({
    ru: `В папке серии файлы с разными SeriesInstanceUID (${count}); они разделены на серии`,
    en: `Files with ${count} different SeriesInstanceUIDs in one series folder; split into series`,
  }),
  /** `uid`: the UID when a folder is named so (public), otherwise its reference. */
  seriesInSeveralFolders: (uid: string): Localized => ({
    ru: `Серия ${uid} лежит в нескольких папках`,
    en: `Series ${uid} is spread over several folders`,
  }),
  outsideStudyFolder: (): Localized => ({
    ru: 'Файл DICOM вне папки исследования (ожидается studies/<исследование>/<серия>/<файл>)',
    en: 'DICOM file outside a study folder (expected studies/<study>/<series>/<file>)',
  }),
  noSeriesFolder: (): Localized => ({
    ru: 'Файл DICOM прямо в папке исследования, без папки серии',
    en: 'DICOM file directly in the study folder, without a series folder',
  }),
  studyWithoutCt: (): Localized => ({
    ru: 'В папке исследования нет ни одного читаемого КТ-изображения',
    en: 'The study folder holds no readable CT image',
  }),
  mixedOrientation: (): Localized => ({
    ru: 'В серии срезы с разной ориентацией (ImageOrientationPatient)',
    en: 'Slices with different orientations (ImageOrientationPatient) in one series',
  }),
  mixedMatrix: (sizes: string): Localized => ({
    ru: `В серии срезы разного размера матрицы: ${sizes}`,
    en: `Slices with different matrix sizes in one series: ${sizes}`,
  }),
  noPositions: (): Localized => ({
    ru: 'Нет ImagePositionPatient/ImageOrientationPatient: срезы упорядочены по InstanceNumber',
    en: 'No ImagePositionPatient/ImageOrientationPatient: slices ordered by InstanceNumber',
  }),
  unsupported: (transferSyntax: string): Localized => unsupportedReason(transferSyntax),
  decodeFailed: (detail: string): Localized => failedReason(detail),
};
