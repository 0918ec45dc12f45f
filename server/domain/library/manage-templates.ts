// Email templates of the library: HTML sanitized on the way in, a plain-text alternative generated when none is given,
// merge fields checked in subject and bodies, and one attachment (a PDF or an image) in the media store.
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { AppError, notFound } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { findMedia, mediaResponse } from '../../media/read-media';
import { attachMedia, deleteMedia, saveMedia } from '../../media/save-media';
import type { ApiResponse } from '../../http/api-response';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { emailTemplateInput, type EmailTemplateDto, type LibraryOrderingField } from './library.schema';
import { assertUnused } from './manage-texts';
import { plainTextOf, sanitizeEmailHtml } from './email-html';
import { mergeFieldsOf, unknownMergeFields } from './message-text';
import { attachmentKindOf, uploaderOf, type LibraryUpload } from './library-media';

const include = { _count: { select: { programs: true } } } as const satisfies Prisma.EmailTemplateInclude;
type Row = Prisma.EmailTemplateGetPayload<{ include: typeof include }>;

async function toDto(t: Row, tx: Tx = db): Promise<EmailTemplateDto> {
  const media = t.attachmentMediaId ? await tx.media.findUnique({ where: { id: t.attachmentMediaId }, select: { contentType: true, size: true } }) : null;
  return {
    id: t.id,
    name: t.name,
    subject: t.subject,
    body: t.body,
    bodyAlt: t.bodyAlt,
    bodyAltGenerated: t.bodyAltGenerated,
    description: t.description,
    attachment: media && t.attachmentName ? { name: t.attachmentName, contentType: media.contentType, size: media.size } : null,
    mergeFields: mergeFieldsOf(t.subject, t.body, t.bodyAlt),
    programCount: t._count.programs,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function findTemplate(ctx: OrgCtx, id: string, tx: Tx = db) {
  if (!isUuid(id)) throw notFound('Template');
  const template = await tx.emailTemplate.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!template) throw notFound('Template');
  return template;
}

function dataOf(raw: unknown) {
  const input = emailTemplateInput.parse(raw);
  const errors = [...unknownMergeFields('subject', input.subject), ...unknownMergeFields('body', input.body), ...unknownMergeFields('bodyAlt', input.bodyAlt)];
  if (errors.length > 0) throw new AppError('validation_failed', { message: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors });
  const body = sanitizeEmailHtml(input.body);
  if (!body) throw new AppError('validation_failed', { message: 'body: nothing is left once scripts and unsafe markup are removed', errors: [{ path: 'body', message: 'holds nothing a reader would see' }] });
  const generated = !input.bodyAlt;
  return { name: input.name, subject: input.subject, body, bodyAlt: input.bodyAlt ?? plainTextOf(body), bodyAltGenerated: generated, description: input.description ?? null };
}

export async function listTemplates(opts: { ctx: Ctx; page: Page; ordering?: Ordering<LibraryOrderingField>; search?: string }) {
  const ctx = requirePermission(opts.ctx, 'messages:read');
  const o = opts.ordering ?? { field: 'name', direction: 'asc' };
  const search = opts.search?.trim();
  const where: Prisma.EmailTemplateWhereInput = { organizationId: ctx.organizationId, ...(search && { name: { contains: search, mode: 'insensitive' } }) };
  const [count, rows] = await Promise.all([db.emailTemplate.count({ where }), db.emailTemplate.findMany({ where, include, orderBy: [{ [o.field]: o.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit })]);
  return { count, results: await Promise.all(rows.map((r) => toDto(r))) };
}

export async function getTemplate(opts: { ctx: Ctx; id: string }): Promise<EmailTemplateDto> {
  const ctx = requirePermission(opts.ctx, 'messages:read');
  const t = await findTemplate(ctx, opts.id);
  return toDto(await db.emailTemplate.findUniqueOrThrow({ where: { id: t.id }, include }));
}

export async function createTemplate(opts: { ctx: Ctx; input: z.input<typeof emailTemplateInput> }): Promise<EmailTemplateDto> {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  const data = dataOf(opts.input);
  return toDto(await db.emailTemplate.create({ data: { organizationId: ctx.organizationId, ...data }, include }));
}

export async function updateTemplate(opts: { ctx: Ctx; id: string; input: unknown }): Promise<EmailTemplateDto> {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  const data = dataOf(opts.input);
  return db.$transaction(async (tx) => {
    const t = await findTemplate(ctx, opts.id, tx);
    return toDto(await tx.emailTemplate.update({ where: { id: t.id }, data, include }), tx);
  });
}

export async function deleteTemplate(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  await db.$transaction(async (tx) => {
    const t = await findTemplate(ctx, opts.id, tx);
    await assertUnused(tx, { templateId: t.id });
    await tx.emailTemplate.delete({ where: { id: t.id } });
    if (t.attachmentMediaId) await deleteMedia(tx, t.attachmentMediaId);
  });
}

/** PUT /messages/templates/{id}/media: the attachment (a PDF or a JPEG/PNG image), replacing any before it. */
export async function putTemplateAttachment(opts: { ctx: Ctx; id: string; upload: LibraryUpload }): Promise<EmailTemplateDto> {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  await findTemplate(ctx, opts.id);
  const kind = attachmentKindOf(opts.upload.contentType);
  const saved = await saveMedia({ organizationId: ctx.organizationId, createdById: uploaderOf(ctx), kind, declaredType: opts.upload.contentType, body: opts.upload.stream });
  return attachTemplateMedia(ctx, opts.id, saved.id, kind, opts.upload.filename ?? (kind === 'pdf' ? 'attachment.pdf' : 'attachment'));
}

/** The browser's path: the file went to PUT /api/uploads/{pdf|image} first. */
export async function attachTemplateUpload(opts: { ctx: Ctx; id: string; uploadId: string; fileName: string }): Promise<EmailTemplateDto> {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  const media = await db.media.findFirst({ where: { id: opts.uploadId, createdById: uploaderOf(ctx), status: 'pending' }, select: { kind: true } });
  if (!media || (media.kind !== 'pdf' && media.kind !== 'image')) throw new AppError('not_found', { message: 'Upload not found: choose the file again' });
  return attachTemplateMedia(ctx, opts.id, opts.uploadId, media.kind, opts.fileName);
}

async function attachTemplateMedia(ctx: OrgCtx, id: string, mediaId: string, kind: 'pdf' | 'image', fileName: string): Promise<EmailTemplateDto> {
  // A name safe inside Content-Disposition: no path, quote or control character.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const name = fileName.replace(/[\\/\u0000-\u001f"]/g, '_').slice(0, 200) || 'attachment';
  return db.$transaction(async (tx) => {
    const t = await findTemplate(ctx, id, tx);
    await attachMedia(tx, { mediaId, kind, uploadedBy: uploaderOf(ctx) });
    if (t.attachmentMediaId) await deleteMedia(tx, t.attachmentMediaId);
    return toDto(await tx.emailTemplate.update({ where: { id: t.id }, data: { attachmentMediaId: mediaId, attachmentName: name }, include }), tx);
  });
}

/** GET /messages/templates/{id}/media: the attachment, with Range. */
export async function openTemplateAttachment(opts: { ctx: Ctx; id: string; req: Request }): Promise<ApiResponse> {
  const ctx = requirePermission(opts.ctx, 'messages:read');
  const t = await findTemplate(ctx, opts.id);
  if (!t.attachmentMediaId) throw notFound('Attachment');
  const media = await findMedia(t.attachmentMediaId);
  return mediaResponse(opts.req, media, { 'Cache-Control': 'private, max-age=3600', 'Content-Disposition': `attachment; filename="${t.attachmentName ?? 'attachment'}"` });
}
