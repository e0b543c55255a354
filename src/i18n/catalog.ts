/**
 * The UI string files, by static import: the one list of the file pairs in
 * src/i18n/<locale>/<area>.json. Static imports, so that the key type derives from the Russian
 * files (a missing or misspelt key fails `npm run check`) and the same module loads in Astro,
 * in browser bundles and in plain Node (JSON import attributes work in all three;
 * `import.meta.glob` does not in Node). A new file pair is two imports and one entry here;
 * tests/unit/site/i18n-keys.test.ts names any JSON file of the folder that is missing.
 */
import type { Locale } from './locales.ts';
import ruAbout from './ru/about.json' with { type: 'json' };
import enAbout from './en/about.json' with { type: 'json' };
import ruChanges from './ru/changes.json' with { type: 'json' };
import enChanges from './en/changes.json' with { type: 'json' };
import ruCite from './ru/cite.json' with { type: 'json' };
import enCite from './en/cite.json' with { type: 'json' };
import ruCommon from './ru/common.json' with { type: 'json' };
import ruCopy from './ru/copy.json' with { type: 'json' };
import enCopy from './en/copy.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import ruDatasheet from './ru/datasheet.json' with { type: 'json' };
import enDatasheet from './en/datasheet.json' with { type: 'json' };
import ruDownload from './ru/download.json' with { type: 'json' };
import enDownload from './en/download.json' with { type: 'json' };
import ruFields from './ru/fields.json' with { type: 'json' };
import enFields from './en/fields.json' with { type: 'json' };
import ruFacts from './ru/facts.json' with { type: 'json' };
import enFacts from './en/facts.json' with { type: 'json' };
import ruHome from './ru/home.json' with { type: 'json' };
import enHome from './en/home.json' with { type: 'json' };
import ruLabels from './ru/labels.json' with { type: 'json' };
import enLabels from './en/labels.json' with { type: 'json' };
import ruLicense from './ru/license.json' with { type: 'json' };
import enLicense from './en/license.json' with { type: 'json' };
import ruNotfound from './ru/notfound.json' with { type: 'json' };
import enNotfound from './en/notfound.json' with { type: 'json' };
import ruOverview from './ru/overview.json' with { type: 'json' };
import enOverview from './en/overview.json' with { type: 'json' };
import ruQuality from './ru/quality.json' with { type: 'json' };
import enQuality from './en/quality.json' with { type: 'json' };
import ruSearch from './ru/search.json' with { type: 'json' };
import enSearch from './en/search.json' with { type: 'json' };
import ruShell from './ru/shell.json' with { type: 'json' };
import enShell from './en/shell.json' with { type: 'json' };
import ruStats from './ru/stats.json' with { type: 'json' };
import enStats from './en/stats.json' with { type: 'json' };
import ruStudies from './ru/studies.json' with { type: 'json' };
import enStudies from './en/studies.json' with { type: 'json' };
import ruViewer from './ru/viewer.json' with { type: 'json' };
import enViewer from './en/viewer.json' with { type: 'json' };

type Areas = Record<string, Record<Locale, Record<string, string>>>;

/**
 * The areas browser scripts use (the explorer's charts, the studies index): only these ship in
 * their bundles (src/i18n/browser.ts), so pages do not download the words of every page.
 */
export const BROWSER_CATALOG = {
  common: { ru: ruCommon, en: enCommon },
  download: { ru: ruDownload, en: enDownload },
  fields: { ru: ruFields, en: enFields },
  labels: { ru: ruLabels, en: enLabels },
  stats: { ru: ruStats, en: enStats },
  studies: { ru: ruStudies, en: enStudies },
} satisfies Areas;

/** The "Your copy" page's script: its own words with the browser areas (src/i18n/copy.ts). */
export const COPY_CATALOG = {
  ...BROWSER_CATALOG,
  copy: { ru: ruCopy, en: enCopy },
} satisfies Areas;

/** Area → the area's strings per locale: every file pair. */
export const CATALOG = {
  ...COPY_CATALOG,
  about: { ru: ruAbout, en: enAbout },
  changes: { ru: ruChanges, en: enChanges },
  cite: { ru: ruCite, en: enCite },
  datasheet: { ru: ruDatasheet, en: enDatasheet },
  facts: { ru: ruFacts, en: enFacts },
  home: { ru: ruHome, en: enHome },
  license: { ru: ruLicense, en: enLicense },
  notfound: { ru: ruNotfound, en: enNotfound },
  overview: { ru: ruOverview, en: enOverview },
  quality: { ru: ruQuality, en: enQuality },
  search: { ru: ruSearch, en: enSearch },
  shell: { ru: ruShell, en: enShell },
  viewer: { ru: ruViewer, en: enViewer },
} satisfies Areas;
