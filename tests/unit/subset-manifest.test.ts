/**
 * The subset kit's texts with awkward names: the bash script copies and verifies study folders
 * whose names hold a backslash, spaces or quotes, and files whose names hold a newline (run
 * for real with rsync and sha256sum); the PowerShell script, which cannot run here (Debian has
 * no pwsh), is checked as text: it takes every name from the files it reads, never from its
 * own code, and hands them to cmdlets as literal paths.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SUBSET_FILES,
  bashCommands,
  folderList,
  manifestCsv,
  powershellCommands,
  type ManifestStudy,
} from '../../src/domain/subset-manifest.ts';
import { sha256sumsText } from '../../src/pipeline/imaging/checksums/checksums.ts';

const work = mkdtempSync(join(tmpdir(), 'subset-manifest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FOLDERS = ['odd\\folder', 'it\'s $(echo) "quoted"', 'plain', 'left out'];
const FILES: Record<string, string[]> = {
  'odd\\folder': ['s1/a.dcm', 's1/back\\slash.dcm'],
  'it\'s $(echo) "quoted"': ['s1/new\nline.dcm', 's2/b.dcm'],
  plain: ['s/c.dcm'],
  'left out': ['s/d.dcm'],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** A study of FILES as the manifest lists it: each file's content is its own path. */
const study = (folder: string): ManifestStudy => ({
  id: folder,
  path: `studies/${folder}`,
  seriesCount: 1,
  size: {
    files: FILES[folder]!.length,
    bytes: FILES[folder]!.reduce((sum, f) => sum + Buffer.byteLength(`studies/${folder}/${f}`), 0),
  },
  sha256: null,
});

const CONTEXT = {
  filter: 'all studies',
  url: 'https://example.net/en/statistics/',
  datasetVersion: '1.0.0',
  builtAt: '2026-01-01T00:00:00.000Z',
  registrySha256: null,
};

/** A full copy of FILES in `dir`, the kit's files saved in it; returns SHA256SUMS' entries. */
function fullCopy(dir: string, subset: readonly ManifestStudy[]): Map<string, string> {
  const sums = new Map<string, string>();
  for (const folder of FOLDERS) {
    for (const file of FILES[folder]!) {
      const rel = `studies/${folder}/${file}`;
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), rel);
      sums.set(rel, createHash('sha256').update(rel).digest('hex'));
    }
  }
  writeFileSync(join(dir, SUBSET_FILES.folders), folderList(subset));
  writeFileSync(join(dir, SUBSET_FILES.manifest), manifestCsv(subset, CONTEXT));
  return sums;
}

