/**
 * The public records of the imaging stage, built from the plan (files in order, parameters)
 * and each series' render outcome and published sprites: a `Series` per series, an
 * `ImagingStudy` per study, and a finding per series that did not render. Pure.
 */
import { median } from 'd3';
import {
  attributesOf,
  type PublishedAttribute,
  type PublishedKey,
  type PublishedValues,
} from '../../../domain/dicom-attributes.ts';
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
 * A series' public record: its published attributes (domain/dicom-attributes.ts), each from the
 * slice(s) its row's `source` names, in the record's order.
 */
export function seriesRecord(series: SeriesPlan, result: RenderResult, sprites: Sprite[]): Series {
  const files = series.files;
  return {
    uid: series.publicUid,
    folder: series.folder,
    ...published(series, 'scan'),
    imageCount: files.length,
    size: { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) },
    ...published(series, 'file'),
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

/** One group of a series' published attributes (a record of `Series` by the table's keys). */
function published<G extends PublishedAttribute['group']>(series: SeriesPlan, group: G) {
  const files = series.files;
  const head = files[0]!.header;
  const values: Record<string, unknown> = {};
  for (const attribute of attributesOf(group)) {
    const key: PublishedKey = attribute.key;
    values[key] =
      attribute.source === 'median'
        ? medianOf(files.map((f) => f.header[key] as number | null))
        : attribute.source === 'geometry'
          ? series[key as 'spacingBetweenSlices']
          : head[key];
  }
  return values as Pick<PublishedValues, Extract<PublishedAttribute, { group: G }>['key']>;
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
