/**
 * The phantom below the brain's widest level: the skull base, orbits, sinuses and posterior
 * fossa that a head CT's low slices show. Schematic but in the right places: orbits with globes,
 * lenses and retro-orbital fat in front; ethmoid cells and the nasal septum between them; the
 * sphenoid sinus behind; the petrous ridges with mastoid air cells; brainstem and cerebellum in
 * the posterior fossa; below about -60 mm the foramen magnum with the medulla and the face
 * (maxillary sinuses) in front. Coordinates are head-centred millimetres (x to the patient's
 * left, y to the back, z up); `a` and `b` are the skull's outer semi-axes at this level.
 */
import { inEllipse, segmentDistance, zProfile } from './geometry.ts';

const BONE = 1400;
const DENSE_BONE = 1900;
const AIR = -950;
const FAT = -95;
const GLOBE = 12;
const LENS = 95;
const SOFT = 40;
const CSF = 7;
const BRAINSTEM = 31;
const CEREBELLUM = 36;

/** The lowest z at which the ordinary brain model is used unchanged. */
export const SKULL_BASE_TOP = -20;

/** Air cells with thin bony septa (ethmoid, mastoid): a honeycomb. */
function cells(x: number, y: number, size: number): number {
  // Warped so that the cells are uneven, as real ones are.
  const u = Math.sin(((x + 1.3 * Math.sin(y * 0.7)) * Math.PI) / size);
  const v = Math.sin(((y + 1.1 * Math.sin(x * 0.9)) * Math.PI) / size);
  return Math.abs(u * v) < 0.12 ? BONE : AIR;
}

interface BaseLevel {
  z: number;
  a: number;
  b: number;
  /** Front of the skull (y of its outer surface, negative). */
  front: number;
}

/** Orbit contents (globe, lens, fat) at this level, or NaN: may lie over the skull's front. */
export function orbitHu(x: number, y: number, level: BaseLevel): number {
  const { z, a, front } = level;
  const globe = zProfile(z, -40, 12);
  if (globe === 0 && zProfile(z, -42, 16) === 0) return NaN;
  const cx = (x < 0 ? -1 : 1) * 0.45 * a;
  const cy = front + 11;
  const r = 12 * globe;
  const dx = x - cx;
  const dy = y - cy;
  if (r > 0 && dx * dx + dy * dy < r * r) {
    return dy < -r + 3.5 && Math.abs(dx) < 4 * globe ? LENS : GLOBE;
  }
  // The fat cone behind the globe narrows to the apex near the midline.
  const apexX = (x < 0 ? -1 : 1) * 13;
  const apexY = front + 50;
  const cone = zProfile(z, -42, 15);
  if (cone > 0 && y > cy - 6 && y < apexY) {
    const f = (y - cy) / (apexY - cy);
    const axis = cx + (apexX - cx) * Math.max(0, f);
    const half = (15 - 12 * Math.max(0, f)) * cone;
    if (Math.abs(x - axis) < half) return FAT;
    if (Math.abs(x - axis) < half + 1.6) return BONE; // the orbit's walls
  }
  return NaN;
}

/**
 * HU of a point inside the skull at a low level, or NaN where the ordinary brain model applies
 * (the temporal lobes of the middle cranial fossa, the frontal lobes above the orbital roofs).
 */
export function skullBaseHu(x: number, y: number, level: BaseLevel): number {
  const { z, a, b, front } = level;
  const ax = x < 0 ? -x : x;
  const orbit = orbitHu(x, y, level);
  if (!Number.isNaN(orbit)) return orbit;

  // Foramen magnum level and below: the face in front, the medulla in its ring of bone behind.
  if (z < -60) {
    if (inEllipse(x, y, 0, 22, 8, 7)) return BRAINSTEM;
    if (inEllipse(x, y, 0, 22, 13, 12)) return CSF;
    if (inEllipse(x, y, 0, 22, 17, 16)) return BONE; // the rim of the foramen magnum
    if (y < 0) {
      if (inEllipse(ax, y, 0.3 * a, front + 28, 10, 12)) return AIR; // maxillary sinus
      if (inEllipse(ax, y, 0.3 * a, front + 28, 11.5, 13.5)) return BONE;
      if (ax < 8 && y < front + 40 && y > front + 6) return ax < 1 ? BONE : AIR; // nasal cavity
      if (inEllipse(x, y, 0, 4, 9, 6)) return DENSE_BONE; // clivus
    }
    return SOFT; // muscles of the neck and the face
  }

  // Ethmoid air cells and nasal septum between the orbits; the sphenoid sinus behind them.
  const ethmoid = zProfile(z, -44, 16);
  if (ethmoid > 0 && ax < 11 * ethmoid && y < front + 42 && y > front + 4) {
    return ax < 0.9 ? BONE : cells(x, y, 4.5);
  }
  const sphenoid = zProfile(z, -46, 10);
  if (sphenoid > 0) {
    if (inEllipse(x, y, 0, front + 56, 15 * sphenoid, 10 * sphenoid)) return AIR;
    if (inEllipse(x, y, 0, front + 56, 17 * sphenoid + 1, 12 * sphenoid + 1)) return BONE;
  }
  // Anterior cranial fossa floor (orbital roofs, cribriform plate) just above the orbits.
  // The orbital roofs bulge up into the frontal lobes as two domes of bone either side of the
  // crista galli; an axial slice cuts them as bone islands in front.
  const roof = zProfile(z, -28, 5);
  if (roof > 0 && y < front + 40) {
    if (ax < 1.5 && y > front + 8) return BONE; // crista galli
    if (inEllipse(ax, y, 0.42 * a, front + 18, 13 * roof, 11 * roof)) {
      return inEllipse(ax, y, 0.42 * a, front + 18, 13 * roof - 2, 11 * roof - 2) ? FAT : BONE;
    }
  }

  // Petrous ridges: dense bone from near the clivus out and back, mastoid cells at their ends.
  const petrous = zProfile(z, -40, 11);
  if (petrous > 0) {
    const d = segmentDistance(ax, y, 15, 2, 0.78 * a, 28);
    if (d < 6 * petrous) return DENSE_BONE;
    if (inEllipse(ax, y, 0.8 * a, 36, 10 * petrous, 9 * petrous)) return cells(x, y, 3.5);
  }
  // Clivus and dorsum sellae in the midline.
  const clivus = zProfile(z, -42, 18);
  if (clivus > 0 && inEllipse(x, y, 0, 0, 8 * clivus, 5)) return DENSE_BONE;

  // The posterior fossa: behind the petrous ridges and the clivus.
  const behind = y > 4 + 0.9 * Math.max(0, ax - 15);
  if (behind && z < -22) {
    const stem = inEllipse(x, y, 0, 14, 12 - Math.max(0, -z - 40) * 0.15, 10);
    if (stem) return BRAINSTEM;
    if (inEllipse(x, y, 0, 24, 16, 12)) return CSF; // prepontine / ambient cisterns
    if (inEllipse(x, y, 0, b - 10, 6, 8)) return CSF; // cisterna magna
    // Cerebellar folia: fine white-matter stripes in the grey cortex.
    const fold = Math.sin(y * 1.4 + 3 * Math.sin(x * 0.12) + Math.sin(x * 0.5));
    return fold > 0.75 ? 30 : CEREBELLUM;
  }
  return NaN;
}

export type { BaseLevel };
