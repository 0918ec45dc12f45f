// Voice recordings (WAV) and fax documents (PDF) of the library: a named entry, then its file through the media store
// (per-kind size limits, magic bytes checked: 413 and 415), served back with Range. One module for both: they differ
// only in their table, media kind and words.
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { AppError, notFound } from '../../errors';
import { backendFor } from '../../media/backends';
import { findMedia, mediaResponse } from '../../media/read-media';
import { attachMedia, deleteMedia, saveMedia } from '../../media/save-media';
import type { ApiResponse } from '../../http/api-response';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { mediaItemInput, type DocumentDto, type LibraryOrderingField, type RecordingDto } from './library.schema';
import { uploaderOf, wavDuration, type LibraryUpload } from './library-media';
import { assertUnused } from './manage-texts';

export type MediaItemKind = 'recording' | 'document';

type ItemRow = { id: string; organizationId: string; name: string; description: string | null; mediaId: string | null; size: number | null; duration?: number | null; createdAt: Date; updatedAt: Date; _count: { programs: number } };

const SPEC = {
  recording: { media: 'audio', label: 'Recording', file: 'recording.wav', ref: 'recordingId' },
  document: { media: 'pdf', label: 'Document', file: 'document.pdf', ref: 'documentId' },
} as const;

const include = { _count: { select: { programs: true } } } as const;

/** The Prisma delegate of the kind's table (both tables have the same shape where this module touches them). */
const table = (tx: Tx, kind: MediaItemKind) => (kind === 'recording' ? tx.voiceRecording : tx.faxDocument) as unknown as typeof tx.faxDocument;

function toDto(kind: 'recording', r: ItemRow): RecordingDto;
function toDto(kind: 'document', r: ItemRow): DocumentDto;
function toDto(kind: MediaItemKind, r: ItemRow): RecordingDto | DocumentDto;
function toDto(kind: MediaItemKind, r: ItemRow): RecordingDto | DocumentDto {
  const base = { id: r.id, name: r.name, description: r.description, hasMedia: r.mediaId !== null, size: r.size, programCount: r._count.programs, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
  return kind === 'recording' ? { ...base, duration: r.duration ?? null } : base;
}

export async function findItem(ctx: OrgCtx, kind: MediaItemKind, id: string, tx: Tx = db): Promise<ItemRow> {
  if (!isUuid(id)) throw notFound(SPEC[kind].label);
  const row = await table(tx, kind).findFirst({ where: { id, organizationId: ctx.organizationId }, include });
  if (!row) throw notFound(SPEC[kind].label);
  return row as ItemRow;
}

export async function listItems(opts: { ctx: Ctx; kind: MediaItemKind; page: Page; ordering?: Ordering<LibraryOrderingField>; search?: string }) {
  const ctx = requirePermission(opts.ctx, 'messages:read');
  const o = opts.ordering ?? { field: 'name', direction: 'asc' };
  const search = opts.search?.trim();
  const where = { organizationId: ctx.organizationId, ...(search && { name: { contains: search, mode: 'insensitive' as const } }) };
  const t = table(db, opts.kind);
  const [count, rows] = await Promise.all([t.count({ where }), t.findMany({ where, include, orderBy: [{ [o.field]: o.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit })]);
  return { count, results: (rows as ItemRow[]).map((r) => toDto(opts.kind, r)) };
}

export async function getItem(opts: { ctx: Ctx; kind: MediaItemKind; id: string }) {
  const ctx = requirePermission(opts.ctx, 'messages:read');
  return toDto(opts.kind, await findItem(ctx, opts.kind, opts.id));
}

export async function createItem(opts: { ctx: Ctx; kind: MediaItemKind; input: z.input<typeof mediaItemInput> }) {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  const input = mediaItemInput.parse(opts.input);
  const row = await table(db, opts.kind).create({ data: { organizationId: ctx.organizationId, name: input.name, description: input.description ?? null }, include });
  return toDto(opts.kind, row as ItemRow);
}

/** PUT: name and description (the file is PUT to …/media). */
export async function updateItem(opts: { ctx: Ctx; kind: MediaItemKind; id: string; input: unknown }) {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  const input = mediaItemInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const item = await findItem(ctx, opts.kind, opts.id, tx);
    const row = await table(tx, opts.kind).update({ where: { id: item.id }, data: { name: input.name, description: input.description ?? null }, include });
    return toDto(opts.kind, row as ItemRow);
  });
}

export async function deleteItem(opts: { ctx: Ctx; kind: MediaItemKind; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  await db.$transaction(async (tx) => {
    const item = await findItem(ctx, opts.kind, opts.id, tx);
    await assertUnused(tx, { [SPEC[opts.kind].ref]: item.id });
    await table(tx, opts.kind).delete({ where: { id: item.id } });
    if (item.mediaId) await deleteMedia(tx, item.mediaId);
  });
}

/** PUT …/{id}/media: the WAV or PDF, streamed into the media store; replaces the file before it. */
export async function putItemMedia(opts: { ctx: Ctx; kind: MediaItemKind; id: string; upload: LibraryUpload }) {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  await findItem(ctx, opts.kind, opts.id);
  const saved = await saveMedia({ organizationId: ctx.organizationId, createdById: uploaderOf(ctx), kind: SPEC[opts.kind].media, declaredType: opts.upload.contentType, body: opts.upload.stream });
  return attachItemMedia(ctx, opts.kind, opts.id, saved.id);
}

/** The browser's path: the file went to PUT /api/uploads/{audio|pdf} first. */
export async function attachItemUpload(opts: { ctx: Ctx; kind: MediaItemKind; id: string; uploadId: string }) {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  if (!isUuid(opts.uploadId)) throw new AppError('not_found', { message: 'Upload not found: choose the file again' });
  return attachItemMedia(ctx, opts.kind, opts.id, opts.uploadId);
}

async function attachItemMedia(ctx: OrgCtx, kind: MediaItemKind, id: string, mediaId: string) {
  const media = await db.media.findUnique({ where: { id: mediaId }, select: { id: true, storage: true, chunkSize: true, size: true } });
  const duration = kind === 'recording' && media ? wavDuration(await readHead(media), media.size) : null;
  return db.$transaction(async (tx) => {
    const item = await findItem(ctx, kind, id, tx);
    const { size } = await attachMedia(tx, { mediaId, kind: SPEC[kind].media, uploadedBy: uploaderOf(ctx) });
    if (item.mediaId) await deleteMedia(tx, item.mediaId);
    const row = await table(tx, kind).update({ where: { id: item.id }, data: { mediaId, size, ...(kind === 'recording' && { duration }) }, include });
    return toDto(kind, row as ItemRow);
  });
}

async function readHead(media: { id: string; storage: string; chunkSize: number; size: number }): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of backendFor(media.storage).read(media, 0, Math.min(media.size, 4096) - 1)) parts.push(part);
  return Buffer.concat(parts);
}

/** GET …/{id}/media: the file, with Range (players and viewers seek). */
export async function openItemMedia(opts: { ctx: Ctx; kind: MediaItemKind; id: string; req: Request; download?: boolean }): Promise<ApiResponse> {
  const ctx = requirePermission(opts.ctx, 'messages:read');
  const item = await findItem(ctx, opts.kind, opts.id);
  if (!item.mediaId) throw notFound(`${SPEC[opts.kind].label} file`);
  const media = await findMedia(item.mediaId);
  return mediaResponse(opts.req, media, { 'Cache-Control': 'private, max-age=3600', 'Content-Disposition': `${opts.download ? 'attachment' : 'inline'}; filename="${SPEC[opts.kind].file}"` });
}
