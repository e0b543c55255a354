/**
 * The head phantom: Hounsfield units of one axial slice, computed per pixel from the study's
 * head shape and lesions. Air outside, scalp, a skull ring with cortical tables and diploe, a CSF
 * layer, grey and white matter with sulci and fissures, deep grey nuclei, ventricles and cisterns;
 * then each lesion where a radiologist would look for it. The anatomy is schematic on purpose:
 * it only has to look like a head CT at thumbnail size and put every finding in its place.
 */
import { createRng, type Rng } from './rng.ts';
import type { HeadShape, Lesion, SeriesPlan } from './types.ts';

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

const TAU = Math.PI * 2;

/** Signed difference a - b of two angles, in (-pi, pi]. */
export function angleDiff(a: number, b: number): number {
  // Loops instead of %: a floating-point remainder is slow, and inputs are within a few turns.
  let d = a - b;
  while (d > Math.PI) d -= TAU;
  while (d <= -Math.PI) d += TAU;
  return d;
}

/**
 * How much of the head's full width remains at height z (the skull narrows towards the vertex).
 * @example headScale(-10) // 1
 */
export function headScale(z: number): number {
  const u = (z + 10) / 95;
  return Math.sqrt(Math.max(0, 1 - u * u));
}

/**
 * Angular distance from theta to the nearest of the sorted angles (all in [0, 2pi)).
 * @example nearestAngleDistance([0, Math.PI], 3) // about 0.14
 */
export function nearestAngleDistance(sorted: readonly number[], theta: number): number {
  if (sorted.length === 0) return Math.PI;
  const t = theta < 0 ? theta + TAU : theta;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  const after = sorted[lo % sorted.length]!;
  const before = sorted[(lo - 1 + sorted.length) % sorted.length]!;
  return Math.min(Math.abs(angleDiff(t, after)), Math.abs(angleDiff(t, before)));
}

/** Per-pixel geometry of one series' image grid, computed once and reused by every slice. */
export interface SliceGrid {
  size: number;
  /** Head-centred coordinates of each pixel, mm. */
  x: Float32Array;
  y: Float32Array;
  rho: Float32Array;
  theta: Float32Array;
  /** Outer skull radius in the pixel's direction at full head width, mm. */
  outerRadius: Float32Array;
  /** Skull thickness in the pixel's direction, mm. */
  skullThickness: Float32Array;
  /** Angular distance to the nearest sulcus, radians. */
  sulcusAngle: Float32Array;
}

/** Where the image's top-left pixel centre lies in the patient frame (x, y), mm. */
export function imageOrigin(series: SeriesPlan, head: HeadShape): [number, number] {
  const half = ((series.columns - 1) / 2) * series.pixelSpacing;
  return [head.offset[0] - half, head.offset[1] - half];
}

export function buildGrid(series: SeriesPlan, head: HeadShape): SliceGrid {
  const size = series.rows;
  const n = size * size;
  const grid: SliceGrid = {
    size,
    x: new Float32Array(n),
    y: new Float32Array(n),
    rho: new Float32Array(n),
    theta: new Float32Array(n),
    outerRadius: new Float32Array(n),
    skullThickness: new Float32Array(n),
    sulcusAngle: new Float32Array(n),
  };
  const [originX, originY] = imageOrigin(series, head);
  const a = head.semiAxisX;
  const b = head.semiAxisY;
  const sulci = [...head.sulci].sort((p, q) => p - q);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const i = row * size + col;
      const x = originX + col * series.pixelSpacing - head.offset[0];
      const y = originY + row * series.pixelSpacing - head.offset[1];
      const theta = Math.atan2(y, x);
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      const ellipse = (a * b) / Math.sqrt((b * c) ** 2 + (a * s) ** 2);
      const wobble =
        1 +
        0.02 * Math.sin(2 * theta + head.shapePhase) +
        0.012 * Math.sin(3 * theta + 2 * head.shapePhase);
      // Thicker at the frontal and occipital bones, thinnest over the temporal squama.
      const thickness =
        head.skullThickness * (0.75 + 0.45 * s * s + 0.08 * Math.sin(5 * theta + head.shapePhase));
      const nearest = nearestAngleDistance(sulci, theta);
      grid.x[i] = x;
      grid.y[i] = y;
      grid.rho[i] = Math.sqrt(x * x + y * y);
      grid.theta[i] = theta;
      grid.outerRadius[i] = ellipse * wobble;
      grid.skullThickness[i] = thickness;
      grid.sulcusAngle[i] = nearest;
    }
  }
  return grid;
}

