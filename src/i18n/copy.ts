/**
 * The translator of the "Your copy" page's script: the browser areas (./browser.ts) and the
 * page's own words, so that no other page's bundle carries them.
 */
import { COPY_CATALOG } from './catalog.ts';
import { translations } from './translator.ts';

export const useCopyTranslations = translations(COPY_CATALOG);
