/**
 * `/data/studies-index.json`: every study as the studies index shows it (index-study.ts), for
 * the browser to filter, count and sort all studies while the page itself holds one page.
 */
import type { APIRoute } from 'astro';
import { toIndexStudy } from '../../site/studies/index-study.ts';
import { studies } from '../../site/data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify({ studies: studies.map(toIndexStudy) }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
