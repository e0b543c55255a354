/** The bench's printed report: plain-text tables of the figures and the targets. Pure. */
import type { BenchResult, BuildFigures, ScanFigure, TargetCheck } from './results.ts';
import type { Measured } from './stats.ts';

/**
 * Milliseconds as seconds with a sensible precision.
 *
 * @example
 * seconds(1234) // '1.23 s'
 * seconds(98765) // '98.8 s'
 */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

/**
 * Bytes as mebibytes.
 *
 * @example
 * mebibytes(3 * 1024 * 1024) // '3 MiB'
 */
export function mebibytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MiB`;
}

function spread(m: Measured, unit: (v: number) => string): string {
  return m.runs.length > 1 ? `${unit(m.median)} (${unit(m.min)}–${unit(m.max)})` : unit(m.median);
}

/**
 * Rows of cells as aligned columns (first column left-aligned, others right-aligned).
 *
 * @example
 * table([['a', '1'], ['bb', '22']]) // 'a    1\nbb  22'
 */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function scanRow(name: string, figure: ScanFigure | null): string[] {
  if (!figure) return [name, 'not measured', '', ''];
  return [
    name,
    spread(figure.ms, seconds),
    `${Math.round(figure.filesPerSecond)} files/s`,
    `${figure.mbPerSecond.toFixed(1)} MB/s`,
  ];
}

function buildRows(label: string, build: BuildFigures): string[][] {
  return [
    [
      `${label} total`,
      spread(build.totalMs, seconds),
      `peak ${spread(build.peakRssBytes, mebibytes)}`,
    ],
    ...Object.entries(build.stages).map(([stage, m]) => [`  ${stage}`, spread(m, seconds), '']),
  ];
}

function targetLine(t: TargetCheck): string {
  const op = t.direction === 'max' ? '≤' : '≥';
  const value = t.id === 'cold-build-seconds' ? t.value.toFixed(1) : t.value.toFixed(2);
  return `${t.pass ? 'PASS' : 'MISS'}  ${t.description}: ${value} (target ${op} ${t.limit})`;
}

/** The whole printed report. */
export function formatReport(result: BenchResult): string {
  const { machine, options } = result;
  const lines = [
    `Bench ${result.date}  commit ${result.git.sha}${result.git.dirty ? ' (uncommitted changes)' : ''}`,
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${mebibytes(machine.memoryBytes)} RAM, Node ${machine.node}, ${machine.platform}, load average at start ${machine.loadAverage.toFixed(2)}${machine.loadAverageAtEnd === undefined ? '' : `, at end ${machine.loadAverageAtEnd.toFixed(2)}`}`,
    `Runs: ${options.runs} (scan, thumbnails), ${options.buildRuns} (each build); median (min–max) shown. Concurrency ${options.concurrency}. Page cache: ${result.pageCache}.`,
  ];
  for (const size of result.sizes) {
    const scan = size.headerScan;
    const thumbs = size.thumbnails;
    lines.push(
      '',
      `== ${size.studies} studies: ${scan.files} files, ${mebibytes(scan.bytes)} ==`,
      'Header scan',
      table([
        ['', 'time', 'files/s', 'MB/s'],
        scanRow('  ours (imaging worker pool), warm cache', scan.ours),
        scanRow('  I/O floor (prefix reads), warm cache', scan.ioFloor),
        scanRow('  dcmdump (dcmtk), warm cache', scan.dcmdump),
        ...(scan.cold
          ? [
              scanRow('  ours, cold cache', scan.cold.ours),
              scanRow('  I/O floor, cold cache', scan.cold.ioFloor),
              scanRow('  dcmdump, cold cache', scan.cold.dcmdump),
            ]
          : []),
      ]),
      'Thumbnails',
      thumbs
        ? table([
            [
              `  ${thumbs.series} series, ${thumbs.slices} slices, ${thumbs.sheets} sheets`,
              spread(thumbs.ms, seconds),
              `${thumbs.slicesPerSecond.toFixed(1)} slices/s`,
            ],
            [
              '  WebP encoding per sheet (one thread)',
              spread(thumbs.encodeMsPerSheet, (v) => `${v.toFixed(1)} ms`),
              '',
            ],
          ])
        : '  not measured (--skip thumbnails)',
      'Checksums (SHA-256 of every file)',
      size.checksums
        ? table([
            ['', 'time', 'files/s', 'MB/s'],
            scanRow(`  ours (pool of ${size.checksums.concurrency}, started)`, size.checksums.ours),
            scanRow('  GNU sha256sum, 1 process', size.checksums.gnu),
            scanRow(
              `  GNU sha256sum, ${size.checksums.concurrency} processes`,
              size.checksums.gnuParallel,
            ),
            [
              '  starting the pool (once per build)',
              spread(size.checksums.poolStartMs, seconds),
              '',
              '',
            ],
          ])
        : '  not measured (--skip checksums)',
      'Whole build',
      size.build
        ? table([...buildRows('  cold', size.build.cold), ...buildRows('  warm', size.build.warm)])
        : '  not measured (--skip builds)',
    );
  }
  lines.push('', 'Targets', ...result.targets.map(targetLine));
  return lines.join('\n');
}
