// Runs before every page: a fresh nonce per request and the page Content-Security-Policy that names it. Next reads
// the policy from the request headers and puts the nonce on its own scripts (which is why pages render dynamically).
// API, media and docs responses set their own policies and never pass through here (their bodies stay unbuffered).
import { NextResponse, type NextRequest } from 'next/server';
import { pageContentSecurityPolicy } from '@/server/content-security-policy';

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  // The page asked for, so a visitor sent to sign in comes back to it (read by requireSignedIn; set here only, so a
  // client cannot choose it).
  headers.set('x-pitchcraft-path', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set('Content-Security-Policy', policy);
  // An access link past its uses or its date: the expired page, with 410 (a page cannot set its own status, and Next
  // drops a rewrite's: the server applies the status this header names, server/http/edge.ts).
  const link = request.nextUrl.pathname.match(/^\/access\/(pal_[\w-]{1,200})$/)?.[1];
  if (link) {
    const { accessLinkState } = await import('@/server/domain/access-links/manage-access-links');
    if ((await accessLinkState(link)) === 'gone') {
      const expired = NextResponse.rewrite(new URL('/access/expired', request.url), { request: { headers } });
      expired.headers.set('Content-Security-Policy', policy);
      expired.headers.set('x-pitchcraft-status', '410');
      return expired;
    }
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|media/|docs/api|_next/static|_next/image|favicon\\.ico).*)',
      // Prefetches are not documents; their HTML is never executed.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
