// Where to go after signing in: only a path on this site, so a crafted link cannot bounce the user elsewhere.
export function safeCallback(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
