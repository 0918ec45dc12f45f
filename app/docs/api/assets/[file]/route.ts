// GET /docs/api/assets/{file} – Swagger UI's files from the installed swagger-ui-dist package (no CDN).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { otherMethods } from '@/server/rest/other-methods';

const FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const init = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true, tryItOutEnabled: false });`;

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file === 'init.js') return new Response(init, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  const type = FILES[file];
  if (!type) return new Response('Not found', { status: 404 });
  const bytes = await readFile(path.join(getAbsoluteFSPath(), file));
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' } });
}

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
