/** `/data/explorer.json`: the explorer's compact copy of every study (see explorer-data.ts). */
import type { APIRoute } from 'astro';
import { explorerFileSchema, toExplorerStudy } from '../../site/explorer-data.ts';
import { studies } from '../../site/data.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(explorerFileSchema.parse({ studies: studies.map(toExplorerStudy) })),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
