// Where to go after signing in: only a path on this site, so a crafted link cannot bounce the user elsewhere.
const HERE = 'https://pitchcraft.invalid';

/**
 * The path (with its query and fragment) when `value` stays on this site once a browser reads it, else `fallback`.
 * Read as the browser would: `//evil.example`, `/\evil.example` and `/<tab>/evil.example` all leave the site.
 */
export function safeCallback(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/')) return fallback;
  try {
    const url = new URL(value, HERE);
    return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
