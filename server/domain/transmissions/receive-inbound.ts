// Provider webhooks (POST /inbound/{providerId}/{kind}, public): each verified by its protocol's own signature —
// Twilio's X-Twilio-Signature, the HTTP gateway's HMAC-SHA256, Kannel's per-provider token — before anything is read.
// Receipts refine the spool they are about; inbound SMS, email and fax (the HTTP gateway's, with its PDF) become
// inbound transmissions, announced over realtime.
// SECURITY: no signature is 401, a wrong one 403, and neither changes anything.
import { db } from '../../db';
import { AppError, notFound } from '../../errors';
import { open } from '../../auth/sealed-secrets';
import { safeEqual, twilioSignature, verifyHttpSignature } from '../../providers/outbound/webhook-signatures';
import { defaultCountryOf } from '../contacts/contact-rules';
import { isUuid } from '../shared/ids';
import { toE164 } from '../shared/phone';
import { INBOUND_KINDS_OF, inboundUrlOf, kannelInboundToken } from '../providers/manage-providers';
import { attachMedia, saveMedia } from '../../media/save-media';
import { announceTransmission } from './send-transmission';

export type InboundRequest = { providerId: string; kind: string; method: string; url: URL; headers: Headers; body: Uint8Array; contentType: string | null };
export type InboundAnswer = { kind: 'twiml' } | { kind: 'empty' } | { kind: 'json'; body: Record<string, unknown> };

const unauthenticated = (message: string) => new AppError('unauthenticated', { message });
const forbidden = (message: string) => new AppError('forbidden', { message });

function formOf(req: InboundRequest): URLSearchParams {
  if (req.method === 'GET') return req.url.searchParams;
  if (/^application\/x-www-form-urlencoded/i.test(req.contentType ?? '')) return new URLSearchParams(new TextDecoder().decode(req.body));
  return new URLSearchParams();
}

function jsonOf(req: InboundRequest): Record<string, unknown> {
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(req.body)) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new AppError('bad_request', { message: 'The body must be a JSON object' });
}

const str = (v: unknown, max = 10_000) => (typeof v === 'string' ? v.slice(0, max) : v === undefined || v === null ? '' : String(v).slice(0, max));

type Parsed = { type: 'receipt'; spoolId?: string; messageId?: string; status: string; failed: boolean; delivered: boolean; error?: string } | { type: 'message'; service: 'sms' | 'email' | 'fax'; from: string; to: string; subject?: string; text: string; pdf?: Uint8Array };

/** An inbound fax's PDF, base64 in the JSON body; checked as any uploaded PDF (signature, size) when stored. */
function pdfOf(value: unknown): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/\s]+={0,2}\s*$/.test(value)) throw new AppError('bad_request', { message: 'pdf must be the fax as base64' });
  return new Uint8Array(Buffer.from(value, 'base64'));
}

export async function receiveInbound(req: InboundRequest): Promise<InboundAnswer> {
  if (!isUuid(req.providerId)) throw notFound('Provider');
  const provider = await db.provider.findFirst({ where: { id: req.providerId } });
  if (!provider) throw notFound('Provider');
  const kinds = INBOUND_KINDS_OF[provider.type] as readonly string[];
  if (provider.type === 'smtp') throw new AppError('not_found', { message: 'An smtp provider is a sending relay and receives nothing by webhook: inbound email and fax arrive through an http provider (kinds email and fax)' });
  if (provider.type === 'sink') throw new AppError('not_found', { message: 'A sink provider is built in: it keeps what is sent through it and receives nothing by webhook' });
  if (!kinds.includes(req.kind)) throw notFound(`Inbound ${req.kind} for a ${provider.type} provider`);
  if (req.method === 'GET' && provider.type !== 'kannel') throw new AppError('method_not_allowed', { message: 'Only Kannel calls this address with GET', headers: { Allow: 'POST, OPTIONS' } });
  const secret = open(provider.passwordSealed, 'provider-secret');

  let parsed: Parsed;
  if (provider.type === 'twilio') {
    const signature = req.headers.get('x-twilio-signature');
    if (!signature) throw unauthenticated('X-Twilio-Signature is missing');
    const form = formOf(req);
    const expected = twilioSignature(secret ?? '', `${inboundUrlOf(provider, req.kind)}${req.url.search}`, form.entries());
    if (!secret || !safeEqual(signature, expected)) throw forbidden('X-Twilio-Signature does not match');
    if (req.kind === 'receipt') {
      const status = str(form.get('MessageStatus') ?? form.get('CallStatus'), 40);
      parsed = { type: 'receipt', messageId: str(form.get('MessageSid') ?? form.get('CallSid'), 64), status, failed: ['failed', 'undelivered', 'busy', 'no-answer', 'canceled'].includes(status), delivered: ['delivered', 'completed', 'read'].includes(status), error: form.get('ErrorCode') ? `Twilio error ${str(form.get('ErrorCode'), 20)}` : undefined };
    } else parsed = { type: 'message', service: 'sms', from: str(form.get('From'), 40), to: str(form.get('To'), 40), text: str(form.get('Body'), 5000) };
  } else if (provider.type === 'http') {
    if (!req.headers.get('x-pitchcraft-signature')) throw unauthenticated('X-Pitchcraft-Signature is missing');
    if (!secret || !verifyHttpSignature(secret, req.headers, req.body)) throw forbidden('X-Pitchcraft-Signature does not match (or X-Pitchcraft-Timestamp is more than 5 minutes off)');
    const json = jsonOf(req);
    if (req.kind === 'receipt') {
      const status = str(json.status, 40);
      parsed = { type: 'receipt', spoolId: isUuid(str(json.id, 64)) ? str(json.id, 64) : undefined, messageId: str(json.messageId, 200) || undefined, status, failed: ['failed', 'undelivered', 'rejected', 'expired'].includes(status), delivered: status === 'delivered', error: json.error ? str(json.error, 300) : undefined };
    } else parsed = { type: 'message', service: req.kind as 'sms' | 'email' | 'fax', from: str(json.from, 254), to: str(json.to, 254), subject: json.subject === undefined ? undefined : str(json.subject, 500), text: str(json.text, 20_000), ...(req.kind === 'fax' && { pdf: pdfOf(json.pdf) }) };
  } else {
    const token = req.url.searchParams.get('token');
    if (!token) throw unauthenticated('The token parameter is missing');
    if (!safeEqual(token, kannelInboundToken(provider.id))) throw forbidden('The token does not match');
    const form = req.method === 'GET' ? req.url.searchParams : new URLSearchParams([...req.url.searchParams, ...formOf(req)]);
    if (req.kind === 'receipt') {
      // Kannel's report types (%d): 1 delivered to phone, 2 not delivered, 4 queued on SMSC, 8 delivered to SMSC, 16 not delivered to SMSC.
      const type = Number(form.get('type'));
      const status = ({ 1: 'delivered', 2: 'undelivered', 4: 'queued', 8: 'accepted', 16: 'rejected' } as Record<number, string>)[type] ?? `type ${str(form.get('type'), 10)}`;
      parsed = { type: 'receipt', spoolId: str(form.get('spool'), 64), status, failed: type === 2 || type === 16, delivered: type === 1, error: type === 2 || type === 16 ? `Kannel: ${str(form.get('answer'), 200)}` : undefined };
    } else parsed = { type: 'message', service: 'sms', from: str(form.get('from'), 40), to: str(form.get('to'), 40), text: str(form.get('text'), 5000) };
  }

  if (parsed.type === 'receipt') {
    await applyReceipt(provider, parsed);
    return { kind: 'empty' };
  }
  const id = await storeInbound(provider, parsed);
  return provider.type === 'twilio' ? { kind: 'twiml' } : { kind: 'json', body: { transmissionId: id } };
}

