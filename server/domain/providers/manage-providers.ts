// Providers: the gateways an organization sends through. Secrets are write-only (sealed at rest, never answered, a PUT
// without one keeps the stored one); the target is checked by the SSRF guard when saved (422) and again on every
// connection. "Send a test" sends one real message through the gateway and reports its answer.
import { createHmac } from 'node:crypto';
import { open, seal } from '../../auth/sealed-secrets';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { env } from '../../env';
import { AppError, conflict, notFound, validationFailed } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { appUrl } from '../../mail/app-url';
import { mailSettings } from '../../mail/settings';
import { ADAPTERS } from '../../providers/outbound/adapters';
import { ProviderError, type ProviderConfig, type ProviderService, type ProviderSettings } from '../../providers/outbound/provider-adapter';
import { ForbiddenTargetError, resolveAllowed } from '../../providers/outbound/target-guard';
import { TWILIO_DEFAULT_HOST } from '../../providers/outbound/twilio-adapter';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { PROVIDER_SERVICES, PROVIDER_TYPES, providerInput, providerTestInput, type ProviderDto, type ProviderInput, type ProviderOrderingField } from './provider.schema';

type Row = Prisma.ProviderGetPayload<object>;

/** The kinds of webhook each protocol sends us. */
export const INBOUND_KINDS_OF: Record<ProviderDto['type'], readonly ('sms' | 'email' | 'fax' | 'receipt')[]> = {
  smtp: [],
  twilio: ['sms', 'receipt'],
  http: ['sms', 'email', 'fax', 'receipt'],
  kannel: ['sms', 'receipt'],
  sink: [],
};

/**
 * Kannel has no request signing: its get-url and dlr-url carry this token, derived from APP_SECRET and the provider
 * (so it is not the sendsms password, and changes with neither).
 */
export const kannelInboundToken = (providerId: string) => createHmac('sha256', env().APP_SECRET).update(`kannel-inbound:${providerId}`).digest('base64url').slice(0, 32);

export function inboundUrlOf(p: { id: string; type: Row['type'] }, kind: string): string {
  const base = appUrl(`/api/v1/inbound/${p.id}/${kind}`);
  return p.type === 'kannel' ? `${base}?token=${kannelInboundToken(p.id)}` : base;
}

