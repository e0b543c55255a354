/** `/CITATION.cff`: Citation File Format 1.2.0 for the dataset. */
import type { APIRoute } from 'astro';
import { citationCffText } from '../domain/citation/cff.ts';
import { absoluteUrl } from '../site/canonical.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(citationCffText(absoluteUrl('', site)), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
