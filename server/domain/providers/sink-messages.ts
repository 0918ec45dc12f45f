// The built-in sink provider's store: what it is given is kept in PostgreSQL (SinkMessage, scoped to the provider's
// organization) instead of being sent anywhere — an email also lands in the development mailbox (EmailMessage, shown at
// /dev/mail) — and read back at /dev/sink, from this machine only, under the development mailbox's rule.
import escapeHtml from 'escape-html';
import { db, type Tx } from '../../db';
import type { ProviderService } from '../../providers/outbound/provider-adapter';
import { assertDevPageOpen } from '../mail/dev-mailbox';

export type SinkDelivery = {
  providerId: string;
  /** The attempt's identity: the spool id (or a provider test's id). The same one again is kept once. */
  spoolId: string;
  service: ProviderService;
  from: string;
  to: string;
  subject?: string | null;
  text?: string | null;
  html?: string | null;
  playUrl?: string | null;
  attachments?: { filename: string; contentType: string; size: number }[];
  at?: Date;
};

export type SinkKept = { id: string; emailMessageId: string | null; again: boolean };

/**
 * Keeps one message in ONE statement: the sink's row (by the provider's organization), the email's copy in the
 * mailbox (only the first time this attempt is kept) and the attempt's delivery status — the sink's receipt, since what
 * it keeps is delivered. An attempt kept before (a worker killed after the sink took it, then the same spool again)
 * answers the row it made then (`again`). Null: the provider is gone.
 * `client`: the app's db, or the seed's transaction (the demo's history went through the sink too).
 */
export async function keepInSink(client: Pick<Tx, '$queryRaw'>, m: SinkDelivery): Promise<SinkKept | null> {
  const at = m.at ?? new Date();
  const text = m.text ?? '';
  const isEmail = m.service === 'email';
  const html = m.html ?? `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(text)}</pre>`;
  const rows = await client.$queryRaw<SinkKept[]>`
    WITH p AS (SELECT "organizationId" FROM "Provider" WHERE id = ${m.providerId}::uuid),
    fresh AS (SELECT NOT EXISTS (SELECT 1 FROM "SinkMessage" WHERE "spoolId" = ${m.spoolId}::uuid) AS yes),
    mail AS (
      INSERT INTO "EmailMessage" (id, "organizationId", template, "from", "to", subject, html, text, status, attempts, transport, "sentAt", "createdAt")
      SELECT gen_random_uuid(), p."organizationId", 'transmission', ${m.from}, ${m.to}, ${m.subject ?? ''}, ${html}, ${text}, 'sent'::"EmailStatus", 1, 'sink', ${at}::timestamptz, ${at}::timestamptz
      FROM p, fresh WHERE fresh.yes AND ${isEmail}
      RETURNING id),
    kept AS (
      INSERT INTO "SinkMessage" (id, "organizationId", "providerId", "spoolId", service, "from", "to", subject, text, "playUrl", attachments, "emailMessageId", "createdAt")
      SELECT gen_random_uuid(), p."organizationId", ${m.providerId}::uuid, ${m.spoolId}::uuid, ${m.service}::"ProviderService", ${m.from}, ${m.to}, ${m.subject ?? null},
             ${text}, ${m.playUrl ?? null}, ${JSON.stringify(m.attachments ?? [])}::jsonb, (SELECT id FROM mail), ${at}::timestamptz
      FROM p
      ON CONFLICT ("spoolId") DO NOTHING
      RETURNING id, "emailMessageId"),
    receipt AS (
      UPDATE "Spool" SET "deliveryStatus" = 'delivered', "deliveredAt" = COALESCE("deliveredAt", ${at}::timestamptz)
      WHERE id = ${m.spoolId}::uuid AND EXISTS (SELECT 1 FROM p))
    SELECT id, "emailMessageId", false AS again FROM kept
    UNION ALL
    SELECT id, "emailMessageId", true AS again FROM "SinkMessage" WHERE "spoolId" = ${m.spoolId}::uuid`;
  return rows[0] ?? null;
}

export const SINK_PAGE_SIZE = 50;
const SINK_SERVICES = ['sms', 'email', 'voice', 'fax'] as const;

/**
 * /dev/sink: what the sink kept, newest first, with the organization it belongs to. SECURITY: it holds whatever was
 * sent (access links texted to customers among them), so it opens under the development mailbox's rule — a loopback
 * peer, and mail not configured (SMTP_URL unset: a development or demo install) — and is a plain 404 otherwise.
 */
export async function listDevSink(opts: { peer: string | null; page?: number; service?: string | null }) {
  assertDevPageOpen(opts.peer);
  const page = Number.isInteger(opts.page) && opts.page! >= 1 && opts.page! <= 10_000 ? opts.page! : 1;
  const service = SINK_SERVICES.find((s) => s === opts.service) ?? null;
  const where = service ? { service } : {};
  const [count, rows] = await Promise.all([
    db.sinkMessage.count({ where }),
    db.sinkMessage.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * SINK_PAGE_SIZE,
      take: SINK_PAGE_SIZE,
      select: {
        id: true,
        service: true,
        from: true,
        to: true,
        subject: true,
        text: true,
        playUrl: true,
        attachments: true,
        emailMessageId: true,
        createdAt: true,
        organization: { select: { name: true } },
        provider: { select: { name: true } },
      },
    }),
  ]);
  return {
    count,
    page,
    pages: Math.max(1, Math.ceil(count / SINK_PAGE_SIZE)),
    service,
    results: rows.map((r) => ({ ...r, attachments: Array.isArray(r.attachments) ? (r.attachments as { filename: string; contentType: string; size: number }[]) : [] })),
  };
}
