// What a transmission sends to its contact: the program's text, template, document or words with the contact's merge
// fields filled (HTML-escaped in an email's HTML), from the account's address, with the template's attachment.
import escapeHtml from 'escape-html';
import type { Tx } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { backendFor } from '../../media/backends';
import { signedMediaUrl } from '../../media/signed-link';
import type { Attachment, OutboundMessage } from '../../providers/outbound/provider-adapter';
import { accessLinkText } from '../access-links/access-link-text';
import { MERGE_FIELDS } from '../library/message-text';
import { SERVICE_OF, isSendingProgram } from './manage-transmissions';

const MERGE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function fillMergeFields(text: string, contact: Record<string, unknown>, escape: (s: string) => string = (s) => s): string {
  return text.replace(MERGE, (whole, field: string) => (MERGE_FIELDS.includes(field) ? escape(String(contact[field] ?? '')) : whole));
}

async function mediaBytes(tx: Tx, mediaId: string): Promise<{ content: Buffer; contentType: string } | null> {
  const media = await tx.media.findFirst({ where: { id: mediaId, status: 'ready' }, select: { id: true, storage: true, chunkSize: true, size: true, contentType: true } });
  if (!media) return null;
  const chunks: Uint8Array[] = [];
  if (media.size > 0) for await (const c of backendFor(media.storage).read(media, 0, media.size - 1)) chunks.push(c);
  return { content: Buffer.concat(chunks), contentType: media.contentType };
}

export type Composed = { ok: true; message: Omit<OutboundMessage, 'spoolId' | 'receiptUrl'> } | { ok: false; reason: string };

export type Loaded = {
  organizationId: string;
  accessLinkId: string | null;
  remoteAddress: string | null;
  contact: { phone: string; email: string | null } & Record<string, unknown> | null;
  account: { name: string; address: string; active: boolean } | null;
  program: { type: string; ttsText: string | null } | null;
  text: { type: string; data: string } | null;
  template: { subject: string; body: string; bodyAlt: string; attachmentMediaId: string | null; attachmentName: string | null } | null;
  document: { name: string; mediaId: string | null } | null;
  recording: { mediaId: string | null } | null;
};

/**
 * Everything a message is made of, for a transmission `t` in the FROM clause: its contact, its account or else the
 * first active one of the program's type, the program and the library row it sends — the columns of `Loaded` and the
 * joins they need. Rows come back as JSON with their column (= field) names. Shared by `composeMessage` and the
 * delivery's claim, which reads them in the statement that claims the spool (the delivery hot path).
 */
export function composeParts(): { columns: Prisma.Sql; joins: Prisma.Sql } {
  const accountTypeOf = Prisma.join(Object.entries(SERVICE_OF).map(([type, spec]) => Prisma.sql`WHEN ${type} THEN ${spec.account}`), ' ');
  // Scalar subqueries rather than joins: each is planned on its own, where eight joined tables made the planner weigh
  // their orders on every call — planning was most of PostgreSQL's time per message (pg_stat_statements, bench:transmissions).
  return {
    columns: Prisma.sql`t."organizationId", t."accessLinkId", t."remoteAddress", to_jsonb(p) AS program,
           (SELECT to_jsonb(c) FROM "Contact" c WHERE c.id = t."contactId") AS contact,
           (SELECT to_jsonb(x) FROM "SmsText" x WHERE x.id = p."textId" AND p.type = 'sendsms') AS text,
           (SELECT to_jsonb(et) FROM "EmailTemplate" et WHERE et.id = p."templateId" AND p.type = 'sendemail') AS template,
           (SELECT to_jsonb(fd) FROM "FaxDocument" fd WHERE fd.id = p."documentId" AND p.type = 'sendfax') AS document,
           (SELECT to_jsonb(vr) FROM "VoiceRecording" vr WHERE vr.id = p."recordingId" AND p.type = 'voicemessage') AS recording,
           COALESCE((SELECT to_jsonb(a) FROM "Account" a WHERE a.id = t."accountId"),
                    (SELECT to_jsonb(f) FROM "Account" f
                     WHERE t."accountId" IS NULL AND f."organizationId" = t."organizationId" AND f.active
                       AND f.type::text = (CASE p.type::text ${accountTypeOf} END)
                     ORDER BY f."createdAt" ASC LIMIT 1)) AS account`,
    joins: Prisma.sql`LEFT JOIN "Program" p ON p.id = t."programId"`,
  };
}

