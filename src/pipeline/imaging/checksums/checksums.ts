/**
 * The checksum stage (on unless --no-checksums): the SHA-256 of every listed file, in the worker pool, taken
 * from the cache when the file's size and mtime are unchanged. Stored as each batch finishes,
 * so an interrupted run keeps what it hashed. A file that vanished, changed or could not be
 * read is a finding naming it, and is left out of the sums.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FindingCode } from '../../../domain/findings-catalog.ts';
import type { QualityFinding } from '../../../domain/schemas.ts';
import type { OnProgress } from '../../progress.ts';
import { finding } from '../../quality/finding.ts';
import type { CachedHash, ImagingCache } from '../cache/cache.ts';
import type { HashOutcome } from './hash-file.ts';
import type { WorkerPool } from '../workers/pool.ts';
import type { FileStat } from '../types.ts';

/** Files per task: a few MB of DICOM each, so the pool stays balanced. */
const HASH_BATCH = 32;

export interface ChecksumResult {
  /** SHA-256 (hex) by dataset-relative path, for every file that could be hashed. */
  sha256: Map<string, string>;
  /** Files hashed in this run (the rest came from the cache). */
  hashedNow: number;
  findings: QualityFinding[];
}

/** The finding code of each reason a file has no checksum. */
const PROBLEM_CODES = {
  vanished: 'checksum-file-vanished',
  changed: 'checksum-file-changed',
  unreadable: 'checksum-file-unreadable',
} as const satisfies Record<Exclude<HashOutcome, { sha256: string }>['problem'], FindingCode>;

export async function computeChecksums(
  datasetDir: string,
  files: readonly FileStat[],
  cache: ImagingCache,
  getPool: () => WorkerPool,
  progress: OnProgress,
): Promise<ChecksumResult> {
  const sha256 = new Map<string, string>();
  const findings: QualityFinding[] = [];
  const toHash: FileStat[] = [];
  for (const file of files) {
    const hit = cache.hash(file.rel);
    if (hit && hit.size === file.size && hit.mtimeMs === file.mtimeMs) {
      sha256.set(file.rel, hit.sha256);
    } else {
      toHash.push(file);
    }
  }
  const total = files.length;
  let done = sha256.size;
  progress({ stage: 'checksums', done, total });
  const batches: FileStat[][] = [];
  for (let i = 0; i < toHash.length; i += HASH_BATCH) batches.push(toHash.slice(i, i + HASH_BATCH));
  await Promise.all(
    batches.map(async (batch) => {
      const outcomes = await getPool().run({
        kind: 'hash',
        files: batch.map((f) => ({
          path: join(datasetDir, f.rel),
          size: f.size,
          mtimeMs: f.mtimeMs,
        })),
      });
      const stored: [string, CachedHash][] = [];
      batch.forEach((file, i) => {
        const outcome = outcomes[i]!;
        if ('sha256' in outcome) {
          sha256.set(file.rel, outcome.sha256);
          stored.push([
            file.rel,
            { size: file.size, mtimeMs: file.mtimeMs, sha256: outcome.sha256 },
          ]);
        } else {
          findings.push(
            finding(PROBLEM_CODES[outcome.problem], { file: file.rel }, { file: file.rel }),
          );
        }
      });
      cache.putHashes(stored);
      done += batch.length;
      progress({ stage: 'checksums', done, total });
    }),
  );
  cache.pruneHashes(new Set(files.map((f) => f.rel)));
  return { sha256, hashedNow: toHash.length, findings };
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r' };

/**
 * One line of SHA256SUMS as GNU sha256sum writes it: hash, two spaces, path. A path with a
 * backslash, newline or carriage return is written escaped (`\\`, `\n`, `\r`) and the line
 * starts with a backslash, which tells `sha256sum -c` to unescape it (coreutils 9).
 * @example sha256sumsLine('studies/a/1.dcm', 'ab…') // 'ab…  studies/a/1.dcm\n'
 * @example sha256sumsLine('studies/a\\b', 'ab…') // '\\ab…  studies/a\\\\b\n'
 */
export function sha256sumsLine(path: string, sha256: string): string {
  if (!/[\\\n\r]/.test(path)) return `${sha256}  ${path}\n`;
  return `\\${sha256}  ${path.replace(/[\\\n\r]/g, (c) => ESCAPES[c]!)}\n`;
}

/**
 * SHA256SUMS text in `sha256sum -c` format (sha256sumsLine), sorted by path.
 * @example sha256sumsText(new Map([['studies/a/1.dcm', 'ab…']])) // 'ab…  studies/a/1.dcm\n'
 */
export function sha256sumsText(sha256: ReadonlyMap<string, string>): string {
  const paths = [...sha256.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return paths.map((p) => sha256sumsLine(p, sha256.get(p)!)).join('');
}

/**
 * A study's digest: the SHA-256 of its lines of SHA256SUMS (sorted by path, as in the file),
 * so anyone can recompute it with `grep ' studies/<folder>/' SHA256SUMS | sha256sum`. Null
 * when a file of the folder has no checksum (its digest would not describe the folder).
 */
export function folderDigests(
  files: readonly FileStat[],
  sha256: ReadonlyMap<string, string>,
): Record<string, string | null> {
  const byFolder = new Map<string, FileStat[]>();
  for (const file of files) {
    const parts = file.rel.split('/');
    if (parts.length < 3) continue;
    const list = byFolder.get(parts[1]!) ?? [];
    list.push(file);
    byFolder.set(parts[1]!, list);
  }
  const digests: Record<string, string | null> = {};
  for (const [folder, list] of byFolder) {
    const complete = list.every((f) => sha256.has(f.rel));
    digests[folder] = complete
      ? createHash('sha256')
          .update(sha256sumsText(new Map(list.map((f) => [f.rel, sha256.get(f.rel)!]))))
          .digest('hex')
      : null;
  }
  return digests;
}
