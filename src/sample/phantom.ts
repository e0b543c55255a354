/**
 * The head phantom: Hounsfield units of one axial slice, computed per pixel from the study's
 * head shape and lesions. Air outside, scalp, a skull ring with cortical tables and diploe, a CSF
 * layer, grey and white matter with sulci and fissures, deep grey nuclei, ventricles and cisterns;
 * then each lesion where a radiologist would look for it. The anatomy is schematic on purpose:
 * it only has to look like a head CT at thumbnail size and put every finding in its place.
 */
import {
  angleDiff,
  headScale,
  inEllipse,
  segmentDistance,
  zProfile,
  type SliceGrid,
} from './geometry.ts';
import { lesionsAt } from './lesion-terms.ts';
import { orbitHu, SKULL_BASE_TOP, skullBaseHu } from './skull-base.ts';
import type { Rng } from './rng.ts';
import type { HeadShape, Lesion } from './types.ts';

export const HU = {
  air: -1000,
  scalp: 25,
  boneCortical: 1800,
  boneDiploe: 900,
  csf: 7,
  grey: 39,
  white: 28,
  deepGrey: 36,
  edema: 17,
} as const;

/** The lateral ventricles' outline at height z; null where the slice has none. */
interface VentricleLevel {
  halfWidth: number;
  halfLength: number;
  centerY: number;
  spread: number;
}

function ventricleLevel(z: number, head: HeadShape, scale: number): VentricleLevel | null {
  const p = zProfile(z, 18, 22);
  if (p === 0) return null;
  const v = head.ventricleScale;
  return {
    halfWidth: v * (1.8 + 3.2 * p),
    halfLength: scale * (20 + 10 * p) * Math.min(1.15, 0.85 + 0.2 * v),
    centerY: 3,
    spread: 6 * v,
  };
}

/** True where (x, y) lies inside a lateral ventricle; also returns the side's centre x. */
function inLateralVentricle(x: number, y: number, level: VentricleLevel): boolean {
  const side = x < 0 ? -1 : 1;
  // The occipital horns diverge laterally towards the back.
  const cx = side * (level.spread + 0.22 * Math.max(0, y - level.centerY));
  return inEllipse(x, y, cx, level.centerY, level.halfWidth, level.halfLength);
}

export interface SliceInput {
  grid: SliceGrid;
  head: HeadShape;
  lesions: readonly Lesion[];
  /** Height of the slice relative to the head centre, mm. */
  z: number;
  kernelKind: 'soft' | 'bone';
  /** Noise generator for this slice. */
  rng: Rng;
}

/** A lesion against the inner table at this slice: epidural (lens) or subdural (crescent). */

/**
 * Hounsfield units of one slice, before noise and blur (see {@link renderSlice}).
 * Exported for tests, which measure lesions on the noise-free image.
 */
