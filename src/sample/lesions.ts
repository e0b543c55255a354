/**
 * Which findings a pathological study has, and where each one lies. The mix is invented but
 * plausible for an emergency head-CT cohort: subdural, subarachnoid and intracerebral bleeds are
 * common, epidural ones rare and usually with a fracture, ventricular breakthrough mostly from an
 * intracerebral hematoma.
 */
import type { Rng } from './rng.ts';
import type { Findings, Lesion, Side } from './types.ts';

export type HemorrhageKind = 'epidural' | 'subarachnoid' | 'subdural' | 'intracerebral';

const PRIMARY_MIX: readonly (readonly [HemorrhageKind, number])[] = [
  ['subdural', 33],
  ['intracerebral', 30],
  ['subarachnoid', 27],
  ['epidural', 10],
];
/** Chance that a study with another primary bleed also has this one. */
const SECONDARY_CHANCE: Record<HemorrhageKind, number> = {
  subdural: 0.18,
  subarachnoid: 0.28,
  intracerebral: 0.1,
  epidural: 0.04,
};

/**
 * Turns an angle measured from the lateral direction (negative = towards the front) into an
 * absolute angle on the given side.
 */
function onSide(side: Side, fromLateral: number): number {
  // Anterior is -y, i.e. angle -pi/2. On the left (angle 0) frontward is negative; on the
  // right (angle pi) frontward is positive (towards 3pi/2).
  return side === 'L' ? fromLateral : Math.PI - fromLateral;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Every slice plan spans roughly z = -24..60 mm; the middle slice (the cover) is near z = 18. */
export function planLesions(rng: Rng): { findings: Findings; lesions: Lesion[] } {
  const kinds = new Set<HemorrhageKind>([rng.weighted(PRIMARY_MIX)]);
  for (const kind of Object.keys(SECONDARY_CHANCE) as HemorrhageKind[]) {
    if (!kinds.has(kind) && rng.chance(SECONDARY_CHANCE[kind])) kinds.add(kind);
  }
  const side: Side = rng.chance(0.5) ? 'R' : 'L';
  const lesions: Lesion[] = [];

  if (kinds.has('epidural')) {
    lesions.push({
      kind: 'epidural',
      side,
      angle: onSide(side, rng.range(-0.5, 0.2)),
      halfAngle: rng.range(0.42, 0.6),
      thickness: round1(rng.range(10, 17)),
      zCenter: rng.range(12, 26),
      zHalf: rng.range(20, 28),
      hu: rng.int(66, 82),
    });
  }
  if (kinds.has('subdural')) {
    // With an epidural on one side, a subdural is often contre-coup: the other side.
    const sdSide: Side = kinds.has('epidural') ? (side === 'R' ? 'L' : 'R') : side;
    lesions.push({
      kind: 'subdural',
      side: sdSide,
      angle: onSide(sdSide, rng.range(-0.25, 0.25)),
      halfAngle: rng.range(0.95, 1.3),
      thickness: round1(rng.range(6, 12)),
      zCenter: rng.range(14, 28),
      zHalf: rng.range(38, 48),
      hu: rng.int(58, 72),
    });
  }
  if (kinds.has('subarachnoid')) {
    const diffuse = rng.chance(0.45);
    lesions.push({
      kind: 'subarachnoid',
      pattern: diffuse ? 'diffuse' : 'convexity',
      side,
      angle: onSide(side, rng.range(-0.4, 0.4)),
      halfAngle: rng.range(0.7, 1.1),
      zCenter: diffuse ? 18 : rng.range(18, 30),
      zHalf: diffuse ? 80 : rng.range(30, 40),
      hu: rng.int(58, 72),
    });
  }
  if (kinds.has('intracerebral')) {
    const site = rng.weighted([
      ['basal-ganglia', 45],
      ['frontal', 15],
      ['temporal', 12],
      ['parietal', 16],
      ['occipital', 12],
    ] as const);
    const ichSide: Side = rng.chance(0.5) ? 'R' : 'L';
    const sign = ichSide === 'L' ? 1 : -1;
    const center: [number, number, number] =
      site === 'basal-ganglia'
        ? [sign * rng.range(18, 24), rng.range(-4, 6), rng.range(12, 18)]
        : site === 'frontal'
          ? [sign * rng.range(14, 24), rng.range(-50, -38), rng.range(16, 26)]
          : site === 'temporal'
            ? [sign * rng.range(36, 44), rng.range(-10, 6), rng.range(10, 16)]
            : site === 'parietal'
              ? [sign * rng.range(26, 34), rng.range(10, 24), rng.range(20, 28)]
              : [sign * rng.range(12, 22), rng.range(46, 56), rng.range(12, 20)];
    lesions.push({
      kind: 'intracerebral',
      site,
      side: ichSide,
      center,
      radii: [round1(rng.range(9, 15)), round1(rng.range(10, 17)), round1(rng.range(10, 15))],
      lobePhase: rng.range(0, Math.PI * 2),
      edema: round1(rng.range(2.5, 4.5)),
      hu: rng.int(62, 85),
    });
  }

  const ventricular = kinds.has('intracerebral')
    ? rng.chance(0.35)
    : kinds.has('subarachnoid') && rng.chance(0.12);
  if (ventricular)
    lesions.push({ kind: 'ventricular', fill: rng.range(0.35, 0.55), hu: rng.int(56, 68) });

  const fractureChance = kinds.has('epidural') ? 0.75 : kinds.has('subdural') ? 0.15 : 0.06;
  const fracture = rng.chance(fractureChance);
  if (fracture) {
    const epidural = lesions.find((l) => l.kind === 'epidural');
    lesions.push({
      kind: 'fracture',
      side,
      angle: epidural
        ? epidural.angle + rng.range(-0.15, 0.15)
        : onSide(side, rng.range(-0.6, 0.5)),
      obliquity: rng.range(-0.08, 0.08),
      width: round1(rng.range(3.5, 4.5)),
      depression: round1(rng.range(3.5, 5.5)),
      zCenter: rng.range(12, 24),
      zHalf: rng.range(22, 30),
      scalpHematoma: round1(rng.range(6, 11)),
    });
  }

  const ischemic = rng.chance(0.1);
  if (ischemic) {
    const isSide: Side = rng.chance(0.5) ? 'R' : 'L';
    lesions.push({
      kind: 'ischemic',
      side: isSide,
      angle: onSide(isSide, rng.range(-0.2, 0.7)),
      halfAngle: rng.range(0.2, 0.3),
      depth: rng.range(22, 30),
      zCenter: rng.range(16, 30),
      zHalf: rng.range(16, 24),
      hu: rng.int(10, 16),
    });
  }

  const findings: Findings = {
    epidural: kinds.has('epidural'),
    subarachnoid: kinds.has('subarachnoid'),
    subdural: kinds.has('subdural'),
    intracerebral: kinds.has('intracerebral'),
    multiple: kinds.size >= 2,
    fracture,
    combined: fracture || ischemic,
    ventricular,
  };
  return { findings, lesions };
}

/** All labels false: a study without signs of hemorrhage. */
export function noFindings(): Findings {
  return {
    epidural: false,
    subarachnoid: false,
    subdural: false,
    intracerebral: false,
    multiple: false,
    fracture: false,
    combined: false,
    ventricular: false,
  };
}
