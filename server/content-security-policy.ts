// The Content-Security-Policy of every kind of response this app serves, in one place.
import { createHash } from 'node:crypto';
// SECURITY: scripts on pages run only with the per-request nonce (Next puts it on its own scripts) or when loaded by
// a script that has it ('strict-dynamic'); no inline script an attacker injects can run. API and media responses are
// data: they may load nothing and be framed by no one.

/** API (REST, tRPC, sign-in endpoints) and uploaded-media responses. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * Pages. Besides the strict script-src, it already allows what the product's pages need: recordings and calls
 * (media from the app and from blob: URLs of recorded audio and video, WebRTC signalling over fetch/SSE to the app,
 * workers and worklets from blob:), images from the app, data: and blob: (previews). React's style attributes need
 * inline styles; styles cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, development = false): string {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  });
}

// Inline scripts that run (not JSON data blocks such as the embedded OpenAPI document).
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/json")[^>]*>([\s\S]*?)<\/script>/g;

/**
 * The API reference pages (/docs/api, /docs/api/console): static HTML built once, so instead of a nonce each inline
 * script it carries is allowed by its SHA-256, computed from the page itself; other scripts must be files of this
 * app. Swagger UI styles its widgets inline and draws icons from data: URLs; the console calls the API on this app.
 */
export function documentContentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return policy({
    'default-src': ["'none'"],
    'script-src': ["'self'", ...new Set(hashes)],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  });
}
