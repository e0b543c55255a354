/** `/og-image.png`: the social preview image, rendered at build time. */
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { ogImageSvg } from '../site/og-image.ts';

export const GET: APIRoute = async () => {
  const png = await sharp(Buffer.from(ogImageSvg())).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
