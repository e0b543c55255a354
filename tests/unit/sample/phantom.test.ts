/**
 * Findings are drawn where a radiologist would look: measured on the noise-free phantom of a
 * study with the finding and of the same head without it.
 */
import { describe, expect, it } from 'vitest';
import { buildGrid, headScale, type SliceGrid } from '../../../src/sample/geometry.ts';
import { HU, phantomSlice } from '../../../src/sample/phantom.ts';
import { planSample } from '../../../src/sample/plan.ts';
import { createRng } from '../../../src/sample/rng.ts';
import type { Lesion, StudyPlan } from '../../../src/sample/types.ts';

const { studies } = planSample({ studies: 400, seed: 99 });

function firstWith<K extends Lesion['kind']>(
  kind: K,
): { study: StudyPlan; lesion: Extract<Lesion, { kind: K }> } {
  for (const study of studies) {
    const lesion = study.lesions.find((l): l is Extract<Lesion, { kind: K }> => l.kind === kind);
    if (lesion) return { study, lesion };
  }
  throw new Error(`no ${kind} lesion in the plan`);
}

function slices(study: StudyPlan, z: number, lesions: readonly Lesion[] = study.lesions) {
  const grid = buildGrid(study.series[0]!, study.head);
  const image = phantomSlice({
    grid,
    head: study.head,
    lesions,
    z,
    kernelKind: 'soft',
    rng: createRng(0),
  });
  return { grid, image };
}

function mean(image: Float32Array, mask: (i: number) => boolean): { mean: number; count: number } {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < image.length; i++) {
    if (mask(i)) {
      sum += image[i]!;
      count += 1;
    }
  }
  return { mean: sum / count, count };
}

function angleOff(a: number, b: number): number {
  return Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));
}

/** Pixels just under the inner table within `halfAngle` of `angle`, `from`..`to` mm deep. */
function underSkull(
  grid: SliceGrid,
  z: number,
  angle: number,
  halfAngle: number,
  from: number,
  to: number,
) {
  return (i: number) => {
    const depth = grid.outerRadius[i]! * headScale(z) - grid.rho[i]! - grid.skullThickness[i]!;
    return depth > from && depth < to && angleOff(grid.theta[i]!, angle) < halfAngle;
  };
}

const BLOOD = [50, 90] as const;
const BRAIN_OR_CSF = [0, 45] as const;

