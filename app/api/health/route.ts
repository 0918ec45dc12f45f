import { otherMethods } from '@/server/rest/other-methods';
// GET /api/health – liveness for load balancers and orchestrators: the process serves requests (no database call,
// so a slow database does not get healthy instances killed).
export function GET() {
  return new Response('{"status":"ok"}', { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
