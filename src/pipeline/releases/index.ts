/**
 * The release files of `<generated>/data/`: changes.json (what changed since `--previous`, or
 * "first recorded release"), versions.json (the earlier builds' list carried forward, this one
 * appended) and CHANGES. Reads only the earlier site's published files — studies.json,
 * registry.csv, SHA256SUMS, dataset.json (or quality.json and croissant.json for a site built
 * before dataset.json existed) — never its dataset, so it adds no second scan.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { changesFileSchema, versionsFileSchema, type VersionEntry } from '../../domain/changes.ts';
import { datasetFileSchema } from '../../domain/dataset-file.ts';
import type { DatasetFacts } from '../../domain/facts.ts';
import { OVERVIEW_KEYS } from '../../domain/overview-model.ts';
import { serialize } from '../outputs/write-data.ts';
import { writeFileAtomic } from '../outputs/write-file-atomic.ts';
import { changesText } from './changes-text.ts';
import { compareReleases, firstRelease, type PublishedRelease } from './compare.ts';

export const RELEASE_FILES = {
  changes: 'changes.json',
  versions: 'versions.json',
  text: 'CHANGES',
} as const;

/** The declared facts a release is compared on, from its facts. */
export function declaredOf(facts: DatasetFacts): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {
    version: facts.version,
    datePublished: facts.datePublished,
    permanentLink: facts.permanentLink,
    license: facts.license.spdx,
    internalCode: facts.internalCode,
  };
  for (const key of OVERVIEW_KEYS) out[`overview.${key}`] = facts.declaredOverview[key];
  return out;
}

export interface CurrentRelease extends PublishedRelease {
  files: number;
}

const readText = (path: string) =>
  readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
const readJson = async (path: string): Promise<unknown> => {
  const text = await readText(path);
  return text === null ? null : (JSON.parse(text) as unknown);
};

interface LooseStudies {
  source?: { builtAt?: string };
  studies?: { id?: string; size?: { files?: number } }[];
}

/** What an earlier site folder published (its `data/`). */
export async function readPublishedRelease(
  siteDir: string,
): Promise<{ release: PublishedRelease; versions: VersionEntry[] }> {
  const data = join(siteDir, 'data');
  const studiesFile = (await readJson(join(data, 'studies.json'))) as LooseStudies | null;
  if (!studiesFile?.studies) throw new Error(`${siteDir} has no data/studies.json`);
  const dataset = datasetFileSchema.safeParse(await readJson(join(data, 'dataset.json')));
  let declared: Record<string, string | number | null>;
  if (dataset.success) declared = declaredOf(dataset.data.facts);
  else {
    // A site from before dataset.json: the version from croissant.json, figures from quality.json.
    const croissant = (await readJson(join(siteDir, 'croissant.json'))) as {
      version?: string;
    } | null;
    const quality = (await readJson(join(data, 'quality.json'))) as {
      overview?: { key: string; declared: number | null }[];
    } | null;
    declared = { version: croissant?.version ?? null };
    for (const o of quality?.overview ?? []) declared[`overview.${o.key}`] = o.declared;
  }
  const release: PublishedRelease = {
    version: typeof declared['version'] === 'string' ? declared['version'] : null,
    built: studiesFile.source?.builtAt ?? new Date(0).toISOString(),
    studies: studiesFile.studies.flatMap((s) => (s.id ? [s.id] : [])),
    registryCsv: await readText(join(data, 'registry.csv')),
    sha256sums: await readText(join(data, 'SHA256SUMS')),
    declared,
  };
  const listed = versionsFileSchema.safeParse(await readJson(join(data, RELEASE_FILES.versions)));
  const versions = listed.success
    ? listed.data.versions
    : [
        {
          version: release.version,
          built: release.built,
          studies: release.studies.length,
          files: studiesFile.studies.reduce((n, s) => n + (s.size?.files ?? 0), 0),
        },
      ];
  return { release, versions };
}

/**
 * Writes changes.json, versions.json and CHANGES into `dataDir`.
 * @returns the names of the files that changed.
 */
export async function writeReleaseFiles(
  dataDir: string,
  current: CurrentRelease,
  previousSite: string | null,
): Promise<string[]> {
  const previous = previousSite ? await readPublishedRelease(previousSite) : null;
  const changes = previous ? compareReleases(previous.release, current) : firstRelease(current);
  const entry: VersionEntry = {
    version: current.version,
    built: current.built,
    studies: current.studies.length,
    files: current.files,
  };
  const earlier = (previous?.versions ?? []).filter(
    (v) => !(v.version === entry.version && v.built === entry.built),
  );
  const versions = [...earlier, entry];
  const contents: [string, string][] = [
    [RELEASE_FILES.changes, serialize(changesFileSchema, changes, RELEASE_FILES.changes)],
    [RELEASE_FILES.versions, serialize(versionsFileSchema, { versions }, RELEASE_FILES.versions)],
    [RELEASE_FILES.text, changesText(changes, versions)],
  ];
  const changed: string[] = [];
  for (const [name, content] of contents) {
    if (await writeFileAtomic(join(dataDir, name), content)) changed.push(name);
  }
  return changed;
}
