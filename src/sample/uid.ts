/**
 * Deterministic DICOM UIDs under the `2.25` root (ISO/IEC 9834-8: a UUID written as one
 * decimal integer). The UUID is a name-based one (version 8, RFC 9562) hashed from the seed and
 * a key, so the same seed always names the same study, series and instance.
 */
import { createHash } from 'node:crypto';

/**
 * @example deterministicUid(42, 'study', 0) // '2.25.' followed by up to 39 digits, same on every run
 */
export function deterministicUid(...parts: (string | number)[]): string {
  const bytes = createHash('sha256')
    .update(['mosmeddata-hemorrhage-sample', ...parts].join('\u0000'))
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8 (custom)
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  return `2.25.${BigInt(`0x${bytes.toString('hex')}`).toString(10)}`;
}
