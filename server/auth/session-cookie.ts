// next-auth's session cookie by name (plain and __Secure- prefixed, chunked as .0, .1 …), read from a request's Cookie
// header alone, without next-auth's request handling or Next's request scope.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token/;

export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return !!cookieHeader && SESSION_COOKIE.test(cookieHeader);
}

/**
 * The session token a Cookie header carries, its chunks joined in order as next-auth does (its SessionStore), or null.
 * The name is next-auth's: `__Secure-next-auth.session-token` when NEXTAUTH_URL is https, as next-auth chooses it.
 */
export function sessionTokenOf(cookieHeader: string | null | undefined): string | null {
  if (!hasSessionCookie(cookieHeader)) return null;
  const name = process.env.NEXTAUTH_URL?.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
  const chunks: Array<[order: number, value: string]> = [];
  for (const part of cookieHeader!.split(';')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq < 0 || (key !== name && !key.startsWith(`${name}.`))) continue;
    const suffix = key === name ? '0' : key.slice(name.length + 1);
    if (!/^\d{1,3}$/.test(suffix)) continue;
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
    chunks.push([Number(suffix), value]);
  }
  if (!chunks.length) return null;
  return chunks.sort((a, b) => a[0] - b[0]).map(([, value]) => value).join('');
}
