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

/**
 * What a copy script copies, listed one path a line in `file`: the subset kit's study folders,
 * or the "Your copy" repair kit's files (src/scripts/your-copy/). `dest` says what DEST is.
 */
export interface CopyList {
  file: string;
  folders: boolean;
  dest: string;
}

export const SUBSET_LIST: CopyList = {
  file: SUBSET_FILES.folders,
  folders: true,
  dest: 'where the subset goes',
};

/** One study folder per line (dataset-relative), the input of `rsync --files-from`. */
export function folderList(studies: readonly ManifestStudy[]): string {
  return studies
    .filter((s) => isStudyPath(s.path))
    .map((s) => `${s.path}\n`)
    .join('');
}

/** The files a script reads besides itself, as its head comment names them. */
function savedFiles(withChecksums: boolean, list: CopyList): string {
  const manifest = list.folders ? [SUBSET_FILES.manifest] : [];
  return [list.file, ...manifest, ...(withChecksums ? ['SHA256SUMS'] : [])]
    .join(', ')
    .replace(/, ([^,]*)$/, ' and $1');
}

/** What the scripts say in their head when there is nothing to verify the contents against. */
const NO_CHECKSUMS_NOTE = [
  '# This site publishes no checksums (SHA256SUMS), so the files cannot be verified byte for',
  "# byte: the script checks each study folder's file count and bytes against the manifest.",
];

/**
 * Bash: copy the listed folders from the full copy (the current folder) to DEST with rsync
 * (run again, it brings the copy up to date), then check each study folder's file count and
 * bytes against the manifest (the manifest's rows follow the folder list's lines), and the
 * contents with the subset's lines of SHA256SUMS when the site offers that file.
 */
export function bashCommands(withChecksums: boolean, list: CopyList = SUBSET_LIST): string {
  const lines = [
    '#!/usr/bin/env bash',
    '# Run in the folder of your full copy of the dataset (the one that holds studies/),',
    `# with ${savedFiles(withChecksums, list)} saved in it. DEST: ${list.dest}.`,
    ...(withChecksums ? [] : NO_CHECKSUMS_NOTE),
    'set -euo pipefail',
    'DEST="${1:-../mosmeddata-subset}"',
    'mkdir -p "$DEST"',
    // --files-from turns off -a's recursion into the listed folders: -r turns it back on.
    // Listed files are known to be damaged: -I copies them even if size and time agree.
    `rsync -a -r${list.folders ? '' : ' -I'} --files-from=${list.file} ./ "$DEST"/`,
    ...(list.folders ? bashFolderCheck() : ['failed=0']),
  ];
  if (withChecksums) {
    lines.push(
      "# The subset's lines of SHA256SUMS, checked in the copy (prints nothing when all match).",
      '# A backslash in a name is doubled in SHA256SUMS (sha256sum escapes it), so in the pattern.',
      `sed -e 's|\\\\|\\\\\\\\|g' -e 's|^|  |'${list.folders ? " -e 's|$|/|'" : ''} ${list.file} | grep -F -f - SHA256SUMS > "$DEST/SHA256SUMS.subset"`,
      '(cd "$DEST" && sha256sum -c --quiet SHA256SUMS.subset)',
    );
  }
  lines.push('exit "$failed"');
  return `${lines.join('\n')}\n`;
}

/**
 * Bash: each study folder's file count and bytes in the copy against the manifest's (its rows
 * follow the folder list's lines); sets `failed`.
 */
function bashFolderCheck(): string[] {
  return [
    "# Each study folder's files and bytes in the copy, against the manifest's file_count and",
    '# bytes (its last columns but one; its rows are in the order of the folder list).',
    'failed=0',
    'while IFS=, read -r want_files want_bytes <&3 && IFS= read -r folder <&4; do',
    '  files=0 bytes=0',
    '  if [ -d "$DEST/$folder" ]; then',
    // One line per file whatever its name holds (a newline too): count lines, sum sizes.
    `    read -r files bytes < <(find "$DEST/$folder" -type f -printf '%s\\n' | awk '{ n++; s += $1 } END { print n + 0, s + 0 }')`,
    '  fi',
    '  if [ "$files" != "$want_files" ] || [ "$bytes" != "$want_bytes" ]; then',
    `    printf 'DIFFERS: %s: files %s (manifest %s), bytes %s (manifest %s)\\n' "$folder" "$files" "$want_files" "$bytes" "$want_bytes"`,
    '    failed=1',
    '  fi',
    `done 3< <(grep -v '^#' ${SUBSET_FILES.manifest} | tail -n +2 | awk -F, '{ print $(NF - 2) "," $(NF - 1) }') 4< ${SUBSET_FILES.folders}`,
  ];
}

/**
 * PowerShell: the same copy with Copy-Item, file by file (copying a folder onto one that exists,
 * as on a second run, would put it inside that one), the same check of file counts and bytes,
 * and the same check of the contents with Get-FileHash.
 */
export function powershellCommands(withChecksums: boolean, list: CopyList = SUBSET_LIST): string {
  const lines = [
    '# Run in the folder of your full copy of the dataset (the one that holds studies\\),',
    `# with ${savedFiles(withChecksums, list)} saved in it. $Dest: ${list.dest}.`,
    ...(withChecksums ? [] : NO_CHECKSUMS_NOTE),
    "param([string]$Dest = '..\\mosmeddata-subset')",
    "$ErrorActionPreference = 'Stop'",
    `$folders = @(Get-Content -LiteralPath '${list.file}' | Where-Object { $_ -ne '' })`,
    '$root = (Get-Location).ProviderPath',
    '# File by file, each to its own path: run again, the copy is brought up to date, not nested.',
    'foreach ($folder in $folders) {',
    '  foreach ($file in Get-ChildItem -LiteralPath $folder -File -Recurse -Force) {',
    '    $target = Join-Path $Dest $file.FullName.Substring($root.Length + 1)',
    '    New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null',
    '    Copy-Item -LiteralPath $file.FullName -Destination $target -Force',
    '  }',
    '}',
    ...(list.folders ? powershellFolderCheck() : ['$failed = 0']),
  ];
  if (withChecksums) {
    lines.push(
      `$prefixes = $folders | ForEach-Object { "$_${list.folders ? '/' : ''}" }`,
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
    );
  }
  lines.push('if ($failed -gt 0) { exit 1 }');
  return `${lines.join('\n')}\n`;
}

/** PowerShell: the same check of each study folder's file count and bytes; sets `$failed`. */
function powershellFolderCheck(): string[] {
  return [
    "# Each study folder's files and bytes in the copy, against the manifest's file_count and",
    '# bytes (its last columns but one; its rows are in the order of the folder list).',
    `$rows = @(Get-Content -LiteralPath '${SUBSET_FILES.manifest}' | Where-Object { -not $_.StartsWith('#') } | Select-Object -Skip 1)`,
    '$failed = 0',
    'for ($i = 0; $i -lt $folders.Count; $i++) {',
    "  $cells = $rows[$i] -split ','",
    '  $dir = Join-Path $Dest $folders[$i]',
    '  $got = @(if (Test-Path -LiteralPath $dir) { Get-ChildItem -LiteralPath $dir -File -Recurse -Force })',
    '  $bytes = [long]($got | Measure-Object -Property Length -Sum).Sum',
    '  if ($got.Count -ne [long]$cells[-3] -or $bytes -ne [long]$cells[-2]) {',
    '    "DIFFERS: $($folders[$i]): files $($got.Count) (manifest $($cells[-3])), bytes $bytes (manifest $($cells[-2]))"',
    '    $failed++',
    '  }',
    '}',
  ];
}
