/**
 * Two result files side by side (`npm run bench -- --compare <before.json> [--to <after.json>]`):
 * every figure both measured, before → after, and how much it moved, so a commit's effect on
 * speed is read in one table. Pure: results in, text out.
 */
import { table } from './format.ts';
import { RESULT_SCHEMA, type BenchResult, type SizeFigures } from './results.ts';

/** One comparable figure of one dataset size; its name ends with its unit. */
export interface Figure {
  name: string;
  value: number;
  /** Which way is an improvement. */
  better: 'higher' | 'lower';
}

type Unit = 's' | 'files/s' | 'slices/s' | 'ms' | 'MiB';

/**
 * The figures of one dataset size, in report order, keyed by a stable name.
 *
 * @example
 * sizeFigures(size)[0]?.name // 'scan ours, warm (files/s)'
 */
export function sizeFigures(size: SizeFigures): Figure[] {
  const figures: Figure[] = [];
  const add = (name: string, value: number, unit: Unit, better: Figure['better']) =>
    figures.push({ name: `${name} (${unit})`, value, better });
  const scan = size.headerScan;
  for (const [cache, comparison] of [
    ['warm', scan],
    ['cold', scan.cold],
  ] as const) {
    if (!comparison) continue;
    add(`scan ours, ${cache}`, comparison.ours.filesPerSecond, 'files/s', 'higher');
    add(`scan I/O floor, ${cache}`, comparison.ioFloor.filesPerSecond, 'files/s', 'higher');
    if (comparison.dcmdump) {
      add(`scan dcmdump, ${cache}`, comparison.dcmdump.filesPerSecond, 'files/s', 'higher');
    }
  }
  if (size.thumbnails) {
    add('thumbnails', size.thumbnails.slicesPerSecond, 'slices/s', 'higher');
    add('WebP encoding per sheet', size.thumbnails.encodeMsPerSheet.median, 'ms', 'lower');
  }
  if (size.checksums) {
    add('checksums ours', size.checksums.ours.filesPerSecond, 'files/s', 'higher');
    add('checksums GNU sha256sum', size.checksums.gnuParallel.filesPerSecond, 'files/s', 'higher');
  }
  if (size.build) {
    for (const kind of ['cold', 'warm'] as const) {
      const build = size.build[kind];
      add(`${kind} build`, build.totalMs.median / 1000, 's', 'lower');
      for (const [stage, measured] of Object.entries(build.stages)) {
        add(`${kind} build: ${stage}`, measured.median / 1000, 's', 'lower');
      }
      add(`${kind} build peak memory`, build.peakRssBytes.median / 2 ** 20, 'MiB', 'lower');
    }
  }
  return figures;
}

/** Parses a result file's text, refusing anything that is not a bench result of this schema. */
export function parseResult(text: string, file: string): BenchResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : error})`, {
      cause: error,
    });
  }
  const schema = (value as { schema?: unknown } | null)?.schema;
  if (schema !== RESULT_SCHEMA) {
    throw new Error(`${file}: not a bench result of schema ${RESULT_SCHEMA} (schema: ${schema})`);
  }
  return value as BenchResult;
}

function formatValue(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

/**
 * The change from `before` to `after` in words a reader scans for: `1.52× better`,
 * `1.10× worse`, or `same` within ±2%. Whether a change is more than the machine's noise is
 * for the reader to judge from each figure's min–max in the files.
 *
 * @example
 * change({ value: 10, better: 'lower' }, 5) // '2.00× better'
 */
export function change(before: Pick<Figure, 'value' | 'better'>, after: number): string {
  if (before.value === 0 || after === 0) return before.value === after ? 'same' : 'n/a';
  const ratio = after / before.value;
  const improvement = before.better === 'higher' ? ratio : 1 / ratio;
  if (Math.abs(improvement - 1) < 0.02) return 'same';
  return improvement > 1
    ? `${improvement.toFixed(2)}× better`
    : `${(1 / improvement).toFixed(2)}× worse`;
}

/** One run's commit, date and machine, on one line. */
function describeRun(result: BenchResult): string {
  const { git, date, machine } = result;
  return `${git.sha}${git.dirty ? '+' : ''} ${date.slice(0, 16)} (${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAverage.toFixed(2)})`;
}

/** The printed comparison of two result files. */
export function formatComparison(before: BenchResult, after: BenchResult): string {
  const lines = [`Before: ${describeRun(before)}`, `After:  ${describeRun(after)}`];
  if (
    before.machine.cpuModel !== after.machine.cpuModel ||
    before.machine.cores !== after.machine.cores
  ) {
    lines.push('Note: different machines; the ratios compare machines as much as commits.');
  }
  for (const afterSize of after.sizes) {
    const beforeSize = before.sizes.find((s) => s.studies === afterSize.studies);
    if (!beforeSize) continue;
    const old = new Map(sizeFigures(beforeSize).map((f) => [f.name, f]));
    const rows = sizeFigures(afterSize)
      .filter((f) => old.has(f.name))
      .map((f) => {
        const was = old.get(f.name)!;
        return [`  ${f.name}`, formatValue(was.value), formatValue(f.value), change(was, f.value)];
      });
    lines.push('', `== ${afterSize.studies} studies ==`);
    lines.push(
      rows.length > 0
        ? table([['', 'before', 'after', ''], ...rows])
        : '  no figure measured in both',
    );
  }
  const oldTargets = new Map(before.targets.map((t) => [t.id, t]));
  const targetRows = after.targets
    .filter((t) => oldTargets.has(t.id))
    .map((t) => {
      const was = oldTargets.get(t.id)!;
      const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');
      return [
        `  ${t.id}`,
        `${formatValue(was.value)} ${verdict(was.pass)}`,
        `${formatValue(t.value)} ${verdict(t.pass)}`,
        `${t.direction === 'max' ? '≤' : '≥'} ${t.limit}`,
      ];
    });
  if (targetRows.length > 0) {
    lines.push('', 'Targets', table([['', 'before', 'after', 'target'], ...targetRows]));
  }
  return lines.join('\n');
}
