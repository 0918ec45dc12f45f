// GET /docs/api – the API reference in Pitchcraft's frame: a header with the way back to the app, how to authenticate
// and the conventions first, then every operation and schema, rendered on the server from the OpenAPI document.
import { documentContentSecurityPolicy } from '@/server/content-security-policy';
import { otherMethods } from '@/server/rest/other-methods';
import { apiReferencePage } from '@/server/rest/docs/api-reference-page';

// Built once at build time: no database, no per-request work, no script for the browser to run.
export const dynamic = 'force-static';

export function GET() {
  const html = apiReferencePage();
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Content-Security-Policy': documentContentSecurityPolicy(html) } });
}

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