async function applyReceipt(provider: { id: string; organizationId: string }, r: Extract<Parsed, { type: 'receipt' }>) {
  await db.$transaction(async (tx) => {
    const spool = await tx.spool.findFirst({
      where: { organizationId: provider.organizationId, providerId: provider.id, ...(r.spoolId && isUuid(r.spoolId) ? { id: r.spoolId } : r.messageId ? { providerMessageId: r.messageId } : { id: '00000000-0000-0000-0000-000000000000' }) },
    });
    // A receipt for nothing we know (an old or foreign message) is acknowledged and ignored: the gateway would only retry.
    if (!spool) return;
    await tx.spool.update({ where: { id: spool.id }, data: { deliveryStatus: r.status, ...(r.delivered && { deliveredAt: new Date() }), ...(r.failed && { status: 'failed', error: r.error ?? `Not delivered (${r.status})` }) } });
    if (r.failed) await tx.transmission.update({ where: { id: spool.transmissionId }, data: { status: 'failed', statusReason: r.error ?? `Not delivered (${r.status})` } });
    const t = await tx.transmission.findUniqueOrThrow({ where: { id: spool.transmissionId }, select: { id: true, organizationId: true, status: true } });
    await announceTransmission(tx, t, t.status, { spoolId: spool.id, deliveryStatus: r.status });
  });
}

async function storeInbound(provider: { id: string; organizationId: string }, m: Extract<Parsed, { type: 'message' }>): Promise<string> {
  const org = provider.organizationId;
  const isEmail = m.service === 'email';
  const country = await defaultCountryOf(org);
  const from = isEmail ? m.from.toLowerCase() : (toE164(m.from, country) ?? m.from);
  const to = isEmail ? m.to.toLowerCase() : (toE164(m.to, country) ?? m.to);
  // The fax's bytes are stored first (pending, swept if this request dies) and attached with the transmission.
  const fax = m.pdf ? await saveMedia({ organizationId: org, createdById: null, kind: 'pdf', declaredType: 'application/pdf', body: m.pdf }) : null;
  return db.$transaction(async (tx) => {
    if (fax) await attachMedia(tx, { mediaId: fax.id, kind: 'pdf', uploadedBy: null });
    const contact = await tx.contact.findFirst({ where: { organizationId: org, ...(isEmail ? { email: from } : { phone: from }) }, select: { id: true } });
    const account = await tx.account.findFirst({ where: { organizationId: org, type: isEmail ? 'email' : 'phone', address: to }, select: { id: true } });
    const programType = isEmail ? 'receiveemail' : m.service === 'fax' ? 'receivefax' : 'receivesms';
    const program = account ? await tx.program.findFirst({ where: { organizationId: org, type: programType, OR: [{ accountId: account.id }, { subscribers: { some: { accountId: account.id } } }] }, select: { id: true } }) : null;
    const created = await tx.transmission.create({
      data: { organizationId: org, direction: 'inbound', status: 'completed', providerId: provider.id, contactId: contact?.id ?? null, accountId: account?.id ?? null, programId: program?.id ?? null, remoteAddress: from, localAddress: to, subject: m.subject ?? null, body: m.text, title: isEmail || fax ? (m.subject ?? null) : null, mediaId: fax?.id ?? null },
    });
    await announceTransmission(tx, created, 'received', { direction: 'inbound' });
    return created.id;
  });
}
