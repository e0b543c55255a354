/**
 * `npm run build -- [--dataset <dir>] [--out <dir>] [--strict] ...`: builds the site from a
 * MosMedData dataset folder (or the embedded synthetic sample). See scripts/lib/build-args.ts
 * for every option and the exit codes.
 */
import { resolve } from 'node:path';
import { parseBuildArgs, USAGE, type BuildArgs } from './lib/build-args.ts';
import { runCommand } from './lib/cli.ts';
import { enableBuildCompileCache } from './lib/compile-cache.ts';

const ROOT = resolve(import.meta.dirname, '..');

async function main(args: BuildArgs): Promise<number> {
  // Before anything large loads, and before the workers start (they inherit it).
  enableBuildCompileCache(ROOT);
  // The imaging workers start first: their start-up runs on the other core while this thread
  // loads the stages (workers/prestart.ts).
  const prestart = await import('../src/pipeline/imaging/workers/prestart.ts');
  await prestart.prestartPool(args.concurrency);
  try {
    return await build(args);
  } finally {
    await prestart.closePrestartedPool();
  }
}

async function build(args: BuildArgs): Promise<number> {
  // Loaded only now: the stages pull in Astro, exceljs, sharp and the codecs, which --help and a
  // usage error do not need.
  const { DatasetError, buildSite } = await import('./lib/build-site.ts');
  const { realDeps } = await import('./lib/real-deps.ts');
  const { createProgressDisplay } = await import('./lib/progress-display.ts');
  const { formatSummary } = await import('./lib/summary.ts');
  const { onInterrupt } = await import('./lib/interrupt-exit.ts');
  const display = createProgressDisplay(process.stderr);
  let stage = 'start';
  const stopOnInterrupt = onInterrupt({
    root: ROOT,
    out: args.out,
    stage: () => stage,
    before: () => display.stop(),
  });
  const hooks = {
    ...display,
    onStage: (event: Parameters<typeof display.onStage>[0]) => {
      if (event.phase === 'start') stage = event.stage;
      display.onStage(event);
    },
  };
  try {
    const result = await buildSite(
      {
        dataset: args.dataset,
        out: args.out,
        generated: args.generated,
        root: ROOT,
        concurrency: args.concurrency,
        studies: args.studies,
        seed: args.seed,
        sourceDateEpoch: args.sourceDateEpoch,
        force: args.force,
        strict: args.strict,
        checksums: args.checksums,
        previous: args.previous,
        site: args.site,
        base: args.base,
      },
      realDeps,
      hooks,
    );
    stopOnInterrupt();
    display.stop();
    process.stdout.write(
      `${formatSummary({
        quality: result.quality,
        timings: result.timings,
        outDir: args.out,
        generatedDir: args.generated,
        strict: args.strict,
        address: { site: args.site, base: args.base },
      })}\n`,
    );
    return args.strict && result.quality.counts.error > 0 ? 1 : 0;
  } catch (error) {
    stopOnInterrupt();
    display.stop();
    if (error instanceof DatasetError) {
      process.stderr.write(`Error: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(
      `Build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.stderr.write(`The previous output in ${args.out} was left as it was.\n`);
    return 1;
  }
}

process.exitCode = await runCommand({
  name: 'build',
  usage: USAGE,
  parse: () => parseBuildArgs(process.argv.slice(2), process.env, process.cwd()),
  main,
});
