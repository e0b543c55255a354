/**
 * The explorer in the browser: reads the facet state from the URL, filters the studies, runs
 * the same computeStats and chart functions as the build, and replaces each chart's SVG,
 * caption, table and downloads in place. State changes push a history entry (shareable URL,
 * back/forward restore it). All data goes into the page as text nodes or attributes.
 */
import { handleLabel } from '../../domain/handle.ts';
import { buildCharts } from '../../site/charts/chart-specs.ts';
import type { ExplorerFile, ExplorerStudy } from '../../site/explorer-data.ts';
import { registryCsvFromStudies, subsetRegistryCsv } from './registry-csv.ts';
import { checkAgeRange, facetCounts, matches, type FacetState } from '../../domain/facets.ts';
import { optionCount, stateFromParams, stateToParams } from '../../domain/facet-url.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Source } from '../../domain/schemas.ts';
// compute-stats, not stats.ts: the same function without the schema library in the bundle.
import { computeStats } from '../../domain/compute-stats.ts';
import { useBrowserTranslations } from '../../i18n/browser.ts';
import { formatSubsetTotal } from '../../domain/size.ts';
import { toManifestStudy } from '../manifest-study.ts';
import { updateSubsetKit } from '../subset-kit.ts';
import { ageTemplatesFrom, showAgeProblems } from '../age-problems.ts';
import { chartWidth, must, updateFigure } from './chart-figure.ts';
import { showLoadCode } from './load-code.ts';
import { pushPageUrl } from '../page-url.ts';
import { onTypingPause } from '../typing-pause.ts';

interface Explorer {
  root: HTMLElement;
  form: HTMLFormElement;
  locale: Locale;
  source: Source;
  total: number;
  studiesBase: string;
  studies: ExplorerStudy[];
  /** The site's registry.csv text, or null when it could not be fetched. */
  registryCsv: string | null;
  /** Object URLs of the current downloads, revoked when replaced. */
  urls: string[];
}

async function fetchText(url: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** The state in the URL's query string. */
const stateFromUrl = (): FacetState => stateFromParams(new URLSearchParams(window.location.search));

/** The state the form shows (its inputs are named like the URL parameters). */
function stateFromForm(form: HTMLFormElement): FacetState {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value !== '') params.append(name, value);
  }
  return stateFromParams(params);
}

function showState(form: HTMLFormElement, state: FacetState): void {
  const params = stateToParams(state);
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name]')) {
    if (input.type === 'checkbox') input.checked = params.getAll(input.name).includes(input.value);
    else input.value = params.get(input.name) ?? '';
  }
}

function objectUrl(ex: Explorer, text: string, type: string): string {
  const url = URL.createObjectURL(new Blob([text], { type }));
  ex.urls.push(url);
  return url;
}

/** Each option's "(n)": how many studies choosing it would give (see facetCounts). */
function showOptionCounts(ex: Explorer, state: FacetState): void {
  const counts = facetCounts(ex.studies, state);
  for (const input of ex.form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const count = optionCount(counts, input.name, input.value);
    const target = input.closest('label')?.querySelector('[data-option-count]');
    if (count !== null && target) target.textContent = `(${count})`;
  }
}

/**
 * Renders the subset of a state as the reader gave it (form or URL); bad age bounds are
 * corrected (checkAgeRange) and the correction is said next to the age inputs.
 */
