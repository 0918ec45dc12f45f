// Signatures of webhooks, both ways: Twilio's X-Twilio-Signature (HMAC-SHA1 of the full URL followed by the sorted
// form parameters, keyed by the auth token) and our generic HTTP gateway's X-Pitchcraft-Signature (HMAC-SHA256 of
// `timestamp.body`). SECURITY: compared in constant time; an http signature older than 5 minutes is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function twilioSignature(authToken: string, url: string, params: Iterable<[string, string]>): string {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const data = url + sorted.map(([k, v]) => k + v).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export const HTTP_SIGNATURE_HEADER = 'x-pitchcraft-signature';
export const HTTP_TIMESTAMP_HEADER = 'x-pitchcraft-timestamp';
export const HTTP_SIGNATURE_TOLERANCE_S = 300;

/** `sha256=<hex>` over `${timestamp}.${body}`. */
export function httpSignature(secret: string, timestamp: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function verifyHttpSignature(secret: string, headers: Headers, body: Uint8Array, now = Date.now()): boolean {
  const ts = headers.get(HTTP_TIMESTAMP_HEADER) ?? '';
  const sig = headers.get(HTTP_SIGNATURE_HEADER) ?? '';
  if (!/^\d{1,12}$/.test(ts) || Math.abs(now / 1000 - Number(ts)) > HTTP_SIGNATURE_TOLERANCE_S) return false;
  return safeEqual(sig, httpSignature(secret, ts, body));
}
