/**
 * Reading the figures of one `scripts/build.ts` run: its "Time per stage" summary (stdout) and
 * the peak memory GNU time wrote. Pure: text in, numbers out.
 */

/** One stage's time from the build's own summary. */
export interface StageTime {
  stage: string;
  ms: number;
}

/**
 * Parses a duration as `formatDuration` (scripts/lib/progress-display.ts) prints it.
 *
 * @example
 * parseDuration('1.5 s') // 1500
 * parseDuration('2 min 5 s') // 125000
 * parseDuration('830 ms') // 830
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  let match = /^(\d+(?:\.\d+)?) ms$/.exec(trimmed);
  if (match) return Number(match[1]);
  match = /^(\d+(?:\.\d+)?) s$/.exec(trimmed);
  if (match) return Number(match[1]) * 1000;
  match = /^(\d+) min (\d+) s$/.exec(trimmed);
  if (match) return (Number(match[1]) * 60 + Number(match[2])) * 1000;
  throw new SyntaxError(`not a duration: "${text}"`);
}

/**
 * The stages listed under "Time per stage:" in the build's summary, in run order, without the
 * total line. Throws when the summary is absent (the build failed or changed its output).
 *
 * @example
 * parseStageTimes('Time per stage:\n  sample  1.0 s\n  total   1.0 s\n')
 * // [{ stage: 'sample', ms: 1000 }]
 */
export function parseStageTimes(stdout: string): StageTime[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.trim() === 'Time per stage:');
  if (start < 0) throw new SyntaxError('the build printed no "Time per stage:" summary');
  const stages: StageTime[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\S+)\s{2,}(.+)$/.exec(line);
    if (!match) break;
    const [, stage, duration] = match;
    if (stage === 'total') break;
    stages.push({ stage: stage!, ms: parseDuration(duration!) });
  }
  if (stages.length === 0) throw new SyntaxError('the "Time per stage:" summary is empty');
  return stages;
}

/**
 * Peak resident memory in bytes from GNU time's `-f '%M'` output (kilobytes, last line).
 *
 * @example
 * parsePeakRss('123456\n') // 126418944
 */
export function parsePeakRss(timeOutput: string): number {
  const last = timeOutput.trim().split('\n').at(-1)?.trim() ?? '';
  if (!/^\d+$/.test(last)) throw new SyntaxError(`no peak memory in GNU time output: "${last}"`);
  return Number(last) * 1024;
}

/**
 * User + system CPU milliseconds from GNU time's `%U %S` line (the first such line), children
 * included as GNU time counts them; NaN when absent.
 * @example parseCpuMs('12.50 1.25\n123456\n') // 13750
 */
export function parseCpuMs(timeOutput: string): number {
  const line = timeOutput.split('\n').find((l) => /^\d+(\.\d+)? \d+(\.\d+)?$/.test(l.trim()));
  if (!line) return Number.NaN;
  const [user, system] = line.trim().split(' ').map(Number);
  return Math.round((user! + system!) * 1000);
}
