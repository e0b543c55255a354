/** A series' slices in spatial order, and its spacing; mixed geometry is a finding. Pure. */
import type { QualityFinding } from '../../../domain/schemas.ts';
import { finding } from '../../quality/finding.ts';
import { sameOrientation, spacingFromPositions } from './geometry.ts';
import { spatialOrder } from './spatial-order.ts';
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
  const ordered = spatialOrder(
    files,
    (f) => f.header,
    (f) => f.rel,
  );
  if (!ordered.positions) {
    if (files.length > 1) {
      findings.push(
        finding('dicom-no-position', {}, { file: first, study, column: 'ImagePositionPatient' }),
      );
    }
    return { files: ordered.items, spacing: files[0]!.header.spacingBetweenSlices, findings };
  }
  return { files: ordered.items, spacing: spacingFromPositions(ordered.positions), findings };
}
