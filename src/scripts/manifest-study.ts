/**
 * The explorer's subset download kit: the current subset's manifest, folder list and copy
 * commands as downloadable texts (see src/domain/subset-manifest.ts).
 */
import type { ManifestStudy } from '../domain/subset-manifest.ts';
import type { ExplorerStudy } from '../site/explorer-data.ts';

export function toManifestStudy(study: ExplorerStudy): ManifestStudy {
  return {
    id: study.id,
    path: study.path,
    seriesCount: study.series.length,
    size: study.size,
    sha256: study.sha256,
  };
}
