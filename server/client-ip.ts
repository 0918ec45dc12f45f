// The caller's address as our own server (or the proxy in front of it) saw it, for per-IP budgets and the audit log.
// SECURITY: only the last X-Forwarded-For hop is trusted; earlier ones are the client's word and could be forged.
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? v.join(',') : (v ?? null);
  };
  const hops = get('x-forwarded-for')?.split(',').map((h) => h.trim()).filter(Boolean);
  return hops?.at(-1) ?? get('x-real-ip') ?? null;
}