function render(ex: Explorer, given: FacetState): void {
  const t = useBrowserTranslations(ex.locale);
  const { state, problems } = checkAgeRange(given);
  const ageProblem = ex.form.querySelector<HTMLElement>('[data-age-problem]');
  showAgeProblems(ageProblem, problems, ageTemplatesFrom(ageProblem));
  const subset = ex.studies.filter((s) => matches(s, state));
  const stats = computeStats(subset);
  const specs = buildCharts(stats, {
    locale: ex.locale,
    source: ex.source,
    datasetTotal: ex.total,
    width: chartWidth(),
  });
  for (const url of ex.urls.splice(0)) URL.revokeObjectURL(url);
  for (const spec of specs) {
    const figure = document.querySelector<HTMLElement>(`[data-chart="${spec.id}"]`);
    if (figure) updateFigure(figure, spec, (text, type) => objectUrl(ex, text, type), ex.locale);
  }
  showOptionCounts(ex, state);
  must(ex.root, '[data-explorer-count]').textContent = t('explorer.count', {
    n: subset.length,
    total: ex.total,
  });
  must(ex.root, '[data-explorer-size]').textContent = formatSubsetTotal(
    subset.length,
    stats.size,
    ex.locale,
  );
  must(ex.root, '[data-explorer-studies-count]').textContent = String(subset.length);
  must(ex.root, '[data-explorer-studies]').replaceChildren(
    ...subset.map((s) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `${ex.studiesBase}${encodeURIComponent(s.slug)}/`;
      a.textContent = `${handleLabel(s.handle)} ${s.id}`;
      li.append(a);
      return li;
    }),
  );
  // The studies index reads the same query parameters (src/domain/facet-url.ts).
  const query = stateToParams(state).toString();
  must<HTMLAnchorElement>(ex.root, '[data-explorer-studies-link]').href =
    ex.studiesBase + (query ? `?${query}` : '');
  const ids = new Set(subset.map((s) => s.id));
  const csv =
    ex.registryCsv === null
      ? registryCsvFromStudies(subset)
      : subsetRegistryCsv(ex.registryCsv, ids);
  must<HTMLAnchorElement>(ex.root, '[data-explorer-csv]').href = objectUrl(ex, csv, 'text/csv');
  updateSubsetKit(must(ex.root, '[data-subset-kit]'), subset.map(toManifestStudy), query);
  showLoadCode(ex.root, ex.source.registryLayout, subset, query !== '', ex.locale);
}

/** Renders, reporting a failure in the status line instead of leaving the page half-updated. */
function safeRender(ex: Explorer, state: FacetState): void {
  try {
    render(ex, state);
  } catch (error) {
    const status = document.querySelector<HTMLElement>('[data-explorer-status]');
    if (status) {
      status.hidden = false;
      status.textContent = useBrowserTranslations(ex.locale)('explorer.loadError');
    }
    throw error;
  }
}

/** Applies a state from the form: a new history entry when it changed, then a render. */
function commit(ex: Explorer): void {
  const state = stateFromForm(ex.form);
  const query = stateToParams(state).toString();
  const next = query ? `?${query}` : window.location.pathname;
  if (`?${query}` !== (window.location.search || '?')) pushPageUrl(next);
  safeRender(ex, state);
}

/**
 * Loads the data and takes over the form. `changedBeforeStart` tells whether the reader already
 * changed the form while the explorer loaded: their choice wins over the URL's state.
 */
export async function startExplorer(
  root: HTMLElement,
  changedBeforeStart: () => boolean = () => false,
): Promise<void> {
  const status = document.querySelector<HTMLElement>('[data-explorer-status]');
  const locale = (root.dataset['locale'] ?? 'ru') as Locale;
  const t = useBrowserTranslations(locale);
  if (status) {
    status.hidden = false;
    status.textContent = t('explorer.loading');
  }
  const [dataText, registryCsv] = await Promise.all([
    fetchText(root.dataset['src'] ?? ''),
    fetchText(root.dataset['registry'] ?? ''),
  ]);
  if (dataText === null) {
    if (status) status.textContent = t('explorer.loadError');
    return;
  }
  const ex: Explorer = {
    root,
    form: must<HTMLFormElement>(root, '[data-explorer-form]'),
    locale,
    source: JSON.parse(root.dataset['source'] ?? '{}') as Source,
    total: Number(root.dataset['total']),
    studiesBase: root.dataset['studiesBase'] ?? '/',
    studies: (JSON.parse(dataText) as ExplorerFile).studies,
    registryCsv,
    urls: [],
  };
  if (status) status.hidden = true;

  ex.form.addEventListener('change', () => commit(ex));
  onTypingPause(ex.form, () => commit(ex));
  ex.form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(ex);
  });
  must(root, '[data-explorer-reset]').addEventListener('click', () => {
    for (const input of ex.form.querySelectorAll<HTMLInputElement>('input[name]')) {
      if (input.type === 'checkbox') input.checked = false;
      else input.value = '';
    }
    commit(ex);
  });
  window.addEventListener('popstate', () => {
    const state = stateFromUrl();
    showState(ex.form, state);
    safeRender(ex, state);
  });
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastWidth = chartWidth();
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (chartWidth() === lastWidth) return;
      lastWidth = chartWidth();
      safeRender(ex, stateFromUrl());
    }, 200);
  });

  // Listeners first: a failing render must not leave the form dead.
  if (changedBeforeStart()) {
    commit(ex);
    return;
  }
  const initial = stateFromUrl();
  showState(ex.form, initial);
  safeRender(ex, initial);
}
