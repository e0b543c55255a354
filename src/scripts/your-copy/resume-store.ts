/**
 * What this browser already hashed, kept in IndexedDB so that a check cut short (a reload, a
 * cancel) goes on without reading those files again. Keyed by the file's path in the copy, its
 * size and its last-modified time: a file changed since has another key and is hashed again.
 * Every failure of IndexedDB (private windows, quota) only means nothing is remembered.
 */
const DB = 'mosmeddata-your-copy';
const STORE = 'sha256';

export const resumeKey = (path: string, size: number, lastModified: number) =>
  `${path}\n${size}\n${lastModified}`;

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

export interface ResumeStore {
  get(keys: readonly string[]): Promise<Map<string, string>>;
  put(key: string, sha256: string): void;
}

export async function openResumeStore(): Promise<ResumeStore> {
  const db = await open();
  return {
    get: (keys) =>
      new Promise((resolve) => {
        const found = new Map<string, string>();
        if (!db || keys.length === 0) return resolve(found);
        try {
          const store = db.transaction(STORE, 'readonly').objectStore(STORE);
          let left = keys.length;
          for (const key of keys) {
            const request = store.get(key);
            request.onsuccess = () => {
              if (typeof request.result === 'string') found.set(key, request.result);
              if (--left === 0) resolve(found);
            };
            request.onerror = () => {
              if (--left === 0) resolve(found);
            };
          }
        } catch {
          resolve(found);
        }
      }),
    put: (key, sha256) => {
      try {
        db?.transaction(STORE, 'readwrite').objectStore(STORE).put(sha256, key);
      } catch {
        // Not remembered: the file is hashed again next time.
      }
    },
  };
}
