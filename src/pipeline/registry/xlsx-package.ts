/**
 * The registry workbook's zip package, checked and cleaned before exceljs sees it. exceljs (via
 * JSZip) inflates every part into memory and only then compares sizes, so a 3 MB zip bomb costs
 * gigabytes before it fails. Here the central directory's declared sizes are checked first,
 * each part is inflated with a hard cap (a part that inflates past what it declared is a bomb
 * however small its header says it is), and the sheet XML is cleaned of characters XML 1.0
 * forbids (a raw NUL makes the XML parser reject the whole workbook). The result is re-packed
 * uncompressed for exceljs. Pure apart from zlib; never throws for bad content.
 */
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

/** A registry of ~10,000 rows is a few MB of sheet XML; 32 MB per part is far above any real one. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;
/** All parts together, uncompressed. */
export const MAX_PACKAGE_BYTES = 96 * 1024 * 1024;
/** A real workbook has tens of parts. */
const MAX_PARTS = 10_000;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export type PackageOutcome =
  | {
      ok: true;
      /** The package to hand to exceljs (stored, not deflated). */
      bytes: Buffer;
      /** Parts from which characters forbidden in XML were removed, with how many. */
      cleaned: { part: string; removed: number }[];
    }
  | { ok: false; kind: 'bomb' | 'not-zip' | 'broken'; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEocd(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  for (let i = bytes.length - 22; i >= stop; i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

function centralDirectory(bytes: Buffer): ZipEntry[] | string {
  const eocd = findEocd(bytes);
  if (eocd < 0) return 'no zip end record';
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count > MAX_PARTS) return `${count} parts`;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) {
      return 'broken central directory';
    }
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push({
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      uncompressedSize: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const MB = (n: number) => (n < 1024 * 1024 ? `${n} bytes` : `${Math.round(n / 1024 / 1024)} MB`);

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF).
 * Removed from the text of every .xml part; the count says how many.
 */
export function cleanXml(text: string): { text: string; removed: number } {
  let removed = 0;
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, () => {
    removed += 1;
    return '';
  });
  return { text: cleaned, removed };
}

/** Checks, inflates (capped) and cleans an .xlsx package; see the module doc. */
export async function preparePackage(bytes: Buffer): Promise<PackageOutcome> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL) {
    return { ok: false, kind: 'not-zip', reason: 'not a zip package' };
  }
  const entries = centralDirectory(bytes);
  if (typeof entries === 'string') return { ok: false, kind: 'broken', reason: entries };
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (e.uncompressedSize === 0xffffffff || e.uncompressedSize > MAX_PART_BYTES) {
      return {
        ok: false,
        kind: 'bomb',
        reason: `part ${e.name} declares ${MB(e.uncompressedSize)} uncompressed (limit ${MB(MAX_PART_BYTES)})`,
      };
    }
  }
  if (declared > MAX_PACKAGE_BYTES) {
    return {
      ok: false,
      kind: 'bomb',
      reason: `parts declare ${MB(declared)} uncompressed (limit ${MB(MAX_PACKAGE_BYTES)})`,
    };
  }
  const zip = new JSZip();
  const cleaned: { part: string; removed: number }[] = [];
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const at = e.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) {
      return { ok: false, kind: 'broken', reason: `part ${e.name}: no local header` };
    }
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    let content: Buffer;
    if (e.method === 0) {
      content = data;
    } else if (e.method === 8) {
      try {
        // One byte more than declared: inflating past the declared size is the bomb's tell.
        content = inflateRawSync(data, { maxOutputLength: e.uncompressedSize + 1 });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || /buffer|length/i.test(String(error))) {
          return {
            ok: false,
            kind: 'bomb',
            reason: `part ${e.name} inflates past its declared ${MB(e.uncompressedSize)}`,
          };
        }
        return { ok: false, kind: 'broken', reason: `part ${e.name}: ${String(error)}` };
      }
      if (content.length > e.uncompressedSize) {
        return {
          ok: false,
          kind: 'bomb',
          reason: `part ${e.name} inflates past its declared ${MB(e.uncompressedSize)}`,
        };
      }
    } else {
      return {
        ok: false,
        kind: 'broken',
        reason: `part ${e.name}: compression method ${e.method}`,
      };
    }
    if (/\.(xml|rels)$/i.test(e.name)) {
      const clean = cleanXml(content.toString('utf8'));
      if (clean.removed > 0) {
        cleaned.push({ part: e.name, removed: clean.removed });
        content = Buffer.from(clean.text, 'utf8');
      }
    }
    zip.file(e.name, content);
  }
  const packed = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  return { ok: true, bytes: packed, cleaned };
}
