// What a transmission sends to its contact: the program's text, template, document or words with the contact's merge
// fields filled (HTML-escaped in an email's HTML), from the account's address, with the template's attachment.
import escapeHtml from 'escape-html';
import type { Tx } from '../../db';
import { backendFor } from '../../media/backends';
import { signedMediaUrl } from '../../media/signed-link';
import type { Attachment, OutboundMessage } from '../../providers/outbound/provider-adapter';
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

export async function composeMessage(tx: Tx, transmissionId: string): Promise<Composed> {
  const t = await tx.transmission.findUniqueOrThrow({
    where: { id: transmissionId },
    include: { contact: true, account: true, program: { include: { text: true, template: true, document: true, recording: true } } },
  });
  const { contact, program } = t;
  if (!contact) return { ok: false, reason: 'Its contact was deleted' };
  if (!program) return { ok: false, reason: 'Its program was deleted' };
  if (!isSendingProgram(program.type)) return { ok: false, reason: `A ${program.type} program sends nothing` };
  const spec = SERVICE_OF[program.type];
  const to = spec.needs === 'email' ? contact.email : contact.phone;
  if (!to) return { ok: false, reason: 'The contact has no email address' };
  const account = t.account ?? (await tx.account.findFirst({ where: { organizationId: t.organizationId, type: spec.account, active: true }, orderBy: { createdAt: 'asc' } }));
  if (!account) return { ok: false, reason: `No active ${spec.account} account to send from: add one under Sender accounts` };
  if (!account.active) return { ok: false, reason: `The sender account “${account.name}” is inactive` };
  const fields = contact as unknown as Record<string, unknown>;
  const base = { service: spec.service, to, from: account.address } as const;
  switch (program.type) {
    case 'sendsms': {
      if (!program.text) return { ok: false, reason: 'Its text was deleted' };
      return { ok: true, message: { ...base, text: program.text.type === 'binary' ? program.text.data : fillMergeFields(program.text.data, fields) } };
    }
    case 'sendemail': {
      const tpl = program.template;
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
      const doc = program.document;
      if (!doc?.mediaId) return { ok: false, reason: 'Its document has no PDF' };
      const file = await mediaBytes(tx, doc.mediaId);
      if (!file) return { ok: false, reason: 'Its document’s PDF is missing' };
      return { ok: true, message: { ...base, subject: doc.name, text: '', attachments: [{ filename: `${doc.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'fax'}.pdf`, ...file }] } };
    }
    case 'voicetts':
      return { ok: true, message: { ...base, say: fillMergeFields(program.ttsText ?? '', fields) } };
    case 'voicemessage': {
      // The gateway fetches the recording itself while the call is up: a short-lived link signed for that file only.
      const recording = program.recording;
      if (!recording?.mediaId) return { ok: false, reason: 'Its recording has no audio' };
      const ready = await tx.media.findFirst({ where: { id: recording.mediaId, status: 'ready' }, select: { id: true } });
      if (!ready) return { ok: false, reason: 'Its recording’s audio is missing' };
      return { ok: true, message: { ...base, playUrl: signedMediaUrl(recording.mediaId) } };
    }
  }
}
