/**
 * The search page: `?q=` and the study filters (`?class=…&finding=…`, values as the page's
 * language names them) run on load, on submit and on every filter change, keeping the URL in
 * step. The filters and their values come from Pagefind's filter index; each value shows how
 * many of the matching studies have it.
 */
import { SEARCH_FILTERS, type SearchFilter } from '../../site/search-index.ts';
import { allFilters, type FilterChoice, type FilterCounts } from './search-engine.ts';
import { makeRunner } from './search-results.ts';

/** The chosen filters as they stand in a URL's query. */
export function choiceFromParams(params: URLSearchParams): FilterChoice {
  const choice: FilterChoice = {};
  for (const name of SEARCH_FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) choice[name] = values;
  }
  return choice;
}

/** Writes `query` and `choice` into `url`'s query, replacing earlier values. */
export function writeParams(url: URL, query: string, choice: FilterChoice): void {
  url.searchParams.set('q', query);
  for (const name of SEARCH_FILTERS) {
    url.searchParams.delete(name);
    for (const value of choice[name] ?? []) url.searchParams.append(name, value);
  }
}

/** One fieldset of checkboxes per filter that the index has values for. */
function renderFilters(
  box: HTMLElement,
  counts: FilterCounts,
  legends: DOMStringMap,
  choice: FilterChoice,
): void {
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  box.replaceChildren(
    ...SEARCH_FILTERS.filter((name) => Object.keys(counts[name] ?? {}).length > 0).map((name) => {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = legends[name] ?? name;
      fieldset.append(legend);
      const values = Object.keys(counts[name]!).sort(collator.compare);
      for (const value of values) {
        const label = document.createElement('label');
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.name = name;
        input.value = value;
        input.checked = (choice[name] ?? []).includes(value);
        const text = document.createElement('span');
        text.dataset['value'] = value;
        label.append(input, ' ', text);
        fieldset.append(label);
      }
      return fieldset;
    }),
  );
}

/** Shows each value's count among the current matches (all studies when nothing is asked). */
function showCounts(box: HTMLElement, counts: FilterCounts): void {
  for (const span of box.querySelectorAll<HTMLElement>('span[data-value]')) {
    const input = span.previousElementSibling as HTMLInputElement;
    const n = counts[input.name]?.[span.dataset['value']!] ?? 0;
    span.textContent = `${span.dataset['value']} (${n})`;
  }
}

function choiceOf(box: HTMLElement): FilterChoice {
  const choice: FilterChoice = {};
  for (const input of box.querySelectorAll<HTMLInputElement>('input:checked')) {
    (choice[input.name as SearchFilter] ??= []).push(input.value);
  }
  return choice;
}

export function setUpSearchPage(form: HTMLFormElement, filterBox: HTMLElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const runner = makeRunner(
    document.getElementById('search-results')!,
    document.getElementById('search-status')!,
    form.dataset,
    20,
    more,
  );
  const params = new URL(window.location.href).searchParams;
  let choice = choiceFromParams(params);
  let totals: FilterCounts = {};
  const run = async () => {
    const found = await runner.run(input.value, choice);
    showCounts(filterBox, found ? found.counts : totals);
  };
  const update = () => {
    const url = new URL(window.location.href);
    writeParams(url, input.value, choice);
    history.replaceState(null, '', url);
    void run();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  filterBox.addEventListener('change', () => {
    choice = choiceOf(filterBox);
    update();
  });
  input.value = params.get('q') ?? '';
  void allFilters()
    .then((counts) => {
      totals = counts;
      renderFilters(filterBox, counts, filterBox.dataset, choice);
      // Folded on a phone (the results would start screens below), unless a filter is chosen.
      const panel = filterBox.closest('details');
      if (panel) {
        panel.hidden = false;
        panel.open = Object.keys(choice).length > 0 || matchMedia('(min-width: 48rem)').matches;
      }
    })
    .catch(() => {
      // No index: the runner says so in the status line.
    })
    .finally(() => {
      if (input.value || Object.keys(choice).length) void run();
      else showCounts(filterBox, totals);
    });
}