describe('lesion placement', () => {
  it('draws a subdural crescent of blood along the inner table on the labelled side', () => {
    const { study, lesion } = firstWith('subdural');
    const z = lesion.zCenter;
    const region = underSkull(
      buildGrid(study.series[0]!, study.head),
      z,
      lesion.angle,
      lesion.halfAngle * 0.5,
      0.5,
      lesion.thickness * 0.6,
    );
    const sick = slices(study, z);
    const healthy = slices(study, z, []);
    const withBlood = mean(sick.image, region);
    expect(withBlood.count).toBeGreaterThan(10);
    expect(withBlood.mean).toBeGreaterThanOrEqual(BLOOD[0]);
    expect(withBlood.mean).toBeLessThanOrEqual(BLOOD[1]);
    const without = mean(healthy.image, region);
    expect(without.mean).toBeGreaterThanOrEqual(BRAIN_OR_CSF[0]);
    expect(without.mean).toBeLessThanOrEqual(BRAIN_OR_CSF[1]);
    // The labelled side: the patient's right is -x.
    const side = Math.cos(lesion.angle) < 0 ? 'R' : 'L';
    expect(side).toBe(lesion.side);
  });

  it('draws an epidural lens thickest at its centre', () => {
    const { study, lesion } = firstWith('epidural');
    const z = lesion.zCenter;
    const grid = buildGrid(study.series[0]!, study.head);
    const { image } = slices(study, z);
    const centre = mean(
      image,
      underSkull(grid, z, lesion.angle, 0.1, lesion.thickness * 0.5, lesion.thickness * 0.8),
    );
    const edge = mean(
      image,
      underSkull(
        grid,
        z,
        lesion.angle + lesion.halfAngle * 0.9,
        0.05,
        lesion.thickness * 0.5,
        lesion.thickness * 0.8,
      ),
    );
    expect(centre.mean).toBeGreaterThanOrEqual(BLOOD[0]);
    expect(edge.mean).toBeLessThan(BLOOD[0]);
  });

  it('fills an intracerebral hematoma with blood and leaves the same spot normal without it', () => {
    const { study, lesion } = firstWith('intracerebral');
    const [cx, cy, cz] = lesion.center;
    const grid = buildGrid(study.series[0]!, study.head);
    const core = (i: number) =>
      Math.hypot(grid.x[i]! - cx, grid.y[i]! - cy) <
      Math.min(lesion.radii[0], lesion.radii[1]) * 0.5;
    const sick = mean(slices(study, cz).image, core);
    const healthy = mean(slices(study, cz, []).image, core);
    expect(sick.count).toBeGreaterThan(3);
    expect(sick.mean).toBeGreaterThanOrEqual(BLOOD[0]);
    expect(healthy.mean).toBeLessThanOrEqual(BRAIN_OR_CSF[1]);
  });

  it('layers ventricular blood in the posterior horns only', () => {
    const { study } = firstWith('ventricular');
    const z = 18;
    const sick = slices(study, z).image;
    const healthy = slices(study, z, []).image;
    const { grid } = slices(study, z, []);
    // Ventricle pixels: CSF in the healthy head near the midline.
    const ventricle = (i: number) =>
      healthy[i]! === HU.csf && Math.abs(grid.x[i]!) < 25 && Math.abs(grid.y[i]!) < 35;
    const back = mean(sick, (i) => ventricle(i) && grid.y[i]! > 15);
    const front = mean(sick, (i) => ventricle(i) && grid.y[i]! < -5);
    expect(back.mean).toBeGreaterThanOrEqual(BLOOD[0] - 10);
    expect(front.mean).toBeLessThan(20);
  });

  it('fills the sulci with blood in subarachnoid hemorrhage', () => {
    const { study, lesion } = firstWith('subarachnoid');
    const z = 18;
    const healthy = slices(study, z, []).image;
    const sick = slices(study, z).image;
    // Pixels that are CSF in the healthy head and become blood with the finding.
    let csf = 0;
    let bloody = 0;
    for (let i = 0; i < healthy.length; i++) {
      if (healthy[i] !== HU.csf) continue;
      csf += 1;
      if (sick[i]! >= BLOOD[0]) bloody += 1;
    }
    expect(bloody / csf).toBeGreaterThan(lesion.pattern === 'diffuse' ? 0.3 : 0.05);
  });

  it('breaks the skull ring along a fracture line', () => {
    const { study, lesion } = firstWith('fracture');
    const z = lesion.zCenter;
    const grid = buildGrid(study.series[0]!, study.head);
    const healthy = slices(study, z, []).image;
    const sick = slices(study, z).image;
    // Bone pixels of the healthy head near the line that are no longer bone.
    const near = (i: number) => healthy[i]! > 500 && angleOff(grid.theta[i]!, lesion.angle) < 0.35;
    let bone = 0;
    let broken = 0;
    for (let i = 0; i < healthy.length; i++) {
      if (!near(i)) continue;
      bone += 1;
      if (sick[i]! < 200) broken += 1;
    }
    expect(bone).toBeGreaterThan(5);
    expect(broken).toBeGreaterThan(0);
    // Far from the fracture the ring is intact.
    const far = (i: number) =>
      healthy[i]! > 500 && angleOff(grid.theta[i]!, lesion.angle + Math.PI) < 0.35;
    expect(mean(sick, far).mean).toBeGreaterThan(500);
  });

  it('keeps a normal head normal: bone ring, brain, CSF and air in their ranges', () => {
    const normal = studies.find((s) => !s.pathology)!;
    const { image, grid } = slices(normal, 18);
    const centre = grid.size * (grid.size / 2) + grid.size / 2;
    expect(image[0]).toBe(HU.air);
    expect(Math.max(...image)).toBeGreaterThan(1000);
    const parenchyma = mean(image, (i) => image[i]! > 20 && image[i]! < 45);
    expect(parenchyma.count).toBeGreaterThan(2000);
    expect(Number.isFinite(image[centre])).toBe(true);
    expect(mean(image, (i) => image[i]! >= BLOOD[0] && image[i]! <= BLOOD[1]).count).toBe(0);
  });
});
