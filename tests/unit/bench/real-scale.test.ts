/**
 * The real-scale figure's pure parts: its targets against the bilinear peer, the report a
 * reader checks the floor and both peers in, the alternating order, and the render steps
 * summed over the workers.
 */
import { describe, expect, it } from 'vitest';
import { roundOrder } from '../../../scripts/bench/real-scale.ts';
import {
  formatRealScale,
  realScaleTargets,
  type RealScaleFigures,
} from '../../../scripts/bench/real-scale-report.ts';
import { medianSteps, stepCpuMs, sumProfiles } from '../../../scripts/bench/render-steps.ts';
import { summarize } from '../../../scripts/bench/stats.ts';
import type { RenderProfile } from '../../../src/pipeline/imaging/render/step-profile.ts';

function profile(scale: number, libvipsCpuMs: number, series = 40): RenderProfile {
  const step = (ms: number) => ({ wallMs: ms * scale * 1.2, cpuMs: ms * scale });
  return {
    series,
    steps: {
      read: step(100),
      decode: step(2000),
      resample: step(500),
      window: step(300),
      encode: step(50),
      write: step(20),
    },
    libvipsCpuMs,
  };
}

function figures(
  over: { imaging?: number; build?: number; bilinear?: number | null; peak?: number } = {},
): RealScaleFigures {
  const imaging = over.imaging ?? 10_000;
  const build = over.build ?? 14_000;
  const bilinear = over.bilinear === undefined ? 16_000 : over.bilinear;
  return {
    studies: 40,
    matrix: 512,
    files: 9600,
    series: 80,
    datasetBytes: 4 * 2 ** 30,
    ioFloorBytes: 2 ** 30,
    ours: {
      buildMs: summarize([build, build + 400]),
      buildCpuMs: summarize([30_000, 31_000]),
      imagingMs: summarize([imaging, imaging + 200]),
      peakRssBytes: over.peak ?? 900 * 2 ** 20,
      stages: [{ stage: 'imaging', ms: imaging + 100 }],
      thumbsBytes: 73_000_000,
      steps: sumProfiles(new Map([['7-1.json', profile(1, 8000)]])),
    },
    floor: { ms: summarize([8000, 8200]), sheets: 560 },
    peers: {
      bilinear:
        bilinear === null
          ? null
          : { ms: summarize([bilinear, bilinear]), cpuMs: summarize([40_000]), slices: 2000 },
      lanczos: { ms: summarize([17_000, 18_000]), slices: 2000 },
    },
    runs: [],
    peerNote: bilinear === null ? 'peers skipped' : null,
  };
}

const byId = (f: RealScaleFigures, id: string) => {
  const found = realScaleTargets(f).find((t) => t.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('real-scale targets', () => {
  it('hold the imaging stage to 0.7× and the whole build to 1.0× the bilinear peer (medians)', () => {
    const f = figures({ imaging: 11_000, build: 15_800, bilinear: 16_000 });
    // medians: imaging 11.1 s, build 16.0 s, peer 16 s
    expect(byId(f, 'real-scale-imaging-vs-bilinear-peer').value).toBeCloseTo(11_100 / 16_000);
    expect(byId(f, 'real-scale-imaging-vs-bilinear-peer').pass).toBe(true);
    expect(byId(f, 'real-scale-build-vs-bilinear-peer').value).toBeCloseTo(1);
    expect(byId(f, 'real-scale-build-vs-bilinear-peer').pass).toBe(true);
  });

  it('miss each on its own', () => {
    const slowImaging = figures({ imaging: 12_000, build: 14_000 });
    expect(byId(slowImaging, 'real-scale-imaging-vs-bilinear-peer').pass).toBe(false);
    expect(byId(slowImaging, 'real-scale-build-vs-bilinear-peer').pass).toBe(true);
    const slowBuild = figures({ imaging: 10_000, build: 16_500 });
    expect(byId(slowBuild, 'real-scale-imaging-vs-bilinear-peer').pass).toBe(true);
    expect(byId(slowBuild, 'real-scale-build-vs-bilinear-peer').pass).toBe(false);
    expect(byId(figures({ peak: 3 * 2 ** 30 }), 'real-scale-peak-memory').pass).toBe(false);
  });

  it('check only memory when the peers could not run', () => {
    expect(realScaleTargets(figures({ bilinear: null })).map((t) => t.id)).toEqual([
      'real-scale-peak-memory',
    ]);
  });
});

describe('the real-scale report', () => {
  it('shows ours, the floor and both peers with medians and ranges, and each verdict', () => {
    const text = formatRealScale(figures({ imaging: 12_000 }));
    expect(text).toContain('imaging stage 12.1 s (12.0–12.2)');
    expect(text).toContain(
      'encode floor (libwebp via sharp, our 560 sheets alone, all cores): 8.1 s (8.0–8.2)',
    );
    expect(text).toContain('peer, bilinear');
    expect(text).toContain('peer, lanczos');
    expect(text).toMatch(
      /imaging stage \/ the bilinear peer \(medians\): 0\.76 \(target ≤ 0\.7\): MISS/,
    );
    expect(text).toContain('thumbs 73.0 MB');
    expect(text).toContain('CPU: whole build 30.5 s vs peer 40.0 s (0.76');
  });

  it('lists every render step with its CPU and wall seconds', () => {
    const text = formatRealScale(figures());
    for (const step of ['read', 'decode', 'resample', 'window', 'encode', 'write']) {
      expect(text).toMatch(new RegExp(`\\b${step}\\s+\\d+\\.\\d CPU\\s+\\d+\\.\\d wall`));
    }
    expect(text).toMatch(/encode\s+8\.0 CPU/); // libvips' threads, not the waiting render thread
  });
});

describe('rounds', () => {
  it('alternate forward and backward', () => {
    const who = ['ours', 'floor', 'peer'];
    expect([0, 1, 2].flatMap((round) => roundOrder(round, who))).toEqual([
      'ours',
      'floor',
      'peer',
      'peer',
      'floor',
      'ours',
      'ours',
      'floor',
      'peer',
    ]);
  });
});

describe('render steps', () => {
  it('sum over the workers, counting the process-wide libvips time once per process', () => {
    const steps = sumProfiles(
      new Map([
        ['7-1.json', profile(1, 5000, 30)],
        ['7-2.json', profile(2, 6000, 50)],
        ['9-1.json', profile(1, 1000, 10)],
      ]),
    );
    expect(steps.series).toBe(90);
    expect(steps.workers).toBe(3);
    expect(steps.steps.decode.cpuMs).toBe(2000 * 4);
    expect(steps.steps.decode.wallMs).toBeCloseTo(2000 * 4 * 1.2);
    expect(stepCpuMs(steps, 'encode')).toBe(6000 + 1000);
    expect(stepCpuMs(steps, 'read')).toBe(400);
  });

  it('take each figure’s median over several builds', () => {
    const runs = [1, 3, 2].map((k) => sumProfiles(new Map([['1-1.json', profile(k, k * 1000)]])));
    const median = medianSteps(runs);
    expect(median.steps.decode.cpuMs).toBe(4000);
    expect(median.encodeCpuMs).toBe(2000);
  });
});
