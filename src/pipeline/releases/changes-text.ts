/**
 * The CHANGES file (the CPAN / BIDS convention): one block per release, newest first, a line
 * "<version> <date>" and its changes as "  - " items. Plain English, as BIDS CHANGES files are;
 * the pages say the same in each reader's language.
 */
import type { ChangesFile, VersionEntry } from '../../domain/changes.ts';

const day = (iso: string) => iso.slice(0, 10);

function items(changes: ChangesFile): string[] {
  if (changes.from === null) return ['First recorded release.'];
  const out: string[] = [];
  for (const d of changes.declared)
    out.push(`Declared ${d.key}: ${d.from ?? '—'} -> ${d.to ?? '—'}`);
  for (const s of changes.studies.added) out.push(`Added study ${s}`);
  for (const s of changes.studies.removed) out.push(`Removed study ${s}`);
  for (const c of changes.studies.changed) {
    out.push(`Changed study ${c.study}: ${c.field} "${c.from}" -> "${c.to}"`);
  }
  for (const f of changes.files.added) out.push(`Added file ${f}`);
  for (const f of changes.files.removed) out.push(`Removed file ${f}`);
  for (const f of changes.files.changed) out.push(`Changed file ${f}`);
  if (out.length === 0) out.push('No changes to the studies, files or declared facts.');
  return out;
}

/**
 * The CHANGES text: this release in detail, the earlier ones (versions.json) by line only.
 * @example changesText(first, [entry]) // '1.0.0 2023-10-12\n  - First recorded release.\n'
 */
export function changesText(changes: ChangesFile, versions: readonly VersionEntry[]): string {
  const head = (v: { version: string | null; built: string }) =>
    `${v.version ?? 'unversioned'} ${day(v.built)}`;
  const blocks = [[head(changes.to), ...items(changes).map((i) => `  - ${i}`)].join('\n')];
  const earlier = versions.filter(
    (v) => !(v.version === changes.to.version && v.built === changes.to.built),
  );
  for (const v of [...earlier].reverse()) {
    blocks.push(`${head(v)}\n  - ${v.studies} studies, ${v.files} files.`);
  }
  return `${blocks.join('\n\n')}\n`;
}
