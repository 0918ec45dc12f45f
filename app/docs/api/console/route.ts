// GET /docs/api/console – Swagger UI in Pitchcraft's frame, for trying requests from the browser.
import { documentContentSecurityPolicy } from '@/server/content-security-policy';
import { otherMethods } from '@/server/rest/other-methods';
import { apiConsolePage } from '@/server/rest/docs/api-console-page';

// Built once at build time from the OpenAPI document: no database, no per-request work.
export const dynamic = 'force-static';

export function GET() {
  const html = apiConsolePage();
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Content-Security-Policy': documentContentSecurityPolicy(html) } });
}

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