/** 1 inside [center - half, center + half] along z with a rounded profile, 0 outside. */
function zProfile(z: number, center: number, half: number): number {
  const u = (z - center) / half;
  return u >= 1 || u <= -1 ? 0 : Math.sqrt(1 - u * u);
}

function inEllipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean {
  const u = (x - cx) / rx;
  const v = (y - cy) / ry;
  return u * u + v * v <= 1;
}

/** Distance from (x, y) to the segment (x1, y1)-(x2, y2). */
function segmentDistance(
  x: number,
  y: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  const ex = x - x1 - t * dx;
  const ey = y - y1 - t * dy;
  return Math.sqrt(ex * ex + ey * ey);
}

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
interface ExtraAxial {
  lens: boolean;
  angle: number;
  halfAngle: number;
  thickness: number;
  hu: number;
}
interface Hematoma {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  /** Radius factor of the core at this z (0 when the slice misses the core). */
  core: number;
  rim: number;
  reach: number;
  phase: number;
  hu: number;
}
interface FractureLine {
  angle: number;
  obliquity: number;
  halfWidth: number;
  swell: number;
  depression: number;
}
interface Wedge {
  angle: number;
  halfAngle: number;
  depth: number;
  hu: number;
}

/**
 * The lesions that reach this slice, reduced to plain numbers. The pixel loop then touches only
 * monomorphic objects, which keeps it fast (lesion unions in the hot loop cost several times more).
 */
