/**
 * The social preview image (1200×630): an SVG written here, rasterised to PNG by sharp at
 * build time. Text uses the machine's sans-serif font; nothing is downloaded.
 */
import { escapeHtml } from '../domain/attribution.ts';
import { FACTS } from '../domain/facts.ts';

/**
 * Greedy word wrap to lines of at most `max` characters.
 * @example wrapWords('a bb ccc', 4) // ['a bb', 'ccc']
 */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function ogImageSvg(): string {
  const o = FACTS.declaredOverview;
  const titleLines = wrapWords(FACTS.title.en.replace(/^MosMedData: /, ''), 44).slice(0, 4);
  const title = titleLines
    .map((l, i) => `<tspan x="80" dy="${i === 0 ? 0 : 52}">${escapeHtml(l)}</tspan>`)
    .join('');
  const figures = `${o.studies} CT · ${o.withPathology} / ${o.withoutPathology} · DICOM · v${FACTS.version}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#0f2a44"/>
  <rect x="0" y="590" width="1200" height="40" fill="#0b5cad"/>
  <circle cx="1040" cy="170" r="110" fill="none" stroke="#7ab8ff" stroke-width="14"/>
  <ellipse cx="1040" cy="170" rx="70" ry="82" fill="none" stroke="#7ab8ff" stroke-width="6"/>
  <line x1="1040" y1="92" x2="1040" y2="248" stroke="#7ab8ff" stroke-width="4"/>
  <ellipse cx="1075" cy="150" rx="18" ry="24" fill="#ff8a7a"/>
  <text x="80" y="120" font-family="sans-serif" font-size="64" font-weight="700" fill="#ffffff">MosMedData</text>
  <text x="80" y="175" font-family="sans-serif" font-size="34" fill="#7ab8ff">${escapeHtml(FACTS.internalCode)}</text>
  <text x="80" y="280" font-family="sans-serif" font-size="42" fill="#e6ebf1">${title}</text>
  <text x="80" y="550" font-family="sans-serif" font-size="30" fill="#ffe6a3">${escapeHtml(figures)}</text>
</svg>`;
}
