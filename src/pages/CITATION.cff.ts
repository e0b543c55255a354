/** `/CITATION.cff`: Citation File Format 1.2.0 for the dataset. */
import type { APIRoute } from 'astro';
import { citationCffText } from '../domain/citation/cff.ts';

export const GET: APIRoute = () =>
  new Response(citationCffText(), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