describe('the bash script with awkward names', () => {
  it('copies exactly the listed folders and verifies them, escaped SHA256SUMS lines included', () => {
    const full = join(work, 'full');
    const subset = FOLDERS.filter((f) => f !== 'left out').map(study);
    const sums = fullCopy(full, subset);
    writeFileSync(join(full, 'SHA256SUMS'), sha256sumsText(sums));
    writeFileSync(join(full, SUBSET_FILES.bash), bashCommands(true));
    const dest = join(work, 'subset');
    const run = spawnSync('bash', [SUBSET_FILES.bash, dest], { cwd: full, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = [...sums.keys()].filter((p) => !p.startsWith('studies/left out/')).sort();
    expect(filesUnder(dest).filter((f) => f !== 'SHA256SUMS.subset')).toEqual(expected);
    const checked = readFileSync(join(dest, 'SHA256SUMS.subset'), 'utf8');
    expect(checked.split('\n').filter(Boolean)).toHaveLength(expected.length);
    expect(checked).toContain('\\'); // the escaped lines are among them

    // A damaged file with a newline in its name fails the check.
    writeFileSync(join(dest, 'studies/it\'s $(echo) "quoted"/s1/new\nline.dcm'), 'damaged');
    const check = spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS.subset'], {
      cwd: dest,
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('new\\nline.dcm: FAILED');
  });
});

describe('the repair kit of the "Your copy" page (the same builders over a list of files)', () => {
  it('copies exactly the listed missing and corrupt files into the copy, then verifies them', () => {
    const full = join(work, 'repair-full');
    const mine = join(work, 'repair-mine');
    const sums = new Map<string, string>();
    for (const folder of FOLDERS) {
      for (const file of FILES[folder]!) {
        const rel = `studies/${folder}/${file}`;
        for (const root of [full, mine]) {
          mkdirSync(join(root, rel, '..'), { recursive: true });
          writeFileSync(join(root, rel), rel);
        }
        sums.set(rel, createHash('sha256').update(rel).digest('hex'));
      }
    }
    writeFileSync(join(full, 'SHA256SUMS'), sha256sumsText(sums));
    const missing = 'studies/odd\\folder/s1/back\\slash.dcm';
    const corrupt = 'studies/plain/s/c.dcm';
    rmSync(join(mine, missing));
    // Same size, other bytes: only the list says it is damaged.
    writeFileSync(join(mine, corrupt), corrupt.replace('c.dcm', 'x.dcm'));
    const list = { file: 'repair-files.txt', folders: false, dest: 'your copy' };
    writeFileSync(join(full, list.file), `${[missing, corrupt].sort().join('\n')}\n`);
    writeFileSync(join(full, 'repair.sh'), bashCommands(true, list));
    const run = spawnSync('bash', ['repair.sh', mine], { cwd: full, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(mine, missing), 'utf8')).toBe(missing);
    expect(readFileSync(join(mine, corrupt), 'utf8')).toBe(corrupt);
    const checked = readFileSync(join(mine, 'SHA256SUMS.subset'), 'utf8').split('\n');
    expect(checked.filter(Boolean)).toHaveLength(2);
  });
});

describe('the bash script without checksums', () => {
  const full = join(work, 'full-no-sums');
  const dest = join(work, 'subset-no-sums');
  const subset = FOLDERS.filter((f) => f !== 'left out').map(study);
  const run = () => spawnSync('bash', [SUBSET_FILES.bash, dest], { cwd: full, encoding: 'utf8' });

  it('says in its head that it checks counts and bytes, and promises no sha256sum', () => {
    const script = bashCommands(false);
    expect(script).not.toContain('sha256sum');
    expect(script).not.toContain('SHA256SUMS.subset');
    expect(script).toContain('publishes no checksums');
    expect(script).toContain(`with ${SUBSET_FILES.folders} and ${SUBSET_FILES.manifest} saved`);
  });

  it("copies, and checks every study folder's file count and bytes against the manifest", () => {
    fullCopy(full, subset);
    writeFileSync(join(full, SUBSET_FILES.bash), bashCommands(false));
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('');
    expect(first.status).toBe(0);
    // Run twice: the same files, nothing nested, still passing.
    const second = run();
    expect(second.status).toBe(0);
    const expected = subset.flatMap((s) => FILES[s.id]!.map((f) => `${s.path}/${f}`)).sort();
    expect(filesUnder(dest)).toEqual(expected);

    // A file lost and a file cut short in the copy: both folders are named, the run fails.
    rmSync(join(dest, 'studies/plain/s/c.dcm'));
    writeFileSync(join(dest, 'studies/odd\\folder/s1/a.dcm'), 'cut');
    const copy = spawnSync('bash', ['-c', `sed -i '/^rsync/d' ${SUBSET_FILES.bash}`], {
      cwd: full,
    });
    expect(copy.status).toBe(0);
    const damaged = run();
    expect(damaged.status).toBe(1);
    expect(damaged.stdout).toContain(
      'DIFFERS: studies/plain: files 0 (manifest 1), bytes 0 (manifest 21)',
    );
    expect(damaged.stdout).toContain('DIFFERS: studies/odd\\folder: files 2 (manifest 2), bytes');
    expect(damaged.stdout.trim().split('\n')).toHaveLength(2);
  });
});

describe('the PowerShell script (as text: no pwsh in Debian)', () => {
  for (const withChecksums of [true, false]) {
    const script = powershellCommands(withChecksums);
    const code = script
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');

    it(`reads names only from the files it is given, never from its code (checksums: ${withChecksums})`, () => {
      // The same text for any subset: no dataset string can be in it.
      expect(powershellCommands(withChecksums)).toBe(script);
      // Its only single-quoted strings are our own constants (no $ expansion inside them).
      const quoted = [...code.matchAll(/'([^']*)'/g)].map((m) => m[1]);
      expect(new Set(quoted)).toEqual(
        new Set([
          '..\\mosmeddata-subset',
          'Stop',
          SUBSET_FILES.folders,
          SUBSET_FILES.manifest,
          '#',
          ',',
          '',
          ...(withChecksums ? ['SHA256SUMS', '  ', '\\', '\\\\(.)', 'n', 'r'] : []),
        ]),
      );
      expect(code).not.toMatch(/Invoke-Expression|\biex\b|Start-Process|& \$/);
    });

    it(`gives every path to a cmdlet as a literal path (checksums: ${withChecksums})`, () => {
      for (const cmdlet of ['Get-Content', 'Copy-Item', 'Get-FileHash']) {
        for (const line of code.split('\n').filter((l) => l.includes(cmdlet))) {
          expect(line, line).toContain(`${cmdlet} `);
          expect(line, line).toMatch(new RegExp(`${cmdlet}[^|]*-LiteralPath`));
        }
      }
      // Paths built from names stay values: Join-Path (no -Resolve: nothing is globbed).
      expect(code).not.toContain('-Resolve');
      expect(code).not.toMatch(/\s-Path \$/);
    });
  }

  it('copies file by file, so a second run updates the copy instead of nesting a folder in it', () => {
    const code = powershellCommands(false);
    // Copy-Item of a folder onto one that exists puts it inside: never a folder, never -Recurse.
    const copies = code.split('\n').filter((l) => l.includes('Copy-Item'));
    expect(copies).toEqual([
      '    Copy-Item -LiteralPath $file.FullName -Destination $target -Force',
    ]);
    // The files come from a recursive listing of each listed folder, each to its own path.
    expect(code).toContain('Get-ChildItem -LiteralPath $folder -File -Recurse -Force');
    expect(code).toContain('$target = Join-Path $Dest $file.FullName.Substring($root.Length + 1)');
  });

  it('checks file counts and bytes per study folder with or without checksums', () => {
    for (const withChecksums of [true, false]) {
      const code = powershellCommands(withChecksums);
      expect(code).toContain(`Get-Content -LiteralPath '${SUBSET_FILES.manifest}'`);
      expect(code).toContain('Measure-Object -Property Length -Sum');
      expect(code).toContain('if ($failed -gt 0) { exit 1 }');
      expect(code.includes('Get-FileHash')).toBe(withChecksums);
      expect(code.includes('publishes no checksums')).toBe(!withChecksums);
    }
  });
});
