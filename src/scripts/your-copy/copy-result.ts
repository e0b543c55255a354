/**
 * The result of a check on the page: the verdict, the counts, the lists of files and studies
 * (each study linked to its page's viewer), the report download and the repair kit. Every name
 * from the disk or the dataset goes in as text.
 */
import type { CopyReport } from '../../domain/copy-check.ts';
import type { CopyIndex } from '../../domain/copy-lists.ts';
import { LOCALE_TAGS, type Locale } from '../../i18n/locales.ts';
import { bashCommands, powershellCommands, type CopyList } from '../../domain/subset-manifest.ts';
import { useCopyTranslations } from '../../i18n/copy.ts';

/** Items shown per list on the page; the report holds them all. */
const SHOWN = 200;

export const REPAIR_FILES = {
  list: 'repair-files.txt',
  bash: 'repair-copy.sh',
  powershell: 'repair-copy.ps1',
} as const;

const REPAIR_LIST: CopyList = { file: REPAIR_FILES.list, folders: false, dest: 'your copy' };

export interface ResultContext {
  locale: Locale;
  index: CopyIndex;
  /** The study pages' base (`/<lang>/studies/`). */
  studiesBase: string;
  /** The report's file name. */
  reportName: string;
}

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
};

const blobUrl = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));

function list(
  ctx: ResultContext,
  items: readonly string[],
  render: (item: string) => Node,
  name: string,
): HTMLElement {
  const t = useCopyTranslations(ctx.locale);
  if (items.length === 0) return el('p', t('copy.list.none'));
  const ul = el('ul', undefined, { 'data-list': name });
  for (const item of items.slice(0, SHOWN)) {
    const li = el('li');
    li.append(render(item));
    ul.append(li);
  }
  const wrap = el('div');
  wrap.append(ul);
  if (items.length > SHOWN) {
    const nf = new Intl.NumberFormat(LOCALE_TAGS[ctx.locale].intl);
    wrap.append(el('p', t('copy.list.more', { n: nf.format(items.length - SHOWN) })));
  }
  return wrap;
}

/** A study folder, linked to its page's viewer when the site has a page for it. */
function studyItem(ctx: ResultContext, folder: string): Node {
  const study = ctx.index.studies.find((s) => s.folder === folder);
  const frag = document.createDocumentFragment();
  if (study?.slug) {
    const a = el('a', study.handle ? `#${study.handle}` : folder, {
      href: `${ctx.studiesBase}${encodeURIComponent(study.slug)}/#viewer`,
    });
    frag.append(a, ` ${folder}`);
  } else {
    frag.append(el('code', folder));
  }
  return frag;
}

/** Revoked on the next render. */
let urls: string[] = [];

export function renderResult(
  root: HTMLElement,
  report: CopyReport,
  ctx: ResultContext,
  withChecksums: boolean,
): void {
  const t = useCopyTranslations(ctx.locale);
  const nf = new Intl.NumberFormat(LOCALE_TAGS[ctx.locale].intl);
  for (const url of urls) URL.revokeObjectURL(url);
  urls = [];
  root.replaceChildren();
  const problems = report.missing.length + report.corrupt.length + report.extra.length;
  root.append(el('h2', t('copy.result.title'), { id: 'copy-result', tabindex: '-1' }));
  root.append(
    el('p', t(problems === 0 ? 'copy.result.ok' : 'copy.result.problems'), {
      class: problems === 0 ? 'verdict verdict-ok' : 'verdict verdict-bad',
      'data-verdict': problems === 0 ? 'ok' : 'problems',
    }),
  );
  if (!withChecksums) {
    root.append(el('p', t('copy.result.sizesOnly'), { 'data-sizes-only': '' }));
  }
  const counts = el('dl', undefined, { class: 'copy-counts' });
  const countRows = [
    ['checked', report.checkedFiles],
    ['missing', report.missing.length],
    ['corrupt', report.corrupt.length],
    ['extra', report.extra.length],
    ['complete', report.studies.complete.length],
    ['incomplete', report.studies.incomplete.length],
    ['absent', report.studies.absent.length],
  ] as const;
  for (const [key, value] of countRows) {
    const div = el('div', undefined, { 'data-count': key });
    div.append(el('dt', t(`copy.count.${key}`)), el('dd', nf.format(value)));
    counts.append(div);
  }
  root.append(counts);

  const reportUrl = blobUrl(`${JSON.stringify(report, null, 2)}\n`, 'application/json');
  urls.push(reportUrl);
  const reportLine = el('p');
  reportLine.append(
    el('a', t('copy.report'), { href: reportUrl, download: ctx.reportName, 'data-report': '' }),
    ` ${t('copy.report.what')}`,
  );
  root.append(reportLine);

  const code = (path: string) => el('code', path);
  const sections: [string, string, readonly string[], (s: string) => Node][] = [
    ['missing', t('copy.list.missing'), report.missing, code],
    [
      'corrupt',
      t(withChecksums ? 'copy.list.corrupt' : 'copy.list.corruptSizes'),
      report.corrupt,
      code,
    ],
    ['extra', t('copy.list.extra'), report.extra, code],
    ['incomplete', t('copy.list.incomplete'), report.studies.incomplete, (f) => studyItem(ctx, f)],
    ['complete', t('copy.list.complete'), report.studies.complete, (f) => studyItem(ctx, f)],
    ['absent', t('copy.list.absent'), report.studies.absent, (f) => studyItem(ctx, f)],
  ];
  for (const [name, title, items, render] of sections) {
    const section = el('section', undefined, { 'data-section': name });
    section.append(
      el('h3', `${title} (${nf.format(items.length)})`),
      list(ctx, items, render, name),
    );
    root.append(section);
  }
  root.append(repairKit(report, ctx, withChecksums));
}

function repairKit(report: CopyReport, ctx: ResultContext, withChecksums: boolean): HTMLElement {
  const t = useCopyTranslations(ctx.locale);
  const section = el('section', undefined, { 'data-repair': '' });
  section.append(el('h3', t('copy.repair.title')));
  const paths = [...report.missing, ...report.corrupt].sort();
  if (paths.length === 0) {
    section.append(el('p', t('copy.repair.none')));
    return section;
  }
  section.append(el('p', t('copy.repair.intro')));
  const texts = {
    list: paths.map((p) => `${p}\n`).join(''),
    bash: bashCommands(withChecksums, REPAIR_LIST),
    powershell: powershellCommands(withChecksums, REPAIR_LIST),
  };
  const ul = el('ul');
  for (const kind of ['list', 'bash', 'powershell'] as const) {
    const url = blobUrl(texts[kind], 'text/plain');
    urls.push(url);
    const li = el('li');
    const words = kind === 'list' ? t('copy.repair.files') : t(`copy.repair.${kind}`);
    li.append(
      el('a', REPAIR_FILES[kind], {
        href: url,
        download: REPAIR_FILES[kind],
        'data-repair-kit': kind,
      }),
      ` — ${words}`,
    );
    ul.append(li);
  }
  section.append(ul);
  return section;
}
