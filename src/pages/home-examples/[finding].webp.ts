/**
 * `/home-examples/<finding>.webp`: the home page's example slice for one finding, cut at build
 * time from the series' sprite sheet in the generated folder (one small image instead of the
 * whole sheet keeps the home page light).
 */
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { studies } from '../../site/data.ts';
import { GENERATED_DIR } from '../../site/generated-dir.ts';
import { pickExamples, type HomeExample } from '../../site/home-examples.ts';

export const getStaticPaths = (() =>
  pickExamples(studies).map((example) => ({
    params: { finding: example.finding },
    props: { example },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ example: HomeExample }> = async ({ props }) => {
  const { sprite, tile } = props.example;
  const webp = await sharp(join(GENERATED_DIR, sprite))
    .extract(tile)
    .webp({ quality: 80 })
    .toBuffer();
  return new Response(new Uint8Array(webp), { headers: { 'Content-Type': 'image/webp' } });
};
