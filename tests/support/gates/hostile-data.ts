/**
 * Untrusted strings as an attacker would plant them in a dataset. The adversarial dataset
 * (tests/fixtures/datasets/adversarial.ts) writes them into registry text cells and DICOM
 * strings the site displays; the XSS checks assert they show as text and never run.
 */
export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // Breaks out of a JSON-LD or inline data <script> if the page embeds data unescaped.
  '</script><script>alert(1)</script>',
] as const;
