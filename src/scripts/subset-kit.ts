/**
 * Fills a subset kit (src/components/download/subset-kit.astro) for the studies a filter
 * selects: the manifest, the folder list and the scripts as in-page downloads (object URLs,
 * the previous ones revoked), and the bash script shown as text. Used by the statistics
 * explorer and the studies index alike.
 */
import {
  bashCommands,
  filterInWords,
  folderList,
  manifestCsv,
  powershellCommands,
  type ManifestStudy,
} from '../domain/subset-manifest.ts';
import { formatDownloadTimes } from '../domain/download-time.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { formatSubsetTotal, sumSizes } from '../domain/size.ts';

const urls = new WeakMap<HTMLElement, string[]>();

/** `query`: the filter's URL parameters (no sort or view), named in the manifest's head. */
export function updateSubsetKit(
  kit: HTMLElement,
  studies: readonly ManifestStudy[],
  query: string,
): void {
  const withChecksums = kit.dataset['checksums'] === 'yes';
  const bash = bashCommands(withChecksums);
  const texts: Record<string, string> = {
    manifest: manifestCsv(studies, {
      filter: filterInWords(new URLSearchParams(query)),
      url: window.location.href,
      datasetVersion: kit.dataset['datasetVersion'] ?? '',
      builtAt: kit.dataset['builtAt'] ?? '',
      registrySha256: kit.dataset['registrySha256'] || null,
    }),
    folders: folderList(studies),
    bash,
    powershell: powershellCommands(withChecksums),
  };
  for (const url of urls.get(kit) ?? []) URL.revokeObjectURL(url);
  const made: string[] = [];
  for (const link of kit.querySelectorAll<HTMLAnchorElement>('a[data-kit]')) {
    const text = texts[link.dataset['kit'] ?? ''];
    if (text === undefined) continue;
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    made.push(link.href);
  }
  urls.set(kit, made);
  const locale = (LOCALES as readonly string[]).includes(kit.dataset['locale'] ?? '')
    ? (kit.dataset['locale'] as Locale)
    : 'en';
  const size = sumSizes(studies.map((s) => s.size));
  const sizeLine = kit.querySelector('[data-kit-size]');
  if (sizeLine) {
    sizeLine.textContent = `${formatSubsetTotal(studies.length, size, locale)}. ${formatDownloadTimes(size.bytes, locale)}`;
  }
  const shown = kit.querySelector('[data-kit-bash-text]');
  if (shown) shown.textContent = bash;
}
