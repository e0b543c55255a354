/**
 * The "Your copy" page (src/pages/[lang]/your-copy/index.astro): the reader picks a folder,
 * the page finds the dataset's studies in it, fetches the expected lists of those studies
 * only, hashes what must be hashed in workers (remembering each hash in IndexedDB so a reload
 * goes on where it stopped), then shows the result, the report, the repair kit and what the
 * copy holds. Only same-origin requests: the site's own lists and explorer data.
 */
import type { ExplorerFile } from '../../site/explorer-data.ts';
import {
  copyReport,
  datasetPath,
  filesToHash,
  presentFolders,
  studiesPrefix,
  type CopyFile,
} from '../../domain/copy-check.ts';
import type { CopyIndex, CopyStudyList } from '../../domain/copy-lists.ts';
import { LOCALE_TAGS, type Locale } from '../../i18n/locales.ts';
import { useCopyTranslations } from '../../i18n/copy.ts';
import { renderHolds } from './copy-holds.ts';
import { renderResult } from './copy-result.ts';
import { Cancelled, hashFiles } from './hash-pool.ts';
import {
  fromDirectoryPicker,
  fromDrop,
  fromInput,
  hasDirectoryPicker,
  type PickedFile,
} from './pick.ts';
import { progressText } from './progress-text.ts';
import { openResumeStore, resumeKey } from './resume-store.ts';

interface Page {
  root: HTMLElement;
  locale: Locale;
  data: DOMStringMap;
  status: HTMLElement;
  progress: HTMLElement;
  bar: HTMLProgressElement;
  barText: HTMLElement;
  /** How many files a check took from what this browser remembered. */
  resumed: HTMLElement;
  result: HTMLElement;
  holds: HTMLElement;
  cancel: (() => void) | null;
  /** Counts the checks started; a check whose number is no longer current stops quietly. */
  generation: number;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return (await response.json()) as T;
}

let indexPromise: Promise<CopyIndex> | null = null;