export const toProviderDto = (p: Row): ProviderDto => ({
  id: p.id,
  name: p.name,
  type: p.type,
  serviceFlags: p.serviceFlags,
  host: p.host,
  port: p.port,
  username: p.username,
  hasPassword: p.passwordSealed !== null,
  settings: (p.settings ?? {}) as ProviderSettings,
  prefix: p.prefix,
  weight: p.weight,
  active: p.active,
  inboundUrls: Object.fromEntries(INBOUND_KINDS_OF[p.type].map((k) => [k, inboundUrlOf(p, k)])),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/**
 * Opened passwords by their sealed value (a new password is a new sealed value): a worker opens its provider's for
 * every message it delivers. SECURITY: no more exposed than before — the key that opens them is in this process too.
 */
const opened = new Map<string, string | null>();
function openPassword(sealed: string | null): string | null {
  if (!sealed) return null;
  if (opened.has(sealed)) return opened.get(sealed)!;
  const password = open(sealed, 'provider-secret');
  if (opened.size >= 500) opened.clear();
  opened.set(sealed, password);
  return password;
}

/** SECURITY: the opened secret; for adapters only, never for a response or a log. */
export const providerConfigOf = (p: Row): ProviderConfig & { updatedAt: string } => ({
  id: p.id,
  type: p.type,
  host: p.host,
  port: p.port,
  username: p.username,
  password: openPassword(p.passwordSealed),
  settings: (p.settings ?? {}) as ProviderSettings,
  prefix: p.prefix,
  updatedAt: p.updatedAt.toISOString(),
});

export async function findProvider(ctx: OrgCtx, id: string, tx: Tx = db): Promise<Row> {
  if (!isUuid(id)) throw notFound('Provider');
  const p = await tx.provider.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!p) throw notFound('Provider');
  return p;
}

/** The host as stored, checked for its type's shape and by the SSRF guard on what it resolves to now. */
async function checkedHost(input: ProviderInput): Promise<string> {
  let host = input.host;
  let hostname: string;
  if (input.type === 'sink') return '';
  if (host === '' && input.type !== 'twilio') throw validationFailed('host', 'Enter the host');
  if (input.type === 'twilio' || input.type === 'http') {
    if (input.type === 'twilio' && host === '') host = TWILIO_DEFAULT_HOST;
    let url: URL;
    try {
      url = new URL(host);
    } catch {
      throw validationFailed('host', `must be a base URL such as ${input.type === 'twilio' ? TWILIO_DEFAULT_HOST : 'https://gateway.example.com/sms'}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw validationFailed('host', 'must be an http or https URL');
    if (url.username || url.password) throw validationFailed('host', 'must not carry credentials: use username and password');
    if (url.search || url.hash) throw validationFailed('host', 'must not carry a query or fragment');
    host = url.toString().replace(/\/+$/, '');
    hostname = url.hostname;
  } else {
    if (!/^(\[[0-9a-f:.]+\]|[0-9a-f:]+:[0-9a-f:.]*|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)$/i.test(host)) {
      throw validationFailed('host', 'must be a hostname or an IP address (no scheme, no port: the port has a field of its own)');
    }
    hostname = host;
  }
  try {
    await resolveAllowed(hostname);
  } catch (error) {
    if (error instanceof ForbiddenTargetError) throw validationFailed('host', `may not be used: ${error.message}`);
    throw error;
  }
  return host;
}

function checkServices(input: ProviderInput) {
  const adapter = ADAPTERS[input.type];
  const unsupported = input.serviceFlags.filter((s) => !adapter.services.includes(s));
  if (unsupported.length > 0) throw validationFailed('serviceFlags', `${input.type} carries ${adapter.services.join(' and ')}, not ${unsupported.join(', ')}`);
  if (input.serviceFlags.includes('fax') && input.type === 'smtp' && !input.settings.faxDomain) throw validationFailed('settings.faxDomain', 'an SMTP gateway that sends faxes needs the fax domain');
  if (input.type === 'twilio' && !input.username) throw validationFailed('username', 'enter the Account SID');
  if (input.type === 'sink') {
    // Built in: nothing to connect to. A host or a secret given anyway is a mistake (a type picked wrongly), not kept.
    const given = (['host', 'username', 'password'] as const).find((k) => input[k]) ?? (input.port != null ? 'port' : null);
    if (given) throw validationFailed(given, `the sink is built in and takes no ${given}: leave it empty`);
  }
}

export async function listProviders(opts: { ctx: Ctx; page: Page; ordering?: Ordering<ProviderOrderingField>; type?: string; service?: string }) {
  const ctx = requirePermission(opts.ctx, 'providers:read');
  const o = opts.ordering ?? { field: 'name', direction: 'asc' };
  const where: Prisma.ProviderWhereInput = { organizationId: ctx.organizationId };
  if (opts.type) {
    if (!PROVIDER_TYPES.includes(opts.type as never)) throw validationFailed('type', `must be one of ${PROVIDER_TYPES.join(', ')}`);
    where.type = opts.type as Row['type'];
  }
  if (opts.service) {
    if (!PROVIDER_SERVICES.includes(opts.service as never)) throw validationFailed('service', `must be one of ${PROVIDER_SERVICES.join(', ')}`);
    where.serviceFlags = { has: opts.service as ProviderService };
  }
  const [count, rows] = await Promise.all([db.provider.count({ where }), db.provider.findMany({ where, orderBy: [{ [o.field]: o.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit })]);
  return { count, results: rows.map(toProviderDto) };
}

export async function getProvider(opts: { ctx: Ctx; id: string }): Promise<ProviderDto> {
  const ctx = requirePermission(opts.ctx, 'providers:read');
  return toProviderDto(await findProvider(ctx, opts.id));
}

export async function createProvider(opts: { ctx: Ctx; input: unknown }): Promise<ProviderDto> {
  const ctx = requirePermission(opts.ctx, 'providers:manage');
  const input = providerInput.parse(opts.input);
  checkServices(input);
  const host = await checkedHost(input);
  const created = await db.provider.create({
    data: {
      organizationId: ctx.organizationId,
      name: input.name,
      type: input.type,
      serviceFlags: [...new Set(input.serviceFlags)],
      host,
      port: input.port ?? null,
      username: input.username,
      passwordSealed: input.password ? seal(input.password, 'provider-secret') : null,
      settings: input.settings,
      prefix: input.prefix ?? null,
      weight: input.weight,
      active: input.active,
    },
  });
  return toProviderDto(created);
}

/** PUT: replaces every field; a body without `password` keeps the stored secret. */
export async function updateProvider(opts: { ctx: Ctx; id: string; input: unknown }): Promise<ProviderDto> {
  const ctx = requirePermission(opts.ctx, 'providers:manage');
  const existing = await findProvider(ctx, opts.id);
  const input = providerInput.parse(opts.input);
  checkServices(input);
  const host = await checkedHost(input);
  const updated = await db.provider.update({
    where: { id: existing.id },
    data: {
      name: input.name,
      type: input.type,
      serviceFlags: [...new Set(input.serviceFlags)],
      host,
      port: input.port ?? null,
      username: input.username,
      ...(input.password !== undefined && { passwordSealed: seal(input.password, 'provider-secret') }),
      // A provider turned into the sink keeps no secret of what it was.
      ...(input.type === 'sink' && { passwordSealed: null }),
      settings: input.settings,
      prefix: input.prefix ?? null,
      weight: input.weight,
      active: input.active,
    },
  });
  return toProviderDto(updated);
}

export async function deleteProvider(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'providers:manage');
  await db.$transaction(async (tx) => {
    const p = await findProvider(ctx, opts.id, tx);
    const sending = await tx.spool.count({ where: { providerId: p.id, status: 'initiated' } });
    if (sending > 0) throw conflict(`This provider is delivering ${sending} message${sending === 1 ? '' : 's'} right now: deactivate it, then delete it when they are done`);
    await tx.provider.delete({ where: { id: p.id } });
  });
}

/** Sends one real test message through the gateway and reports its answer (a refusal is reported, not thrown). */
export async function testProvider(opts: { ctx: Ctx; id: string; input: unknown }) {
  const ctx = requirePermission(opts.ctx, 'providers:manage');
  const p = await findProvider(ctx, opts.id);
  const input = providerTestInput.parse(opts.input);
  const service = input.service ?? p.serviceFlags[0];
  if (!service || !p.serviceFlags.includes(service)) throw validationFailed('service', `this provider carries ${p.serviceFlags.join(', ') || 'nothing'}`);
  const wantsEmail = service === 'email';
  if (wantsEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.to)) throw validationFailed('to', 'must be an email address for an email test');
  if (!wantsEmail && !/^\+?[0-9 ()-]{3,20}$/.test(input.to)) throw validationFailed('to', 'must be a phone number');
  let from = input.from;
  if (!from) {
    const account = await db.account.findFirst({ where: { organizationId: ctx.organizationId, active: true, type: wantsEmail ? 'email' : 'phone' }, orderBy: { createdAt: 'asc' } });
    from = account?.address ?? (wantsEmail ? mailSettings().from : undefined);
  }
  if (!from) throw validationFailed('from', 'add a phone sender account (or give from) to send a test');
  const testId = crypto.randomUUID();
  try {
    const answer = await ADAPTERS[p.type].send(providerConfigOf(p), {
      spoolId: testId,
      service,
      to: input.to,
      from,
      text: 'This is a test message from Pitchcraft.',
      subject: 'Pitchcraft test message',
      html: '<p>This is a test message from Pitchcraft.</p>',
      say: 'This is a test call from Pitchcraft.',
      ...(service === 'fax' && { attachments: [{ filename: 'test.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') }] }),
    }, {});
    const message =
      p.type === 'sink' ? `Kept by the built-in sink (nothing left this machine): read it at ${String(answer.response.readAt)} from this machine` : answer.status === 'accepted' ? 'Accepted by the gateway' : `Accepted by the gateway (${answer.status})`;
    return { ok: true, message, messageId: answer.messageId, response: redact(answer.response, providerConfigOf(p).password) };
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, message: redactText(error.message, providerConfigOf(p).password), messageId: null, response: error.detail.response ? redact(error.detail.response, providerConfigOf(p).password) : null };
    throw new AppError('internal', { message: 'The test could not be sent' });
  }
}

/** SECURITY: a gateway echoing the secret back (in a URL, an error) gets it replaced before anything is stored. */
export function redactText(text: string, secret: string | null): string {
  return secret && secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
}

export function redact<T>(value: T, secret: string | null): T {
  if (!secret) return value;
  return JSON.parse(redactText(JSON.stringify(value), JSON.stringify(secret).slice(1, -1))) as T;
}
