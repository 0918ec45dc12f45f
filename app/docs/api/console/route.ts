// GET /docs/api/console – Swagger UI in Pitchcraft's frame, for trying requests from the browser.
import { apiConsolePage } from '@/server/rest/docs/api-console-page';

// Built once at build time from the OpenAPI document: no database, no per-request work.
export const dynamic = 'force-static';

export function GET() {
  return new Response(apiConsolePage(), { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}