export function phantomSlice(input: SliceInput): Float32Array {
  const { grid, head, z } = input;
  const scale = headScale(z);
  const n = grid.size * grid.size;
  const out = new Float32Array(n);
  const level = ventricleLevel(z, head, scale);
  const v = head.ventricleScale;
  const csf = head.csfSpace;
  const sulcusHalfWidth = 0.8 + 0.35 * csf;
  const sulcusDepth = 11 * scale;
  const sylvian = zProfile(z, 4, 18) > 0;
  const cisterns = z < -8;
  const thirdVentricle = z > -12 && z < 8;
  const fourthVentricle = z < -14;
  const basalGanglia = zProfile(z, 10, 11) > 0;
  const thalami = zProfile(z, 8, 9) > 0;
  const {
    extraAxial,
    hematomas,
    fractures,
    wedges,
    sahDiffuseHu,
    convexity,
    ventricularFill,
    ventricularHu,
  } = lesionsAt(input.lesions, z);
  const maxSwell = fractures.reduce((m, f) => Math.max(m, f.swell), 0);
  const maxScalp = head.scalpThickness + maxSwell;
  const base =
    z < SKULL_BASE_TOP
      ? {
          z,
          a: head.semiAxisX * scale,
          b: head.semiAxisY * scale,
          front: -head.semiAxisY * scale,
        }
      : null;

  for (let i = 0; i < n; i++) {
    const rho = grid.rho[i]!;
    const outer = grid.outerRadius[i]! * scale;
    const d = outer - rho; // depth below the skull's outer surface
    if (d < -maxScalp) {
      out[i] = HU.air;
      continue;
    }
    const theta = grid.theta[i]!;
    const skull = grid.skullThickness[i]!;
    if (base !== null && grid.y[i]! < 0) {
      // The globes reach forward through the front of the skull.
      const orbit = orbitHu(grid.x[i]!, grid.y[i]!, base);
      if (!Number.isNaN(orbit)) {
        out[i] = orbit;
        continue;
      }
    }

    // Fractures: scalp swelling over the line, and a depressed fragment on one side of it.
    let scalp = head.scalpThickness;
    let shift = 0;
    let onLine = false;
    for (let k = 0; k < fractures.length; k++) {
      const f = fractures[k]!;
      const off = angleDiff(theta, f.angle);
      const abs = off < 0 ? -off : off;
      if (abs < 0.45) scalp += f.swell * Math.cos((abs / 0.45) * (Math.PI / 2));
      if (off > 0 && off < 0.3) shift = f.depression * (1 - off / 0.3);
      if (d >= 0 && d < skull + shift) {
        const u = (d - shift) / skull;
        const lineOff = angleDiff(theta, f.angle + f.obliquity * (u - 0.5));
        if ((lineOff < 0 ? -lineOff : lineOff) * rho < f.halfWidth) onLine = true;
      }
    }
    if (d < -scalp) {
      out[i] = HU.air;
      continue;
    }
    if (d < 0) {
      out[i] = -d > head.scalpThickness ? 48 : HU.scalp; // beyond the normal scalp: hematoma
      continue;
    }
    if (d < shift) {
      out[i] = 50; // blood and soft tissue over the depressed fragment
      continue;
    }
    if (d - shift < skull) {
      if (onLine) {
        out[i] = 45;
        continue;
      }
      const u = (d - shift) / skull;
      const diploe = Math.min(1, Math.max(0, (skull - 3.5) / 3));
      const s = Math.sin(Math.PI * u);
      out[i] = HU.boneCortical - (HU.boneCortical - HU.boneDiploe) * diploe * s * s;
      continue;
    }

    // Inside the skull.
    const x = grid.x[i]!;
    const y = grid.y[i]!;
    const depth = d - shift - skull; // below the inner table
    if (base !== null) {
      const low = skullBaseHu(x, y, base);
      if (!Number.isNaN(low)) {
        out[i] = low;
        continue;
      }
    }
    // Blood distends the sulci and the CSF layer it fills, which is what makes it visible.
    let distended = false;
    if (convexity !== null) {
      const off = angleDiff(theta, convexity.angle);
      distended = (off < 0 ? -off : off) < convexity.halfAngle;
    }
    const layer = distended ? Math.max(csf, 3) : csf;
    const halfWidth = distended ? Math.max(sulcusHalfWidth, 2.4) : sulcusHalfWidth;
    let isCsf = false;
    let inVentricle = false;
    const ax = x < 0 ? -x : x;
    // Sulci wander as they go deeper and from slice to slice, as real ones fold.
    const bend = 1.8 * Math.sin(0.28 * depth + 0.11 * z + 5 * theta);
    const offset = grid.sulcusAngle[i]! * rho - bend;
    const sulcusDistance = offset < 0 ? -offset : offset;
    if (depth < layer) {
      isCsf = true;
    } else if (depth < layer + sulcusDepth && sulcusDistance < halfWidth) {
      isCsf = true;
    } else if (ax < 0.9 + 0.3 * csf && (y < -18 * scale || y > 24 * scale)) {
      isCsf = true; // interhemispheric fissure
    } else if (
      sylvian &&
      segmentDistance(ax, y, 32 * scale, -4, 58 * scale, -14 * scale) < 1 + 0.3 * csf
    ) {
      isCsf = true;
    } else if (level !== null && inLateralVentricle(x, y, level)) {
      isCsf = true;
      inVentricle = true;
    } else if (thirdVentricle && ax < 1.2 * v && y - 4 < 11 && y - 4 > -11) {
      isCsf = true;
    } else if (fourthVentricle && inEllipse(x, y, 0, 30, 5, 3.5)) {
      isCsf = true;
    } else if (cisterns) {
      const r = Math.sqrt(x * x + (y - 10) * (y - 10));
      if ((r > 11 && r < 14) || inEllipse(x, y, 0, -8, 7, 5)) isCsf = true;
    }

    let hu: number;
    if (isCsf) {
      hu = HU.csf;
      if (inVentricle) {
        if (ventricularFill > 0 && level !== null) {
          // Blood layers in the dependent part: the patient lies supine, the back (+y) is down.
          const back = level.centerY + level.halfLength + 0.22 * Math.max(0, y - level.centerY);
          if (y > back - 2 * level.halfLength * ventricularFill) hu = ventricularHu;
        }
      } else if (depth >= 0.5) {
        if (sahDiffuseHu > 0) hu = sahDiffuseHu;
        else if (distended && convexity !== null && depth < layer + sulcusDepth) hu = convexity.hu;
      }
    } else {
      // Grey cortex under the CSF layer, white matter deeper, deep grey nuclei in the centre.
      // The cortex is a ribbon along the surface and along each sulcus, so white matter
      // reaches up into the gyri between the sulci.
      const below = Math.min(
        depth - csf,
        depth < layer + sulcusDepth + 3 ? sulcusDistance - halfWidth : Infinity,
      );
      const greyWeight = Math.min(1, Math.max(0, 1 - (below - 2.5) / 1.5));
      hu = HU.white + (HU.grey - HU.white) * greyWeight;
      if (
        (basalGanglia && inEllipse(ax, y, 18, -2, 6, 11)) ||
        (thalami && inEllipse(ax, y, 9, 13, 7, 8))
      ) {
        hu = HU.deepGrey;
      }
      for (let k = 0; k < wedges.length; k++) {
        const w = wedges[k]!;
        const off = angleDiff(theta, w.angle);
        const rel = (off < 0 ? -off : off) / w.halfAngle;
        if (rel < 1 && depth < w.depth * (1 - rel * rel)) hu = w.hu;
      }
    }

    for (let k = 0; k < extraAxial.length; k++) {
      const e = extraAxial[k]!;
      const off = angleDiff(theta, e.angle);
      const rel = (off < 0 ? -off : off) / e.halfAngle;
      if (rel >= 1) continue;
      // A lens is thickest in the middle and pinched at the sutures; a crescent keeps its
      // thickness along the skull and tapers only at the tips.
      const thickness = e.lens
        ? e.thickness * (1 - rel * rel)
        : e.thickness * Math.sqrt(1 - rel * rel * rel * rel);
      if (depth < thickness) hu = e.hu;
    }

    for (let k = 0; k < hematomas.length; k++) {
      const h = hematomas[k]!;
      const dx = x - h.cx;
      const dy = y - h.cy;
      if (dx > h.reach || dx < -h.reach || dy > h.reach || dy < -h.reach) continue;
      const phi = Math.atan2(dy, dx);
      const lobes = 1 + 0.14 * Math.sin(3 * phi + h.phase) + 0.07 * Math.sin(5 * phi);
      const u = dx / h.rx;
      const w = dy / h.ry;
      const r = Math.sqrt(u * u + w * w) / lobes;
      if (r < h.core) hu = h.hu;
      else if (!isCsf && r < h.core + h.rim) hu = HU.edema;
    }
    out[i] = hu;
  }
  return out;
}
