/**
 * From the files the reader picked to the study's series, each slice in spatial order by the
 * build's rule (spatial-order.ts). Headers are read from a prefix of each file, several at a
 * time. A file that cannot be read stays in its series (after the ordered slices) so that it is
 * named when shown, never skipped in silence; files that are not image slices are left out.
 */
import { NotDicom } from '../../pipeline/imaging/dicom/sniff.ts';
import { spatialOrder } from '../../pipeline/imaging/plan/spatial-order.ts';
import { NotASlice, readSliceHeader, type SliceHeader } from './read-slice.ts';
import { orderSeries, studyFilesBySeries } from './study-files.ts';

export interface SliceEntry {
  file: File;
  /** The file's path inside the folder the reader picked. */
  path: string;
  header: SliceHeader | null;
  /** Why the header could not be read, or null. */
  error: string | null;
}

export interface LoadedSeries {
  folder: string;
  slices: SliceEntry[];
}

export interface StudyRef {
  /** The study's folder name under `studies/`. */
  folder: string;
  /** The study's id (StudyInstanceUID), for files whose folders were renamed. */
  uid: string;
  /** Series folders in the page's order. */
  series: readonly string[];
}

/** Above this many picked files, a study whose folder is not found is not searched by UID. */
const UID_SEARCH_LIMIT = 5000;
const PARALLEL = 8;

const pathOf = (file: File) => file.webkitRelativePath || file.name;

type Read = { file: File; header: SliceHeader | null; error: string | null; skip: boolean };

async function readAll(files: File[], progress: (done: number) => void): Promise<Read[]> {
  const out: Read[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      try {
        out[i] = { file, header: await readSliceHeader(file), error: null, skip: false };
      } catch (error) {
        const skip = error instanceof NotASlice || error instanceof NotDicom;
        out[i] = { file, header: null, error: reason(error), skip };
      }
      progress(++done);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return out;
}

/** An error's first line, short enough for the status line. */
export function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 160);
}

function ordered(folder: string, reads: Read[]): LoadedSeries {
  const good = reads.filter((r) => r.header);
  const bad = reads.filter((r) => !r.header && !r.skip);
  const sorted = spatialOrder(
    good,
    (r) => r.header!,
    (r) => pathOf(r.file),
  ).items;
  const entry = (r: Read): SliceEntry => ({
    file: r.file,
    path: pathOf(r.file),
    header: r.header,
    error: r.error,
  });
  bad.sort((a, b) => (pathOf(a.file) < pathOf(b.file) ? -1 : 1));
  return { folder, slices: [...sorted, ...bad].map(entry) };
}

/**
 * The study's series among `files`, each with at least one slice; empty when none is found.
 * `progress(done, total)` is called as headers are read.
 */
export async function loadStudy(
  files: File[],
  study: StudyRef,
  progress: (done: number, total: number) => void,
): Promise<LoadedSeries[]> {
  const groups = studyFilesBySeries(files, pathOf, study.folder);
  if (groups.size === 0 && files.length <= UID_SEARCH_LIMIT) {
    // The folder may have been renamed: find the study by the UID in the headers.
    const reads = await readAll(files, (done) => progress(done, files.length));
    const mine = reads.filter((r) => r.header?.studyUid === study.uid);
    const byFolder = new Map<string, Read[]>();
    for (const r of mine) {
      const folder = pathOf(r.file).split('/').at(-2) ?? '';
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), r]);
    }
    return orderSeries([...byFolder.keys()], study.series).map((f) => ordered(f, byFolder.get(f)!));
  }
  const total = [...groups.values()].reduce((sum, list) => sum + list.length, 0);
  let before = 0;
  const series: LoadedSeries[] = [];
  for (const folder of orderSeries([...groups.keys()], study.series)) {
    const list = groups.get(folder)!;
    const reads = await readAll(list, (done) => progress(before + done, total));
    before += list.length;
    const loaded = ordered(folder, reads);
    if (loaded.slices.length) series.push(loaded);
  }
  return series;
}
