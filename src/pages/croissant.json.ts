/** `/croissant.json`: Croissant 1.0 metadata, with the sha256 of the published registry.csv. */
import { createHash } from 'node:crypto';
import type { APIRoute } from 'astro';
import { buildCroissant } from '../domain/croissant.ts';
import { absoluteUrl } from '../site/canonical.ts';
import { registryCsv } from '../site/data.ts';

export const GET: APIRoute = ({ site }) => {
  const sha256 =
    registryCsv === null ? null : createHash('sha256').update(registryCsv).digest('hex');
  const croissant = buildCroissant({
    siteUrl: absoluteUrl('', site),
    registryCsvSha256: sha256,
  });
  return new Response(`${JSON.stringify(croissant, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
  });
};
