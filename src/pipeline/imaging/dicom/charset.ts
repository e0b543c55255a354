/**
 * Text decoding by SpecificCharacterSet (0008,0005), PS3.3 C.12.1.1.2 and PS3.5 Section 6.1.
 * Only single-byte and UTF-8 repertoires matter for the attributes we keep (manufacturer,
 * model, kernel); ISO 2022 escape sequences are removed and the G1 set decodes the high half.
 */

/** WHATWG encoding labels (TextDecoder) for each DICOM defined term. */
const DECODER_LABELS: Record<string, string> = {
  ISO_IR_6: 'ascii',
  ISO_IR_100: 'latin1',
  ISO_IR_101: 'iso-8859-2',
  ISO_IR_109: 'iso-8859-3',
  ISO_IR_110: 'iso-8859-4',
  ISO_IR_144: 'iso-8859-5',
  ISO_IR_127: 'iso-8859-6',
  ISO_IR_126: 'iso-8859-7',
  ISO_IR_138: 'iso-8859-8',
  ISO_IR_148: 'iso-8859-9',
  ISO_IR_203: 'iso-8859-15',
  ISO_IR_166: 'windows-874',
  ISO_IR_13: 'shift_jis',
  ISO_IR_192: 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

const ESC = 0x1b;

/** Normalises `ISO 2022 IR 144` and `ISO_IR 144` to the same key `ISO_IR_144`. */
function termKey(term: string): string {
  return term
    .trim()
    .toUpperCase()
    .replace(/^ISO[ _]2022[ _]IR[ _]/, 'ISO_IR_')
    .replace(/^ISO_IR[ _]/, 'ISO_IR_');
}

/**
 * The decoding function for a SpecificCharacterSet value (possibly multi-valued with `\`).
 * Latin-1 is decoded byte for byte: WHATWG maps the `latin1` label to windows-1252, which
 * differs from ISO 8859-1 in 0x80-0x9F.
 *
 * @example
 * decoderFor('ISO_IR 144')(new Uint8Array([0xbc, 0xe0, 0xe2])) // 'Мрт'
 * decoderFor('')(new Uint8Array([0x47, 0x45])) // 'GE'
 */
export function decoderFor(specificCharacterSet: string | null): (bytes: Uint8Array) => string {
  const key = specificCharacterSet ?? '';
  let decoder = decoders.get(key);
  if (!decoder) {
    // Bounded: a hostile dataset could give every file its own value.
    if (decoders.size >= 64) decoders.clear();
    decoder = makeDecoder(key);
    decoders.set(key, decoder);
  }
  return decoder;
}

/**
 * Decoders by SpecificCharacterSet value, shared by every file of a dataset: making a
 * TextDecoder costs more than reading a header, and a dataset uses a handful of values.
 */
const decoders = new Map<string, (bytes: Uint8Array) => string>();

function makeDecoder(specificCharacterSet: string): (bytes: Uint8Array) => string {
  const terms = specificCharacterSet.split('\\').map(termKey).filter(Boolean);
  // The first term is G0 (ASCII for every ISO 2022 term); the first non-ASCII one decodes the rest.
  const label = terms.map((t) => DECODER_LABELS[t]).find((l) => l !== undefined && l !== 'ascii');
  const usesEscapes = specificCharacterSet.includes('2022');
  if (!label || label === 'latin1') {
    return (bytes) => latin1(stripEscapes(bytes, usesEscapes));
  }
  const decoder = new TextDecoder(label);
  return (bytes) => decoder.decode(stripEscapes(bytes, usesEscapes));
}

/** Byte-for-byte ISO 8859-1, without copying the bytes. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Removes ISO 2022 escape sequences (ESC, intermediate bytes 0x20-0x2F, one final byte). */
function stripEscapes(bytes: Uint8Array, usesEscapes: boolean): Uint8Array {
  if (!usesEscapes || !bytes.includes(ESC)) return bytes;
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== ESC) {
      out.push(bytes[i]!);
      continue;
    }
    i++;
    while (i < bytes.length && bytes[i]! >= 0x20 && bytes[i]! <= 0x2f) i++;
  }
  return Uint8Array.from(out);
}
