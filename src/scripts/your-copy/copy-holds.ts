/**
 * "What your copy holds": the statistics of the studies in the copy beside the whole
 * dataset's, both computed by computeStats over the explorer's data (the same code and data
 * as the statistics explorer), as one table; and links to the explorer and the studies index
 * showing just those studies.
 */
import type { ExplorerStudy } from '../../site/explorer-data.ts';
import { computeStats } from '../../domain/compute-stats.ts';
import { LOCALE_TAGS, type Locale } from '../../i18n/locales.ts';
import { FINDING_IDS } from '../../domain/field-values.ts';
import type { Stats } from '../../domain/stats.ts';
import { useCopyTranslations } from '../../i18n/copy.ts';

export interface HoldsContext {
  locale: Locale;
  all: readonly ExplorerStudy[];
  /** The explorer's and the studies index's addresses. */
  explorer: string;
  studiesIndex: string;
}

type Row = [label: string, pick: (s: Stats) => string];

function rows(locale: Locale, all: Stats): Row[] {
  const t = useCopyTranslations(locale);
  const nf = new Intl.NumberFormat(LOCALE_TAGS[locale].intl, { maximumFractionDigits: 1 });
  const n = (v: number | null) => (v === null ? '—' : nf.format(v));
  // The whole dataset's order (most studies first); a copy holds no scanner the dataset lacks.
  const models = all.acquisition.model.map((c) => c.key);
  const modelCount = (s: Stats, key: string | null) =>
    s.acquisition.model.find((c) => c.key === key)?.total ?? 0;
  return [
    [t('copy.holds.total'), (s) => n(s.total)],
    [t('stats.class.with'), (s) => n(s.classBalance.with)],
    [t('stats.class.without'), (s) => n(s.classBalance.without)],
    [t('stats.class.unknown'), (s) => n(s.classBalance.unknown)],
    ...FINDING_IDS.map((id): Row => [
      t(`finding.${id}`),
      (s) => n(s.findings.find((f) => f.id === id)?.present ?? 0),
    ]),
    [t('stats.sex.M'), (s) => n(s.sex.M)],
    [t('stats.sex.F'), (s) => n(s.sex.F)],
    [t('stats.sex.unknown'), (s) => n(s.sex.unknown)],
    [
      t('copy.holds.age'),
      (s) => `${n(s.age.summary.median)} (${n(s.age.summary.min)}–${n(s.age.summary.max)})`,
    ],
    ...models.map((key): Row => [
      key === null ? t('copy.holds.scannerUnknown') : t('copy.holds.scanner', { name: key }),
      (s) => n(modelCount(s, key)),
    ]),
  ];
}

/** The table and the links for the studies of the copy (`present`: their folder paths). */
export function renderHolds(root: HTMLElement, present: ReadonlySet<string>, ctx: HoldsContext) {
  const t = useCopyTranslations(ctx.locale);
  const mine = ctx.all.filter((s) => present.has(s.path));
  const yours = computeStats(mine);
  const all = computeStats(ctx.all);
  root.replaceChildren();
  const h2 = document.createElement('h2');
  h2.id = 'copy-holds';
  h2.textContent = t('copy.holds.title');
  const intro = document.createElement('p');
  intro.textContent = t('copy.holds.intro');
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-labelledby', 'copy-holds-caption');
  const table = document.createElement('table');
  table.dataset['holds'] = '';
  const caption = table.createCaption();
  caption.id = 'copy-holds-caption';
  caption.textContent = t('copy.holds.caption');
  const head = table.createTHead().insertRow();
  for (const text of [t('copy.holds.measure'), t('copy.holds.yours'), t('copy.holds.all')]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const body = table.createTBody();
  for (const [label, pick] of rows(ctx.locale, all)) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = label;
    tr.append(th);
    for (const stats of [yours, all]) {
      const td = tr.insertCell();
      td.className = 'num';
      td.textContent = pick(stats);
    }
  }
  wrap.append(table);
  const links = document.createElement('ul');
  const handles = mine.map((s) => s.handle);
  const query = handles.length > 0 ? `?${new URLSearchParams({ study: handles.join(',') })}` : '';
  for (const [href, text] of [
    [ctx.explorer, t('copy.holds.explorer')],
    [ctx.studiesIndex, t('copy.holds.studies')],
  ] as const) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `${href}${query}`;
    a.textContent = text;
    li.append(a);
    links.append(li);
  }
  root.append(h2, intro, wrap, links);
}
