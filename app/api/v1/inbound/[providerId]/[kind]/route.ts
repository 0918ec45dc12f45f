import { receiveInbound, type InboundAnswer } from '@/server/domain/transmissions/receive-inbound';
import { ok, raw, type ApiResponse } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { providerId: string; kind: string };

const answer = (a: InboundAnswer): ApiResponse =>
  a.kind === 'twiml' ? raw('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', 'text/xml') : a.kind === 'json' ? ok(a.body) : { status: 204 };

// POST /api/v1/inbound/{providerId}/{kind} – a gateway's webhook (sms, email, fax, receipt), verified by its own signature
// Their own budget per address (RATE_LIMIT_GATEWAY_PER_MINUTE): the public one would refuse a campaign's receipts.
// 8 MB: an inbound fax carries its PDF as base64 (up to about 6 MB of PDF); everything else is far smaller.
export const POST = withApi<'public', P>({ access: 'public', rateLimit: 'gateway', maxBodyBytes: 8 * 1024 * 1024 }, async ({ req, url, params, body }) =>
  answer(await receiveInbound({ providerId: params.providerId, kind: params.kind, method: 'POST', url, headers: req.headers, body: body.bytes, contentType: body.contentType })),
);

// GET /api/v1/inbound/{providerId}/{kind} – Kannel's get-url and dlr-url (query parameters, the provider's token)
export const GET = withApi<'public', P>({ access: 'public', rateLimit: 'gateway' }, async ({ req, url, params }) =>
  answer(await receiveInbound({ providerId: params.providerId, kind: params.kind, method: 'GET', url, headers: req.headers, body: new Uint8Array(), contentType: null })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
