// The caller's address, for per-IP budgets and the audit log.
// SECURITY: by default only the address our own server (scripts/serve.ts) saw on the socket counts; it overwrites
// PEER_HEADER on every request. X-Forwarded-For is the client's word unless TRUST_PROXY=true says a reverse proxy in
// front of us appends the real peer to it, and then only that proxy's (last) entry is used.
export const PEER_HEADER = 'x-pitchcraft-peer';

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? v.join(',') : (v ?? null);
  };
  if (process.env.TRUST_PROXY === 'true') {
    const hops = get('x-forwarded-for')?.split(',').map((h) => h.trim()).filter(Boolean);
    if (hops?.length) return hops.at(-1)!;
  }
  return get(PEER_HEADER) || null;
}
