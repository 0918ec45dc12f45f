// Twilio's REST API (api.twilio.com or any Twilio-compatible gateway): SMS by POST /2010-04-01/Accounts/{sid}/Messages.json,
// voice by …/Calls.json with inline TwiML (<Say> or <Play>), form-encoded, Basic auth Account SID : auth token.
// The spool id goes as I-Twilio-Idempotency-Token, so a retried request after a crash mid-send is not a second message.
import { gatewayRequest, refusalOf } from './gateway-request';
import { ProviderError, timeoutMsOf, withPrefix, type ProviderAdapter, type ProviderConfig, type OutboundMessage } from './provider-adapter';

export const TWILIO_DEFAULT_HOST = 'https://api.twilio.com';

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export function twimlFor(message: Pick<OutboundMessage, 'say' | 'playUrl'>): string {
  const verb = message.playUrl ? `<Play>${xml(message.playUrl)}</Play>` : `<Say>${xml(message.say ?? '')}</Say>`;
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verb}</Response>`;
}

export function twilioBaseUrl(config: Pick<ProviderConfig, 'host' | 'port'>): URL {
  const url = new URL(config.host || TWILIO_DEFAULT_HOST);
  if (config.port) url.port = String(config.port);
  return url;
}

export const twilioAdapter: ProviderAdapter = {
  type: 'twilio',
  services: ['sms', 'voice'],
  async send(config, message, { signal }) {
    if (message.service !== 'sms' && message.service !== 'voice') throw new ProviderError(`Twilio does not carry ${message.service}`, 'failed');
    const resource = message.service === 'sms' ? 'Messages' : 'Calls';
    const url = new URL(`${twilioBaseUrl(config).pathname.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.username)}/${resource}.json`, twilioBaseUrl(config));
    const form = new URLSearchParams({ To: withPrefix(config, message.to), From: message.from });
    if (message.service === 'sms') form.set('Body', message.text ?? '');
    else form.set('Twiml', twimlFor(message));
    if (message.receiptUrl) form.set('StatusCallback', message.receiptUrl);
    const res = await gatewayRequest({
      url,
      method: 'POST',
      what: 'Twilio',
      timeoutMs: timeoutMsOf(config),
      signal,
      body: form.toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}`,
        'i-twilio-idempotency-token': message.spoolId,
      },
    });
    const answer = parseJson(res.body);
    const refused = refusalOf(res, 'Twilio', typeof answer.message === 'string' ? `${answer.code ? `${String(answer.code)} ` : ''}${answer.message}` : res.body.slice(0, 200));
    if (refused) throw refused;
    if (typeof answer.sid !== 'string') throw new ProviderError('Twilio answered without a sid', 'failed', { status: res.status });
    return { messageId: answer.sid, status: typeof answer.status === 'string' ? answer.status : 'queued', response: pick(answer, ['sid', 'status', 'to', 'from', 'date_created', 'num_segments', 'price', 'error_code', 'error_message']), connectedAt: res.connectedAt };
  },
  // Twilio's list-messages API (GET …/Messages.json) filtered by To, From and the day it was sent; of those, the one
  // with this body created since the attempt was handed over is this spool's message (Twilio keeps neither our
  // idempotency token nor our StatusCallback on the message, so the spool is known by what it sent, to whom, when).
  async find(config, message, { since, signal }) {
    if (message.service !== 'sms') return null;
    const base = twilioBaseUrl(config);
    const url = new URL(`${base.pathname.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.username)}/Messages.json`, base);
    url.searchParams.set('To', withPrefix(config, message.to));
    url.searchParams.set('From', message.from);
    url.searchParams.set('DateSent>', new Date(since.getTime() - 86_400_000).toISOString().slice(0, 10));
    url.searchParams.set('PageSize', '100');
    const res = await gatewayRequest({ url, method: 'GET', what: 'Twilio', timeoutMs: timeoutMsOf(config), signal, headers: { accept: 'application/json', authorization: `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}` } });
    const answer = parseJson(res.body);
    const refused = refusalOf(res, 'Twilio', typeof answer.message === 'string' ? answer.message : res.body.slice(0, 200));
    if (refused) throw refused;
    const list = Array.isArray(answer.messages) ? (answer.messages as Record<string, unknown>[]) : [];
    // Twilio's dates have whole seconds: a second of slack.
    const found = list.find((m) => m.body === (message.text ?? '') && typeof m.sid === 'string' && Date.parse(String(m.date_created)) >= since.getTime() - 1000);
    if (!found) return null;
    return { messageId: found.sid as string, status: typeof found.status === 'string' ? found.status : 'queued', response: { ...pick(found, ['sid', 'status', 'to', 'from', 'date_created']), reconciled: true } };
  },
};

function parseJson(body: string): Record<string, unknown> {
  try {
    const v = JSON.parse(body) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}
