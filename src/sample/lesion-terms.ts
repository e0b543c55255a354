/**
 * The lesions that reach one slice, reduced to plain numbers for the phantom's pixel loop.
 */
import { zProfile } from './geometry.ts';
import type { Lesion } from './types.ts';

export interface ExtraAxial {
  lens: boolean;
  angle: number;
  halfAngle: number;
  thickness: number;
  hu: number;
}
export interface Hematoma {
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
export interface FractureLine {
  angle: number;
  obliquity: number;
  halfWidth: number;
  swell: number;
  depression: number;
}
export interface Wedge {
  angle: number;
  halfAngle: number;
  depth: number;
  hu: number;
}

/**
 * The lesions that reach this slice, reduced to plain numbers. The pixel loop then touches only
 * monomorphic objects, which keeps it fast (lesion unions in the hot loop cost several times more).
 */
export function lesionsAt(lesions: readonly Lesion[], z: number) {
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
