// The generic HTTP gateway for SMS: a JSON POST to {host}{path} (default /messages), signed like our inbound webhooks
// (X-Pitchcraft-Timestamp, X-Pitchcraft-Signature: sha256=HMAC-SHA256(password, `timestamp.body`)), with the spool id
// as Idempotency-Key. A 2xx answer may name the gateway's id for the message (`id` or `messageId`).
import { gatewayRequest, refusalOf } from './gateway-request';
import { ProviderError, timeoutMsOf, withPrefix, type ProviderAdapter } from './provider-adapter';
import { pick } from './twilio-adapter';
import { HTTP_SIGNATURE_HEADER, HTTP_TIMESTAMP_HEADER, httpSignature } from './webhook-signatures';

export const httpAdapter: ProviderAdapter = {
  type: 'http',
  services: ['sms'],
  async send(config, message, { signal }) {
    if (message.service !== 'sms') throw new ProviderError(`The HTTP gateway carries SMS only, not ${message.service}`, 'failed');
    const base = new URL(config.host);
    if (config.port) base.port = String(config.port);
    const url = new URL(`${base.pathname.replace(/\/+$/, '')}${config.settings.path ?? '/messages'}`, base);
    const body = JSON.stringify({ id: message.spoolId, to: withPrefix(config, message.to), from: message.from, text: message.text ?? '', ...(message.receiptUrl && { receiptUrl: message.receiptUrl }) });
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await gatewayRequest({
      url,
      method: 'POST',
      what: 'The HTTP gateway',
      timeoutMs: timeoutMsOf(config),
      signal,
      body,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': message.spoolId,
        [HTTP_TIMESTAMP_HEADER]: ts,
        [HTTP_SIGNATURE_HEADER]: httpSignature(config.password ?? '', ts, body),
        ...(config.username && { authorization: `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}` }),
      },
    });
    let answer: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(res.body) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) answer = parsed as Record<string, unknown>;
    } catch {
      answer = {};
    }
    const refused = refusalOf(res, 'The HTTP gateway', typeof answer.error === 'string' ? answer.error : typeof answer.message === 'string' ? answer.message : res.body.slice(0, 200));
    if (refused) throw refused;
    const id = typeof answer.id === 'string' ? answer.id : typeof answer.messageId === 'string' ? answer.messageId : null;
    return { messageId: id, status: typeof answer.status === 'string' ? answer.status : 'accepted', response: { httpStatus: res.status, ...pick(answer, ['id', 'messageId', 'status']) }, connectedAt: res.connectedAt };
  },
};
