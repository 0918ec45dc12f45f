// Stores an upload as it streams in: the declared type and the first bytes are checked before anything is kept, the
// size limit of its kind is enforced while it arrives, and a refused or broken upload leaves nothing behind.
import { createHash } from 'node:crypto';
import { db, type Tx } from '../db';
import { AppError } from '../errors';
import { enqueue } from '../jobs/enqueue';
import { backendFor, backendForNewMedia } from './backends';
import { acceptedType, assertSignature, KIND_SPECS, mediaTooLarge, type MediaKind } from './media-kinds';

export type SavedMedia = { id: string; contentType: string; size: number; sha256: string };

export type MediaSource = AsyncIterable<Uint8Array> | Uint8Array;

/**
 * Saves the bytes and returns the new media, still `pending`: the transaction that puts it to use must call
 * `attachMedia(tx, id)`. Media never attached (the request failed after the upload, the process died) is swept.
 */
export async function saveMedia(opts: { organizationId: string | null; createdById: string | null; kind: MediaKind; declaredType: string | null; body: MediaSource }): Promise<SavedMedia> {
  const spec = KIND_SPECS[opts.kind];
  const contentType = acceptedType(opts.kind, opts.declaredType);
  const source = toIterator(opts.body);
  const head = await readHead(source, spec.sniffBytes, spec.maxBytes, opts.kind);
  assertSignature(opts.kind, contentType, head);

  const backend = backendForNewMedia();
  const media = await db.media.create({
    data: { organizationId: opts.organizationId, createdById: opts.createdById, kind: opts.kind, contentType, storage: backend.name },
    select: { id: true, chunkSize: true },
  });
  const hash = createHash('sha256');
  let size = 0;
  // A kind checked whole (images, at most a few MB) is kept while it streams, to be checked once complete.
  const whole: Uint8Array[] | null = spec.validate ? [] : null;
  async function* checked(): AsyncGenerator<Uint8Array> {
    for (let piece: Uint8Array | undefined = head; piece; piece = await nextPiece(source)) {
      size += piece.byteLength;
      if (size > spec.maxBytes) throw mediaTooLarge(opts.kind);
      hash.update(piece);
      whole?.push(piece);
      yield piece;
    }
  }
  try {
    await backend.write(media, checked());
    if (whole) spec.validate!(Buffer.concat(whole), contentType);
  } catch (error) {
    await discard(media.id, backend.name);
    throw error;
  }
  const sha256 = hash.digest('hex');
  await db.media.update({ where: { id: media.id }, data: { size, sha256, completedAt: new Date() } });
  return { id: media.id, contentType, size, sha256 };
}

/**
 * Puts a finished upload to use, in the transaction of the row that references it. SECURITY: only the uploader's
 * own pending upload of the expected kind qualifies; anything else is answered as if it did not exist.
 * `public` media is served at /media/{id} to anyone holding the id (photos, logos); private media only through
 * the endpoint of the resource that owns it.
 */
export async function attachMedia(tx: Tx, opts: { mediaId: string; kind: MediaKind; uploadedBy: string | null; public?: boolean }): Promise<{ contentType: string; size: number }> {
  const where = { id: opts.mediaId, kind: opts.kind, status: 'pending' as const, completedAt: { not: null }, createdById: opts.uploadedBy };
  const { count } = await tx.media.updateMany({ where, data: { status: 'ready', public: opts.public ?? false } });
  if (count !== 1) throw new AppError('not_found', { message: 'Upload not found: it may have expired (uploads are kept for an hour); send the file again' });
  return tx.media.findUniqueOrThrow({ where: { id: opts.mediaId }, select: { contentType: true, size: true } });
}

/** Deletes media with the transaction that drops its last reference; bytes held outside PostgreSQL go by a job after commit. */
export async function deleteMedia(tx: Tx, mediaId: string): Promise<void> {
  const media = await tx.media.findUnique({ where: { id: mediaId }, select: { storage: true } });
  if (!media) return;
  await tx.media.delete({ where: { id: mediaId } });
  if (media.storage !== 'pg') await enqueue(tx, 'media.purge', { mediaId, storage: media.storage });
}

/** Removes an upload that failed or was refused (a pending one: never anything already in use). */
export async function discard(mediaId: string, storage?: string): Promise<void> {
  const where = { id: mediaId, status: 'pending' as const };
  const holder = storage ?? (await db.media.findFirst({ where, select: { storage: true } }))?.storage;
  if (!holder) return;
  await backendFor(holder).remove({ id: mediaId }).catch(() => {});
  await db.media.deleteMany({ where });
}

type PieceIterator = AsyncIterator<Uint8Array>;

function toIterator(body: MediaSource): PieceIterator {
  if (body instanceof Uint8Array) return (async function* () { if (body.byteLength > 0) yield body; })();
  return body[Symbol.asyncIterator]();
}

async function nextPiece(source: PieceIterator): Promise<Uint8Array | undefined> {
  for (;;) {
    const r = await source.next();
    if (r.done) return undefined;
    if (r.value.byteLength > 0) return r.value;
  }
}

/** Reads at least `bytes` (or everything, if shorter) to check the signature before anything is stored. */
async function readHead(source: PieceIterator, bytes: number, maxBytes: number, kind: MediaKind): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  while (total < bytes) {
    const piece = await nextPiece(source);
    if (!piece) break;
    parts.push(piece);
    total += piece.byteLength;
    if (total > maxBytes) throw mediaTooLarge(kind);
  }
  const head = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    head.set(p, at);
    at += p.byteLength;
  }
  return head;
}
