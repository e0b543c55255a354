/**
 * The download kit for a filtered subset of studies: a manifest CSV, the list of study folders,
 * and commands that copy exactly those folders out of a full copy of the dataset and verify
 * them. Pure text, shared by the explorer and the studies index (browser bundles: no zod).
 *
 * The commands never contain a dataset string: folder names (untrusted) live only in the list
 * file, which rsync and PowerShell read line by line, so no name can inject shell syntax.
 */
import { safeCsvRows } from './csv-safe.ts';
import type { Size } from './size.ts';

export interface ManifestStudy {
  id: string;
  /** Study folder relative to the dataset root, e.g. `studies/<uid>`. */
  path: string;
  seriesCount: number;
  size: Size;
  /** The study's digest (see checksums.ts), or null. */
  sha256: string | null;
}

export interface ManifestContext {
  /** The filter in words, e.g. `finding: subdural; sex: F`, or `all studies`. */
  filter: string;
  /** The page address with the filter, to reopen the same subset. */
  url: string;
  datasetVersion: string;
  builtAt: string;
  registrySha256: string | null;
}

/** File names the commands refer to (the user saves the downloads under these names). */
export const SUBSET_FILES = {
  folders: 'subset-folders.txt',
  manifest: 'subset-manifest.csv',
  bash: 'copy-subset.sh',
  powershell: 'copy-subset.ps1',
} as const;

/**
 * The filter as `name: value, value; …` from URL parameters.
 * @example filterInWords(new URLSearchParams('finding=subdural&finding=fracture&sex=F'))
 * // 'finding: subdural, fracture; sex: F'
 */
export function filterInWords(params: URLSearchParams): string {
  const byName = new Map<string, string[]>();
  for (const [name, value] of params) byName.set(name, [...(byName.get(name) ?? []), value]);
  if (byName.size === 0) return 'all studies';
  return [...byName].map(([name, values]) => `${name}: ${values.join(', ')}`).join('; ');
}

/**
 * Whether a path names one folder right under `studies/`: a path such as `studies/..` (from a
 * hostile registry) would make rsync copy the whole dataset, and a line break would add lines
 * to the folder list. The kit leaves such studies out.
 * @example isStudyPath('studies/1.2.3') // true
 * @example isStudyPath('studies/..') // false
 */
export function isStudyPath(path: string): boolean {
  const match = /^studies\/([^/\0\r\n]+)$/.exec(path);
  return match !== null && match[1] !== '.' && match[1] !== '..';
}

/** The manifest: `#` comment lines (filter, version, build date, registry hash), then CSV. */
export function manifestCsv(studies: readonly ManifestStudy[], context: ManifestContext): string {
  const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');
  const head = [
    `# MosMedData brain CT hemorrhage: subset manifest`,
    `# filter: ${oneLine(context.filter)}`,
    `# url: ${oneLine(context.url)}`,
    `# dataset version: ${context.datasetVersion}`,
    `# build date: ${context.builtAt}`,
    `# registry sha256: ${context.registrySha256 ?? 'unknown'}`,
    `# studies: ${studies.length}`,
  ];
  const rows = [
    ['study_id', 'folder', 'series_count', 'file_count', 'bytes', 'sha256'],
    ...studies
      .filter((s) => isStudyPath(s.path))
      .map((s) => [
        s.id,
        s.path,
        String(s.seriesCount),
        String(s.size.files),
        String(s.size.bytes),
        s.sha256 ?? '',
      ]),
  ];
  return `${head.join('\n')}\n${safeCsvRows(rows)}`;
}

/** One study folder per line (dataset-relative), the input of `rsync --files-from`. */
export function folderList(studies: readonly ManifestStudy[]): string {
  return studies
    .filter((s) => isStudyPath(s.path))
    .map((s) => `${s.path}\n`)
    .join('');
}

/**
 * Bash: copy the listed folders from the full copy (the current folder) to DEST with rsync,
 * then verify them with the subset's lines of SHA256SUMS when the site offers that file.
 */
export function bashCommands(withChecksums: boolean): string {
  const lines = [
    '#!/usr/bin/env bash',
    '# Run in the folder of your full copy of the dataset (the one that holds studies/),',
    `# with ${SUBSET_FILES.folders}${withChecksums ? ' and SHA256SUMS' : ''} saved in it. DEST: where the subset goes.`,
    'set -euo pipefail',
    'DEST="${1:-../mosmeddata-subset}"',
    'mkdir -p "$DEST"',
    // --files-from turns off -a's recursion into the listed folders: -r turns it back on.
    `rsync -a -r --files-from=${SUBSET_FILES.folders} ./ "$DEST"/`,
  ];
  if (withChecksums) {
    lines.push(
      "# The subset's lines of SHA256SUMS, checked in the copy (prints nothing when all match).",
      '# A backslash in a name is doubled in SHA256SUMS (sha256sum escapes it), so in the pattern.',
      `sed -e 's|\\\\|\\\\\\\\|g' -e 's|^|  |' -e 's|$|/|' ${SUBSET_FILES.folders} | grep -F -f - SHA256SUMS > "$DEST/SHA256SUMS.subset"`,
      '(cd "$DEST" && sha256sum -c --quiet SHA256SUMS.subset)',
    );
  } else {
    lines.push('# Checksums were not computed for this build: nothing to verify against.');
  }
  return `${lines.join('\n')}\n`;
}

/** PowerShell: the same copy with Copy-Item, and the same check with Get-FileHash. */
export function powershellCommands(withChecksums: boolean): string {
  const lines = [
    '# Run in the folder of your full copy of the dataset (the one that holds studies\\),',
    `# with ${SUBSET_FILES.folders}${withChecksums ? ' and SHA256SUMS' : ''} saved in it. $Dest: where the subset goes.`,
    "param([string]$Dest = '..\\mosmeddata-subset')",
    "$ErrorActionPreference = 'Stop'",
    `$folders = Get-Content -LiteralPath '${SUBSET_FILES.folders}' | Where-Object { $_ -ne '' }`,
    'foreach ($folder in $folders) {',
    '  $target = Join-Path $Dest $folder',
    '  New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null',
    '  Copy-Item -LiteralPath $folder -Destination $target -Recurse -Force',
    '}',
  ];
  if (withChecksums) {
    lines.push(
      '$prefixes = $folders | ForEach-Object { "$_/" }',
      '$failed = 0',
      "foreach ($line in Get-Content -LiteralPath 'SHA256SUMS') {",
      "  $hash, $path = $line -split '  ', 2",
      // sha256sum's escaped line (a name with \, newline or CR): \ before the hash, escapes.
      "  if ($hash.StartsWith('\\')) {",
      '    $hash = $hash.Substring(1)',
      "    $path = [regex]::Replace($path, '\\\\(.)', { param($m) switch ($m.Groups[1].Value) { 'n' { \"`n\" } 'r' { \"`r\" } default { $m.Groups[1].Value } } })",
      '  }',
      '  if (-not ($prefixes | Where-Object { $path.StartsWith($_) })) { continue }',
      '  $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath (Join-Path $Dest $path)).Hash',
      '  if ($actual -ne $hash.ToUpper()) { "FAILED: $path"; $failed++ }',
      '}',
      'if ($failed -gt 0) { exit 1 }',
    );
  }
  return `${lines.join('\n')}\n`;
}
