/** A series' slices in spatial order, and its spacing; mixed geometry is a finding. Pure. */
import type { QualityFinding } from '../../../domain/schemas.ts';
import { finding } from '../../quality/finding.ts';
import {
  positionAlong,
  sameOrientation,
  sliceNormal,
  spacingFromPositions,
  type Orientation,
} from './geometry.ts';
import type { ImageFile } from './types.ts';

/** Orders a series' images along the slice normal (InstanceNumber as fallback). */
export function orderSlices(
  files: ImageFile[],
  study: string,
): { files: ImageFile[]; spacing: number | null; findings: QualityFinding[] } {
  const findings: QualityFinding[] = [];
  const first = files[0]!.rel;
  const reference = files.find((f) => f.header.orientation)?.header.orientation ?? null;
  if (
    reference &&
    files.some((f) => f.header.orientation && !sameOrientation(f.header.orientation, reference))
  ) {
    findings.push(
      finding(
        'dicom-mixed-orientation',
        {},
        { file: first, study, column: 'ImageOrientationPatient' },
      ),
    );
  }
  const sizes = [...new Set(files.map((f) => `${f.header.columns}×${f.header.rows}`))].sort();
  if (sizes.length > 1) {
    findings.push(
      finding(
        'dicom-mixed-matrix',
        { sizes: sizes.join(', ') },
        { file: first, study, column: 'Rows/Columns' },
      ),
    );
  }
  const byInstance = (a: ImageFile, b: ImageFile) =>
    (a.header.instanceNumber ?? Infinity) - (b.header.instanceNumber ?? Infinity) ||
    (a.rel < b.rel ? -1 : 1);
  if (!reference || files.some((f) => !f.header.position)) {
    if (files.length > 1) {
      findings.push(
        finding('dicom-no-position', {}, { file: first, study, column: 'ImagePositionPatient' }),
      );
    }
    const header = files[0]!.header;
    return { files: [...files].sort(byInstance), spacing: header.spacingBetweenSlices, findings };
  }
  const normal = sliceNormal(reference as Orientation);
  const keyed = files.map((file) => ({ file, at: positionAlong(file.header.position!, normal) }));
  keyed.sort((a, b) => a.at - b.at || byInstance(a.file, b.file));
  return {
    files: keyed.map((k) => k.file),
    spacing: spacingFromPositions(keyed.map((k) => k.at)),
    findings,
  };
}
