/**
 * The real stages of the build, wired in one place (the CLI and the test setup share it).
 */
import { computeStats } from '../../src/domain/compute-stats.ts';
import { diskStages } from '../../src/pipeline/disk-stages.ts';
import { scanImaging } from '../../src/pipeline/imaging/index.ts';
import {
  DEFAULT_SEED,
  generateSample,
  readSampleManifest,
  SAMPLE_VERSION,
} from '../../src/sample/index.ts';
import type { SiteBuildDeps } from './build-site.ts';
import { hashSiteSources } from './site-stamp.ts';
import {
  astroBuild,
  linkFiles,
  linkTree,
  loadSiteTools,
  pagefindIndex,
  replaceDir,
} from './site-output.ts';

/** The default sample size: the 800 studies of the real dataset's declared overview. */
export const DEFAULT_SAMPLE_STUDIES = 800;

export const realDeps: SiteBuildDeps = {
  sample: {
    generate: generateSample,
    version: SAMPLE_VERSION,
    defaultSeed: DEFAULT_SEED,
    defaultStudies: DEFAULT_SAMPLE_STUDIES,
    isSample: async (dir) => (await readSampleManifest(dir)) !== null,
  },
  ...diskStages,
  scanImaging,
  computeStats,
  astroBuild,
  pagefindIndex,
  linkTree,
  linkFiles,
  replaceDir,
  loadSiteTools,
  hashSiteSources,
};
