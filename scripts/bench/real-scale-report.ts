/**
 * The real-scale figure's shape, its targets and its text (pure; measured by real-scale.ts).
 * Ours is held against the encode floor (libwebp encoding our own sheets alone) and two peers:
 * the bilinear one (window first, Pillow's bilinear resize: the cheapest reasonable script),
 * which the targets use, and the Lanczos one (scale the HU image first, window after).
 */
import { formatRenderSteps, type RenderSteps } from './render-steps.ts';
import type { Measured } from './stats.ts';
import { check, type TargetCheck } from './target-check.ts';

/** Studies the projection is made for: the real dataset's size. */
export const REAL_STUDIES = 800;

export const PEER_VARIANTS = ['bilinear', 'lanczos'] as const;
export type PeerVariant = (typeof PEER_VARIANTS)[number];

/** Imaging stage / bilinear peer, and whole cold build / bilinear peer, at most. */
export const REAL_SCALE_LIMITS = { imaging: 0.7, build: 1.0, peakMemoryBytes: 2 * 2 ** 30 };

export type Contender = 'ours' | 'floor' | `peer-${PeerVariant}`;

export interface RealScaleFigures {
  studies: number;
  matrix: number;
  files: number;
  series: number;
  datasetBytes: number;
  /** Bytes the imaging work must read: every header (a 16 KB prefix) and the rendered slices whole. */
  ioFloorBytes: number;
  ours: {
    buildMs: Measured;
    /** User + system CPU of the whole build, workers included (GNU time): steadier than wall on a shared machine. */
    buildCpuMs?: Measured;
    imagingMs: Measured;
    peakRssBytes: number;
    /** Median of each stage over the runs. */
    stages: { stage: string; ms: number }[];
    /** Bytes of the sprite sheets and covers a build publishes (generated/thumbs). */
    thumbsBytes: number;
    /** Where the render time goes (each figure's median over the runs; null when no profile was written). */
    steps: RenderSteps | null;
  };
  /** libwebp (sharp) encoding our own sheets alone, all cores: null when no sheet was found. */
  floor: { ms: Measured; sheets: number } | null;
  /** Each peer variant's time, null when the peer could not run. */
  peers: Record<PeerVariant, { ms: Measured; cpuMs?: Measured; slices: number } | null>;
  /** Every run, in the order they ran (rounds alternate: ABCD, DCBA, ...). */
  runs: { who: Contender; ms: number; imagingMs?: number; cpuMs?: number }[];
  peerNote: string | null;
}

/**
 * The real-scale targets: ours against the bilinear peer (imaging stage and whole cold build,
 * medians), and peak memory; without the peer, memory only.
 */
export function realScaleTargets(f: RealScaleFigures): TargetCheck[] {
  const n = `real scale, ${f.studies} studies at ${f.matrix}`;
  const checks: TargetCheck[] = [];
  const peer = f.peers.bilinear;
  if (peer) {
    checks.push(
      check(
        'real-scale-imaging-vs-bilinear-peer',
        `${n}: our imaging stage / the bilinear peer (medians)`,
        f.ours.imagingMs.median / peer.ms.median,
        REAL_SCALE_LIMITS.imaging,
        'max',
      ),
      check(
        'real-scale-build-vs-bilinear-peer',
        `${n}: our whole cold build / the bilinear peer (medians)`,
        f.ours.buildMs.median / peer.ms.median,
        REAL_SCALE_LIMITS.build,
        'max',
      ),
    );
  }
  checks.push(
    check(
      'real-scale-peak-memory',
      `${n}: peak memory of the build, bytes`,
      f.ours.peakRssBytes,
      REAL_SCALE_LIMITS.peakMemoryBytes,
      'max',
    ),
  );
  return checks;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const range = (m: Measured) =>
  `${seconds(m.median)} (${(m.min / 1000).toFixed(1)}–${(m.max / 1000).toFixed(1)})`;

/** The real-scale figures, their targets and the projection to 800 studies, as text. */
export function formatRealScale(f: RealScaleFigures): string {
  const rounds = f.runs.filter((r) => r.who === 'ours').length;
  const lines = [
    `Real scale: ${f.studies} studies, ${f.matrix}×${f.matrix}, ${f.series} series, ${f.files} files, ${mib(f.datasetBytes)} (page cache warm; medians (min–max) of ${rounds} rounds, the contenders alternating)`,
    `  bytes the imaging work must read (headers + rendered slices): ${mib(f.ioFloorBytes)}`,
    `  ours: imaging stage ${range(f.ours.imagingMs)}, whole cold build ${range(f.ours.buildMs)}, peak memory ${mib(f.ours.peakRssBytes)}, thumbs ${(f.ours.thumbsBytes / 1e6).toFixed(1)} MB`,
    `        stages: ${f.ours.stages.map((s) => `${s.stage} ${seconds(s.ms)}`).join(', ')}`,
  ];
  if (f.floor) {
    lines.push(
      `  encode floor (libwebp via sharp, our ${f.floor.sheets} sheets alone, all cores): ${range(f.floor.ms)}; imaging / floor ${(f.ours.imagingMs.median / f.floor.ms.median).toFixed(2)}`,
    );
  }
  for (const variant of PEER_VARIANTS) {
    const peer = f.peers[variant];
    if (!peer) continue;
    lines.push(
      `  peer, ${variant} (pydicom + numpy + Pillow + GDCM, all cores): ${range(peer.ms)}; imaging / peer ${(f.ours.imagingMs.median / peer.ms.median).toFixed(2)}, build / peer ${(f.ours.buildMs.median / peer.ms.median).toFixed(2)}`,
    );
    const oursCpu = f.ours.buildCpuMs?.median;
    if (peer.cpuMs && oursCpu !== undefined && Number.isFinite(oursCpu)) {
      lines.push(
        `        CPU: whole build ${seconds(oursCpu)} vs peer ${seconds(peer.cpuMs.median)} (${(oursCpu / peer.cpuMs.median).toFixed(2)}; steadier than wall when the machine is shared)`,
      );
    }
  }
  if (f.peerNote) lines.push(`  ${f.peerNote}`);
  for (const target of realScaleTargets(f)) {
    const value = target.id.endsWith('memory') ? mib(target.value) : target.value.toFixed(2);
    const limit = target.id.endsWith('memory') ? mib(target.limit) : String(target.limit);
    lines.push(
      `  ${target.description}: ${value} (target ≤ ${limit}): ${target.pass ? 'pass' : 'MISS'}`,
    );
  }
  const scale = REAL_STUDIES / f.studies;
  const peer = f.peers.bilinear;
  lines.push(
    `  projected to ${REAL_STUDIES} studies: imaging ${seconds(f.ours.imagingMs.median * scale)}, build ${seconds(f.ours.buildMs.median * scale)}${peer ? `, bilinear peer ${seconds(peer.ms.median * scale)}` : ''}`,
    `  runs in order: ${f.runs.map((r) => `${r.who} ${seconds(r.imagingMs ?? r.ms)}`).join(', ')} (ours: imaging stage)`,
  );
  if (f.ours.steps) lines.push(...formatRenderSteps(f.ours.steps).map((line) => `  ${line}`));
  return lines.join('\n');
}
