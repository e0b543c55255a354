/**
 * A Creative Commons licence named from its deed URL ("…/licenses/by-nc-nd/3.0/"), so a README
 * that changes its licence changes every licence statement of the site.
 */
import type { DatasetFacts } from '../../domain/facts-schema.ts';

const ELEMENTS: Record<string, string> = {
  by: 'Attribution',
  nc: 'NonCommercial',
  nd: 'NoDerivs',
  sa: 'ShareAlike',
};

/** The licence, or null when the URL is not a Creative Commons deed. */
export function licenseFromUrl(url: string): DatasetFacts['license'] | null {
  const m = /creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)/i.exec(url);
  if (!m) return null;
  const code = m[1]!.toLowerCase();
  const version = m[2]!;
  const parts = code.split('-');
  if (parts[0] !== 'by' || parts.some((p) => !ELEMENTS[p])) return null;
  // 4.0 licences are international; earlier ones on this URL are the Unported ports.
  const port = version === '4.0' ? 'International' : 'Unported';
  const deed = `https://creativecommons.org/licenses/${code}/${version}/`;
  return {
    name: `Creative Commons ${parts.map((p) => ELEMENTS[p]).join('-')} ${version} ${port}`,
    short: `CC ${code.toUpperCase()} ${version}`,
    spdx: `CC-${code.toUpperCase()}-${version}`,
    url: deed,
    legalCode: `${deed}legalcode`,
  };
}