async function check(page: Page, picked: PickedFile[]): Promise<void> {
  const t = useCopyTranslations(page.locale);
  const say = (text: string) => (page.status.textContent = text);
  // A new pick replaces a check still running: that one stops and leaves the page alone.
  page.cancel?.();
  const generation = ++page.generation;
  const current = () => generation === page.generation;
  page.result.hidden = true;
  page.holds.hidden = true;
  say(t('copy.pick.fetching'));
  const indexUrl = new URL(page.data['index']!, location.href).href;
  let index: CopyIndex;
  try {
    index = await (indexPromise ??= fetchJson<CopyIndex>(indexUrl));
  } catch (error) {
    indexPromise = null;
    if (current()) say(t('copy.pick.fetchFailed', { reason: String(error) }));
    return;
  }
  if (!current()) return;
  const prefix = studiesPrefix(
    picked.map((p) => p.path),
    new Set(index.studies.map((s) => s.folder)),
  );
  if (prefix === null) {
    const flat = picked.every((p) => !p.path.includes('/'));
    say(t(flat ? 'copy.pick.noFolders' : 'copy.pick.notFound'));
    return;
  }
  const files = new Map<string, PickedFile>();
  for (const p of picked) {
    const path = datasetPath(p.path, prefix);
    if (path !== null) files.set(path, p);
  }
  const copy = new Map<string, CopyFile>(
    [...files].map(([path, p]) => [path, { size: p.file.size, sha256: null }]),
  );
  const folders = new Set(presentFolders(index, copy.keys()));
  let lists: CopyStudyList[];
  try {
    lists = await Promise.all(
      index.studies
        .filter((s) => folders.has(s.folder))
        // Each list lies beside the index (data/copy/<n>.json).
        .map((s) => fetchJson<CopyStudyList>(new URL(s.list, indexUrl).href)),
    );
  } catch (error) {
    if (current()) say(t('copy.pick.fetchFailed', { reason: String(error) }));
    return;
  }
  const toHash = filesToHash(lists, copy);
  const store = await openResumeStore();
  const keyOf = (path: string) => {
    const { file } = files.get(path)!;
    return resumeKey(files.get(path)!.path, file.size, file.lastModified);
  };
  const remembered = await store.get(toHash.map(keyOf));
  if (!current()) return;
  const jobs = toHash.flatMap((path) => {
    const known = remembered.get(keyOf(path));
    if (known) {
      copy.get(path)!.sha256 = known;
      return [];
    }
    return [{ path, file: files.get(path)!.file }];
  });
  const totalBytes = jobs.reduce((sum, j) => sum + j.file.size, 0);
  const progress = {
    files: 0,
    totalFiles: jobs.length,
    bytes: 0,
    totalBytes,
    elapsedMs: 0,
    bytesRead: 0,
  };
  const started = performance.now();
  const show = () => {
    progress.elapsedMs = performance.now() - started;
    progress.bytesRead = progress.bytes;
    page.bar.max = Math.max(1, totalBytes);
    page.bar.value = progress.bytes;
    page.barText.textContent = progressText(progress, page.locale);
  };
  page.progress.hidden = false;
  say('');
  const nf = new Intl.NumberFormat(LOCALE_TAGS[page.locale].intl);
  page.resumed.hidden = remembered.size === 0;
  page.resumed.textContent =
    remembered.size > 0
      ? t('copy.progress.resumed', { count: remembered.size, n: nf.format(remembered.size) })
      : '';
  show();
  const run = hashFiles(jobs, {
    workers: Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2)),
    wasm: new URLSearchParams(location.search).has('wasm'),
    onHashed: (job, sha256) => {
      copy.get(job.path)!.sha256 = sha256;
      if (sha256) store.put(keyOf(job.path), sha256);
      progress.files += 1;
      progress.bytes += job.file.size;
    },
  });
  const timer = setInterval(show, 250);
  page.cancel = run.cancel;
  try {
    await run.done;
  } catch (error) {
    clearInterval(timer);
    if (!current()) return;
    say(
      error instanceof Cancelled
        ? t('copy.progress.cancelled')
        : t('copy.progress.failed', { reason: String(error) }),
    );
    page.cancel = null;
    page.progress.hidden = true;
    return;
  }
  clearInterval(timer);
  if (!current()) return;
  page.cancel = null;
  show();
  page.progress.hidden = true;
  const report = copyReport(
    { dataset: page.data['dataset']!, version: page.data['version']! },
    index,
    lists,
    copy,
  );
  renderResult(
    page.result,
    report,
    {
      locale: page.locale,
      index,
      studiesBase: page.data['studiesBase']!,
      reportName: page.data['reportName']!,
    },
    index.checksums,
  );
  page.result.hidden = false;
  say(t('copy.progress.done'));
  page.result.querySelector<HTMLElement>('h2')?.focus();
  try {
    const explorer = await fetchJson<ExplorerFile>(page.data['explorerData']!);
    if (!current()) return;
    renderHolds(page.holds, new Set([...folders].map((f) => `studies/${f}`)), {
      locale: page.locale,
      all: explorer.studies,
      explorer: page.data['explorer']!,
      studiesIndex: page.data['studiesBase']!,
    });
    page.holds.hidden = false;
  } catch {
    // The check stands without the statistics.
  }
}

function init(root: HTMLElement): void {
  const must = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const page: Page = {
    root,
    locale: (document.documentElement.lang === 'ru' ? 'ru' : 'en') as Locale,
    data: root.dataset,
    status: must('[data-status]'),
    progress: must('[data-progress]'),
    bar: must('progress'),
    barText: must('[data-progress-text]'),
    resumed: must('[data-resumed]'),
    result: must('[data-result]'),
    holds: must('[data-holds]'),
    cancel: null,
    generation: 0,
  };
  const t = useCopyTranslations(page.locale);
  const run = (get: () => Promise<PickedFile[] | null> | PickedFile[]) => {
    page.status.textContent = t('copy.pick.reading');
    void Promise.resolve(get()).then((picked) => (picked ? check(page, picked) : undefined));
  };
  const input = must<HTMLInputElement>('input[type=file]');
  input.webkitdirectory = true;
  input.addEventListener('change', () => {
    if (input.files && input.files.length > 0) run(() => fromInput(input.files!));
  });
  const picker = must<HTMLButtonElement>('[data-directory-picker]');
  if (hasDirectoryPicker()) {
    picker.hidden = false;
    picker.addEventListener('click', () => run(fromDirectoryPicker));
  }
  must<HTMLButtonElement>('[data-cancel]').addEventListener('click', () => page.cancel?.());
  const drop = must<HTMLElement>('[data-drop]');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const items = event.dataTransfer?.items;
    if (items) run(() => fromDrop(items));
  });
  for (const note of document.querySelectorAll<HTMLElement>('[data-needs-js]')) note.hidden = true;
}

for (const root of document.querySelectorAll<HTMLElement>('[data-your-copy]')) init(root);
