/**
 * The embedded sample on first use: generated once into `.cache/sample/<version>-<seed>-<n>/`
 * and reused while the generator's version, seed and size are the same. Generation goes to a
 * temporary folder renamed into place when complete, so an interrupted run is never reused.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OnProgress } from '../../src/pipeline/progress.ts';

export type GenerateSample = (options: {
  outDir: string;
  studies?: number;
  seed?: number;
  onProgress?: OnProgress;
}) => Promise<unknown>;

export interface SampleRequest {
  cacheRoot: string;
  version: string;
  seed: number;
  studies: number;
  generate: GenerateSample;
  onProgress?: OnProgress;
}

/** The sample's folder for these settings. */
export function sampleDir(cacheRoot: string, version: string, seed: number, studies: number) {
  return join(cacheRoot, `${version}-${seed}-${studies}`);
}

/** Returns the sample folder, generating it first when absent. */
export async function ensureSample(
  request: SampleRequest,
): Promise<{ dir: string; generated: boolean }> {
  const dir = sampleDir(request.cacheRoot, request.version, request.seed, request.studies);
  if (
    await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    )
  )
    return { dir, generated: false };
  const staging = `${dir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await request.generate({
      outDir: staging,
      studies: request.studies,
      seed: request.seed,
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { dir, generated: true };
}
