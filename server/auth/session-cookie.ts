// next-auth's session cookie by name (plain and __Secure- prefixed, chunked as .0, .1 …): whether a request carries
// one is known from its Cookie header alone, without next-auth or Next's request scope.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token/;

export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return !!cookieHeader && SESSION_COOKIE.test(cookieHeader);
}
