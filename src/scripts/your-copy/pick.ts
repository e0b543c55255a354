/**
 * The files of a folder the reader gives the page, three ways, as one list of
 * `{ path, file }` with `path` relative to the folder's parent (`<folder>/studies/...`):
 * `<input type=file webkitdirectory>` (every browser), a folder dropped on the page (entries
 * read until `readEntries` returns none: Chromium gives at most 100 a call), and
 * `showDirectoryPicker` where it exists (Chromium).
 */
export interface PickedFile {
  path: string;
  file: File;
}

/** From a `webkitdirectory` input: each File carries its `webkitRelativePath`. */
export function fromInput(files: FileList): PickedFile[] {
  return Array.from(files, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

function entries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walkEntry(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ path: entry.fullPath.replace(/^\/+/, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (let batch = await entries(reader); batch.length > 0; batch = await entries(reader)) {
    for (const child of batch) await walkEntry(child, out);
  }
}

/** From a drop: the dropped folders (and files) walked to the end. */
export async function fromDrop(items: DataTransferItemList): Promise<PickedFile[]> {
  const roots = Array.from(items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => !!entry);
  const out: PickedFile[] = [];
  for (const root of roots) await walkEntry(root, out);
  return out;
}

interface DirectoryHandle {
  name: string;
  kind: 'directory';
  values(): AsyncIterable<DirectoryHandle | FileHandle>;
}
interface FileHandle {
  name: string;
  kind: 'file';
  getFile(): Promise<File>;
}

async function walkHandle(dir: DirectoryHandle, prefix: string, out: PickedFile[]) {
  for await (const handle of dir.values()) {
    const path = `${prefix}${handle.name}`;
    if (handle.kind === 'file') out.push({ path, file: await handle.getFile() });
    else await walkHandle(handle, `${path}/`, out);
  }
}

type PickerWindow = Window & { showDirectoryPicker?: () => Promise<DirectoryHandle> };

export const hasDirectoryPicker = () =>
  typeof (window as PickerWindow).showDirectoryPicker === 'function';

/** From `showDirectoryPicker`; null when the reader closed the picker. */
export async function fromDirectoryPicker(): Promise<PickedFile[] | null> {
  let dir: DirectoryHandle;
  try {
    dir = await (window as PickerWindow).showDirectoryPicker!();
  } catch {
    return null;
  }
  const out: PickedFile[] = [];
  await walkHandle(dir, `${dir.name}/`, out);
  return out;
}