/** Everything a message is made of in ONE round trip. */
async function load(tx: Tx, transmissionId: string): Promise<Loaded> {
  const { columns, joins } = composeParts();
  const rows = await tx.$queryRaw<Loaded[]>`SELECT ${columns} FROM "Transmission" t ${joins} WHERE t.id = ${transmissionId}::uuid`;
  if (!rows[0]) throw new Error(`Transmission ${transmissionId} not found`);
  return rows[0];
}

export async function composeMessage(tx: Tx, transmissionId: string): Promise<Composed> {
  return composeLoaded(tx, await load(tx, transmissionId));
}

/** The message made of parts already read (`composeParts`); reads more only for an attachment or a recording. */
export async function composeLoaded(tx: Tx, t: Loaded): Promise<Composed> {
  if (t.accessLinkId) return composeAccessLink(tx, t);
  const { contact, program } = t;
  if (!contact) return { ok: false, reason: 'Its contact was deleted' };
  if (!program) return { ok: false, reason: 'Its program was deleted' };
  if (!isSendingProgram(program.type)) return { ok: false, reason: `A ${program.type} program sends nothing` };
  const spec = SERVICE_OF[program.type];
  const to = spec.needs === 'email' ? contact.email : contact.phone;
  if (!to) return { ok: false, reason: 'The contact has no email address' };
  const account = t.account;
  if (!account) return { ok: false, reason: `No active ${spec.account} account to send from: add one under Sender accounts` };
  if (!account.active) return { ok: false, reason: `The sender account “${account.name}” is inactive` };
  const fields = contact as unknown as Record<string, unknown>;
  const base = { service: spec.service, to, from: account.address } as const;
  switch (program.type) {
    case 'sendsms': {
      if (!t.text) return { ok: false, reason: 'Its text was deleted' };
      return { ok: true, message: { ...base, text: t.text.type === 'binary' ? t.text.data : fillMergeFields(t.text.data, fields) } };
    }
    case 'sendemail': {
      const tpl = t.template;
      if (!tpl) return { ok: false, reason: 'Its template was deleted' };
      const attachments: Attachment[] = [];
      if (tpl.attachmentMediaId) {
        const file = await mediaBytes(tx, tpl.attachmentMediaId);
        if (!file) return { ok: false, reason: 'Its template’s attachment is missing' };
        attachments.push({ filename: tpl.attachmentName ?? 'attachment', ...file });
      }
      const from = account.name && account.name !== account.address ? `"${account.name.replace(/["\\]/g, '')}" <${account.address}>` : account.address;
      return { ok: true, message: { ...base, from, subject: fillMergeFields(tpl.subject, fields), html: fillMergeFields(tpl.body, fields, escapeHtml), text: fillMergeFields(tpl.bodyAlt, fields), attachments } };
    }
    case 'sendfax': {
      const doc = t.document;
      if (!doc?.mediaId) return { ok: false, reason: 'Its document has no PDF' };
      const file = await mediaBytes(tx, doc.mediaId);
      if (!file) return { ok: false, reason: 'Its document’s PDF is missing' };
      return { ok: true, message: { ...base, subject: doc.name, text: '', attachments: [{ filename: `${doc.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'fax'}.pdf`, ...file }] } };
    }
    case 'voicetts':
      return { ok: true, message: { ...base, say: fillMergeFields(program.ttsText ?? '', fields) } };
    case 'voicemessage': {
      // The gateway fetches the recording itself while the call is up: a short-lived link signed for that file only.
      const recording = t.recording;
      if (!recording?.mediaId) return { ok: false, reason: 'Its recording has no audio' };
      const ready = await tx.media.findFirst({ where: { id: recording.mediaId, status: 'ready' }, select: { id: true } });
      if (!ready) return { ok: false, reason: 'Its recording’s audio is missing' };
      return { ok: true, message: { ...base, playUrl: signedMediaUrl(recording.mediaId) } };
    }
  }
}

/** An access link texted to a customer: to the number it was asked for, from the organization's phone account. */
async function composeAccessLink(tx: Tx, t: { organizationId: string; accessLinkId: string | null; remoteAddress: string | null; account: { address: string; active: boolean; name: string } | null }): Promise<Composed> {
  if (!t.remoteAddress) return { ok: false, reason: 'It has no phone number to text' };
  const account = t.account?.active ? t.account : await tx.account.findFirst({ where: { organizationId: t.organizationId, type: 'phone', active: true }, orderBy: { createdAt: 'asc' } });
  if (!account) return { ok: false, reason: 'No active phone account to send from: add one under Sender accounts' };
  const text = await accessLinkText(tx, t.accessLinkId!);
  if (!text.ok) return text;
  return { ok: true, message: { service: 'sms', to: t.remoteAddress, from: account.address, text: text.text } };
}
