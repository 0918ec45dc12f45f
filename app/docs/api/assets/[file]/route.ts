// GET /docs/api/assets/{file} – the reference's script and styles: Swagger UI's files from the installed swagger-ui-dist
// (no CDN), kept in memory, cached by browsers for a year (the page names them by version).
import { referenceAsset } from '@/server/rest/docs/reference-assets';
import { otherMethods } from '@/server/rest/other-methods';

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const asset = await referenceAsset(file);
  if (!asset) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(asset.body), { headers: asset.headers });
}

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
