/**
 * Reads the seed README committed at content/seed/README_RU.md (a copy of the dataset's own
 * README, the source of the site's facts) and lists its headings, outside code fences.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEED_README = resolve(import.meta.dirname, '../../content/seed/README_RU.md');

export interface Heading {
  level: number;
  text: string;
}

/** `# Title` → {level: 1, text: 'Title'}; whitespace collapsed. */
export function markdownHeadings(markdown: string): Heading[] {
  const headings: Heading[] = [];
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (match) headings.push({ level: match[1]!.length, text: normalizeSpace(match[2]!) });
  }
  return headings;
}

export const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

export const seedHeadings = () => markdownHeadings(readFileSync(SEED_README, 'utf8'));
