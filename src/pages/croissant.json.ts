/**
 * `/croissant.json`: Croissant 1.1 + RAI metadata, with the sha256 and size of the published
 * registry.csv and (with --checksums) of SHA256SUMS.
 */
import { createHash } from 'node:crypto';
import type { APIRoute } from 'astro';
import packageJson from '../../package.json' with { type: 'json' };
import { buildCroissant } from '../domain/croissant.ts';
import { absoluteUrl } from '../site/canonical.ts';
import { registryCsv, source, stats, studiesFile } from '../site/data.ts';

export const GET: APIRoute = ({ site }) => {
  const csv =
    registryCsv === null
      ? null
      : {
          sha256: createHash('sha256').update(registryCsv).digest('hex'),
          bytes: Buffer.byteLength(registryCsv),
        };
  const croissant = buildCroissant({
    siteUrl: absoluteUrl('', site),
    registryCsv: csv,
    // Hashed by the pipeline as it wrote the file (the real dataset's is some 30 MB).
    sha256sums: studiesFile.checksums?.sumsFile ?? null,
    registryXlsxSha256: source.registrySha256,
    builtAt: source.builtAt,
    stats,
    sdVersion: packageJson.version,
  });
  return new Response(`${JSON.stringify(croissant, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
  });
};
