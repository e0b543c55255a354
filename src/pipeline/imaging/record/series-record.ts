/**
 * The public records of the imaging stage, built from the plan (files in order, parameters)
 * and each series' render outcome and published sprites: a `Series` per series, an
 * `ImagingStudy` per study, and a finding per series that did not render. Pure.
 */
import { median } from 'd3';
import type { QualityFinding, Series, Sprite } from '../../../domain/schemas.ts';
import { describeTransferSyntax } from '../dicom/transfer-syntax.ts';
import { finding } from '../../quality/finding.ts';
import { failedReason, unsupportedReason } from '../findings.ts';
import { roundTo } from '../plan/geometry.ts';
import type { SeriesPlan, StudyPlan } from '../plan/types.ts';
import type { PublishedThumbnails } from '../render/publish.ts';
import type { RenderResult } from '../render/render.ts';
import type { SeriesRender } from '../render/thumbnails.ts';
import type { ImagingStudy } from '../result.ts';

/** Every planned study as the build sees it: its series' records and its cover. */
export function imagingStudies(
  studies: readonly StudyPlan[],
  renders: ReadonlyMap<SeriesPlan, SeriesRender>,
  thumbnails: PublishedThumbnails,
): ImagingStudy[] {
  return studies.map((study) => ({
    folder: study.folder,
    studyUid: study.studyUid,
    studyUidRef: study.studyUidRef,
    patientSex: study.patientSex,
    patientAge: study.patientAge,
    series: study.series.map((series) =>
      seriesRecord(series, renders.get(series)!.result, thumbnails.sprites.get(series)!),
    ),
    cover: thumbnails.covers.get(study)!,
  }));
}

/**
 * A series' public record: allow-listed parameters of its first slice, except tube current and
 * exposure (the median over its slices: they vary slice by slice with dose modulation).
 */
export function seriesRecord(series: SeriesPlan, result: RenderResult, sprites: Sprite[]): Series {
  const files = series.files;
  const head = files[0]!.header;
  return {
    uid: series.publicUid,
    folder: series.folder,
    modality: head.modality,
    manufacturer: head.manufacturer,
    model: head.model,
    sliceThickness: head.sliceThickness,
    kvp: head.kvp,
    tubeCurrent: medianOf(files.map((f) => f.header.tubeCurrent)),
    exposure: medianOf(files.map((f) => f.header.exposure)),
    kernel: head.kernel,
    rows: head.rows,
    columns: head.columns,
    pixelSpacing: head.pixelSpacing,
    spacingBetweenSlices: series.spacingBetweenSlices,
    imageCount: files.length,
    size: { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) },
    transferSyntax: head.transferSyntax,
    status: result.status,
    reason:
      result.status === 'ok'
        ? null
        : result.status === 'unsupported'
          ? unsupportedReason(result.transferSyntax)
          : failedReason(result.detail),
    sprites,
  };
}

/** The findings of series that did not render, or rendered without some slices, in plan order. */
export function renderFindings(
  studies: readonly StudyPlan[],
  renders: ReadonlyMap<SeriesPlan, SeriesRender>,
): QualityFinding[] {
  return studies.flatMap((study) =>
    study.series.flatMap((series) => renderFinding(study.folder, renders.get(series)!.result)),
  );
}

function renderFinding(study: string, result: RenderResult): QualityFinding[] {
  if (result.status === 'ok') {
    return (result.dropped ?? []).map((d) =>
      finding('dicom-slice-dropped', { detail: d.detail }, { file: d.file, study }),
    );
  }
  if (result.status === 'unsupported') {
    return [
      finding(
        'dicom-unsupported-transfer-syntax',
        { syntax: describeTransferSyntax(result.transferSyntax) },
        { file: result.file, study, column: 'TransferSyntaxUID' },
      ),
    ];
  }
  return [finding('dicom-decode-failed', { detail: result.detail }, { file: result.file, study })];
}

/** Median of the non-null values, to 3 decimals; null when there is none. */
export function medianOf(values: (number | null)[]): number | null {
  const middle = median(values);
  return middle === undefined ? null : roundTo(middle, 3);
}