function lesionsAt(lesions: readonly Lesion[], z: number) {
  const extraAxial: ExtraAxial[] = [];
  const hematomas: Hematoma[] = [];
  const fractures: FractureLine[] = [];
  const wedges: Wedge[] = [];
  let sahDiffuseHu = 0;
  let convexity: { angle: number; halfAngle: number; hu: number } | null = null;
  let ventricularFill = 0;
  let ventricularHu = 0;
  for (const lesion of lesions) {
    switch (lesion.kind) {
      case 'epidural':
      case 'subdural': {
        const w = zProfile(z, lesion.zCenter, lesion.zHalf);
        if (w > 0) {
          extraAxial.push({
            lens: lesion.kind === 'epidural',
            angle: lesion.angle,
            halfAngle: lesion.halfAngle,
            thickness: lesion.thickness * w,
            hu: lesion.hu,
          });
        }
        break;
      }
      case 'subarachnoid':
        if (zProfile(z, lesion.zCenter, lesion.zHalf) > 0) {
          if (lesion.pattern === 'diffuse') sahDiffuseHu = lesion.hu;
          else convexity = { angle: lesion.angle, halfAngle: lesion.halfAngle, hu: lesion.hu };
        }
        break;
      case 'intracerebral': {
        const [cx, cy, cz] = lesion.center;
        const [rx, ry, rz] = lesion.radii;
        const w = (z - cz) / rz;
        const along = 1 - w * w;
        const rimZ = (z - cz) / (rz + lesion.edema);
        if (rimZ * rimZ >= 1) break;
        hematomas.push({
          cx,
          cy,
          rx,
          ry,
          core: along > 0 ? Math.sqrt(along) : 0,
          rim: lesion.edema / Math.min(rx, ry),
          reach: 1.3 * Math.max(rx, ry) + lesion.edema,
          phase: lesion.lobePhase,
          hu: lesion.hu,
        });
        break;
      }
      case 'ventricular':
        ventricularFill = lesion.fill;
        ventricularHu = lesion.hu;
        break;
      case 'fracture': {
        const w = zProfile(z, lesion.zCenter, lesion.zHalf);
        if (w > 0) {
          fractures.push({
            angle: lesion.angle,
            obliquity: lesion.obliquity,
            halfWidth: lesion.width / 2,
            swell: lesion.scalpHematoma * w,
            depression: lesion.depression * w,
          });
        }
        break;
      }
      case 'ischemic': {
        const w = zProfile(z, lesion.zCenter, lesion.zHalf);
        if (w > 0) {
          wedges.push({
            angle: lesion.angle,
            halfAngle: lesion.halfAngle,
            depth: lesion.depth * w,
            hu: lesion.hu,
          });
        }
        break;
      }
    }
  }
  return {
    extraAxial,
    hematomas,
    fractures,
    wedges,
    sahDiffuseHu,
    convexity,
    ventricularFill,
    ventricularHu,
  };
}

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
    if (depth < layer) {
      isCsf = true;
    } else if (depth < layer + sulcusDepth && grid.sulcusAngle[i]! * rho < halfWidth) {
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
      const below = depth - csf;
      const greyWeight = Math.min(1, Math.max(0, 1 - (below - 3) / 2.5));
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

/** A 3x3 binomial blur: the partial-volume softness of a soft-tissue kernel. */
function blur(values: Float32Array, size: number): Float32Array {
  const out = new Float32Array(values.length);
  // Interior pixels: the 3x3 kernel [1 2 1; 2 4 2; 1 2 1] / 16 without bounds checks.
  for (let row = 1; row < size - 1; row++) {
    for (let col = 1; col < size - 1; col++) {
      const i = row * size + col;
      const up = i - size;
      const down = i + size;
      out[i] =
        (values[up - 1]! +
          2 * values[up]! +
          values[up + 1]! +
          2 * values[i - 1]! +
          4 * values[i]! +
          2 * values[i + 1]! +
          values[down - 1]! +
          2 * values[down]! +
          values[down + 1]!) /
        16;
    }
  }
  // The border, with the kernel renormalised to the pixels that exist.
  for (let row = 0; row < size; row++) {
    if (row > 0 && row < size - 1) {
      for (const col of [0, size - 1]) out[row * size + col] = borderBlur(values, size, row, col);
      continue;
    }
    for (let col = 0; col < size; col++) out[row * size + col] = borderBlur(values, size, row, col);
  }
  return out;
}

function borderBlur(values: Float32Array, size: number, row: number, col: number): number {
  let sum = 0;
  let weight = 0;
  for (let dr = -1; dr <= 1; dr++) {
    const r = row + dr;
    if (r < 0 || r >= size) continue;
    for (let dc = -1; dc <= 1; dc++) {
      const c = col + dc;
      if (c < 0 || c >= size) continue;
      const w = (dr === 0 ? 2 : 1) * (dc === 0 ? 2 : 1);
      sum += values[r * size + c]! * w;
      weight += w;
    }
  }
  return sum / weight;
}

const NOISE_TABLE_BITS = 16;
let noiseTable: Float32Array | null = null;

/**
 * A fixed table of standard normal values, made once per process. Slices read it from a random
 * start with a random odd stride: deterministic, and far cheaper than drawing a fresh variate
 * per pixel (which dominated the generation time).
 */
function standardNoise(): Float32Array {
  if (noiseTable) return noiseTable;
  const rng = createRng('noise-table');
  noiseTable = new Float32Array(1 << NOISE_TABLE_BITS);
  for (let i = 0; i < noiseTable.length; i++) {
    // Box-Muller: exact normal values, computed only once.
    const u = 1 - rng.next();
    noiseTable[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(TAU * rng.next());
  }
  return noiseTable;
}

/**
 * Stored pixel values of one slice (signed, RescaleIntercept -1024, slope 1): the phantom,
 * blurred for soft kernels, with noise (stronger for bone kernels), clipped to BitsStored.
 */
export function renderSlice(input: SliceInput, bitsStored: 12 | 16): Int16Array {
  const clean = phantomSlice(input);
  const image = input.kernelKind === 'soft' ? blur(clean, input.grid.size) : clean;
  const sd = input.kernelKind === 'soft' ? 3.5 : 14;
  const min = bitsStored === 12 ? -2048 : -32768;
  const max = bitsStored === 12 ? 2047 : 32767;
  const table = standardNoise();
  const mask = table.length - 1;
  let at = input.rng.int(0, mask);
  const stride = 2 * input.rng.int(0, 2047) + 1;
  const out = new Int16Array(image.length);
  for (let i = 0; i < image.length; i++) {
    const hu = image[i]!;
    // Air is quieter than tissue in practice; keep the background calm.
    const noise = table[at]! * (hu < -900 ? sd * 0.5 : sd);
    at = (at + stride) & mask;
    const stored = Math.round(hu + noise + 1024);
    out[i] = stored < min ? min : stored > max ? max : stored;
  }
  return out;
}
