// The media store: streamed in with type and size checks that keep nothing on refusal, streamed out by byte range,
// attached only by its uploader, swept when abandoned; PostgreSQL by default and S3 (against a local S3 server).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { receiveUpload } from '../domain/media/receive-upload';
import { registerAndLogin } from '../test/factories';
import { findMedia, mediaResponse } from './read-media';
import { attachMedia, deleteMedia, saveMedia } from './save-media';
import { purgeMediaBytes, sweepAbandonedUploads } from './sweep-uploads';

/** A WAV header followed by `size` bytes of a recognisable pattern. */
function wav(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '));
  for (let i = 16; i < size; i++) bytes[i] = i % 251;
  return bytes;
}

/** Yields the bytes in small, uneven pieces, as a network would. */
async function* pieces(bytes: Uint8Array, size = 7919) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Byte equality without the element-by-element diffing of toEqual, which crawls on megabytes. */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

async function read(media: Awaited<ReturnType<typeof findMedia>>, range?: string) {
  const res = mediaResponse(new Request('http://x/', { headers: range ? { range } : {} }), media);
  const body = new Uint8Array(await new Response(res.raw as BodyInit).arrayBuffer());
  return { status: res.status, headers: res.headers ?? {}, body };
}

const readyAudio = async (bytes: Uint8Array, userId: string) => {
  const saved = await saveMedia({ organizationId: null, createdById: userId, kind: 'audio', declaredType: 'audio/wav', body: pieces(bytes) });
  await db.$transaction((tx) => attachMedia(tx, { mediaId: saved.id, kind: 'audio', uploadedBy: userId }));
  return findMedia(saved.id);
};

describe('media store (PostgreSQL)', () => {
  it('streams a multi-chunk file in and serves any byte range of it back', async () => {
    const u = await registerAndLogin('media-range');
    const bytes = wav(700_000); // three 256 KB chunks
    const media = await readyAudio(bytes, u.userId);
    expect(media.size).toBe(700_000);
    expect(await db.mediaChunk.count({ where: { mediaId: media.id } })).toBe(3);
    const whole = await read(media);
    expect([whole.status, whole.headers['Accept-Ranges'], whole.headers['Content-Length']]).toEqual([200, 'bytes', '700000']);
    expect(same(whole.body, bytes)).toBe(true);
    const across = await read(media, 'bytes=262100-262200'); // spans the first chunk boundary
    expect([across.status, across.headers['Content-Range']]).toEqual([206, 'bytes 262100-262200/700000']);
    expect(same(across.body, bytes.subarray(262100, 262201))).toBe(true);
    expect(same((await read(media, 'bytes=-10')).body, bytes.subarray(699_990))).toBe(true);
    expect(same((await read(media, 'bytes=699999-')).body, bytes.subarray(699_999))).toBe(true);
    expect((await read(media, 'bytes=10-5,7-9')).status).toBe(200); // several ranges: the whole file is a valid answer
    await expect(read(media, 'bytes=700000-')).rejects.toMatchObject({ code: 'range_not_satisfiable', headers: { 'Content-Range': 'bytes */700000' } });
  });

  it('checks the bytes, not only the declared type, and keeps nothing it refuses', async () => {
    const u = await registerAndLogin('media-refuse');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const before = await db.media.count();
    const save = (kind: 'audio' | 'image' | 'pdf' | 'csv', declaredType: string, body: Uint8Array | AsyncIterable<Uint8Array>) =>
      saveMedia({ organizationId: null, createdById: u.userId, kind, declaredType, body });
    await expect(save('audio', 'audio/wav', png)).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(save('audio', 'image/png', png)).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(save('pdf', 'application/pdf', png)).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(save('csv', 'text/csv', png)).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(save('image', 'image/png', new Uint8Array())).rejects.toMatchObject({ code: 'validation_failed' });
    // 50 MB is the audio limit: one byte more, sent as a stream, is refused while it arrives.
    await expect(save('audio', 'audio/wav', pieces(wav(50 * 1024 * 1024 + 1), 1 << 20))).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await db.media.count()).toBe(before);
    expect((await save('csv', 'text/csv; charset=utf-8', new TextEncoder().encode('name,phone\nÅsa,+4670\n'))).contentType).toBe('text/csv');
    expect((await save('pdf', 'application/pdf', new TextEncoder().encode('%PDF-1.7\n'))).contentType).toBe('application/pdf');
  }, 60_000);

  it('serves only ready public media at /media, and lets only the uploader attach an upload, once', async () => {
    const u = await registerAndLogin('media-attach');
    const other = await registerAndLogin('media-other');
    const ctx = { organizationId: null, actor: { kind: 'user' as const, id: u.userId }, permissions: new Set<never>(), requestId: 'r' };
    const up = await receiveUpload({ ctx, kind: 'audio', file: { name: 'file', filename: 'a.wav', contentType: 'audio/wav', stream: pieces(wav(1000)) } });
    await expect(findMedia(up.uploadId)).rejects.toMatchObject({ code: 'not_found' }); // pending
    await expect(db.$transaction((tx) => attachMedia(tx, { mediaId: up.uploadId, kind: 'audio', uploadedBy: other.userId }))).rejects.toMatchObject({ code: 'not_found' });
    await expect(db.$transaction((tx) => attachMedia(tx, { mediaId: up.uploadId, kind: 'image', uploadedBy: u.userId }))).rejects.toMatchObject({ code: 'not_found' });
    await db.$transaction((tx) => attachMedia(tx, { mediaId: up.uploadId, kind: 'audio', uploadedBy: u.userId }));
    await expect(db.$transaction((tx) => attachMedia(tx, { mediaId: up.uploadId, kind: 'audio', uploadedBy: u.userId }))).rejects.toMatchObject({ code: 'not_found' });
    expect((await findMedia(up.uploadId)).size).toBe(1000);
    await expect(findMedia(up.uploadId, { publicOnly: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(findMedia('------------------------------------')).rejects.toMatchObject({ code: 'not_found' });
    await db.$transaction((tx) => deleteMedia(tx, up.uploadId));
    expect(await db.mediaChunk.count({ where: { mediaId: up.uploadId } })).toBe(0);
  });

  it('sweeps uploads never attached within an hour', async () => {
    const u = await registerAndLogin('media-sweep');
    const stale = await saveMedia({ organizationId: null, createdById: u.userId, kind: 'audio', declaredType: 'audio/wav', body: wav(300_000) });
    const fresh = await saveMedia({ organizationId: null, createdById: u.userId, kind: 'audio', declaredType: 'audio/wav', body: wav(100) });
    await db.media.update({ where: { id: stale.id }, data: { createdAt: new Date(Date.now() - 2 * 3600_000) } });
    await sweepAbandonedUploads();
    expect(await db.media.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await db.mediaChunk.count({ where: { mediaId: stale.id } })).toBe(0);
    expect(await db.media.findUnique({ where: { id: fresh.id } })).not.toBeNull();
  });
});

describe('media store (S3-compatible, MEDIA_S3_URL)', () => {
  let server: S3rver;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'pitchcraft', configs: [] }] });
    const { port } = (await server.run()) as unknown as { port: number };
    process.env.MEDIA_S3_URL = `s3+http://S3RVER:S3RVER@127.0.0.1:${port}/pitchcraft/test`;
  });
  afterAll(async () => {
    delete process.env.MEDIA_S3_URL;
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams multipart uploads to the bucket, reads ranges back, and purges after delete', async () => {
    const u = await registerAndLogin('media-s3');
    const bytes = wav(12 * 1024 * 1024 + 17); // three 5 MB multipart parts
    const media = await readyAudio(bytes, u.userId);
    expect(media.storage).toBe('s3');
    expect(await db.mediaChunk.count({ where: { mediaId: media.id } })).toBe(0);
    const part = await read(media, 'bytes=5242870-5242890');
    expect([part.status, part.headers['Content-Range']]).toEqual([206, `bytes 5242870-5242890/${bytes.length}`]);
    expect(same(part.body, bytes.subarray(5242870, 5242891))).toBe(true);
    expect(same((await read(media)).body, bytes)).toBe(true);
    await db.$transaction((tx) => deleteMedia(tx, media.id));
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'media.purge' AND data->>'mediaId' = ${media.id}`;
    expect(Number(jobs[0]!.n)).toBe(1);
    await purgeMediaBytes(media.id, 's3');
    await purgeMediaBytes(media.id, 's3'); // idempotent
    await expect(read({ ...media }, 'bytes=0-1')).rejects.toBeTruthy();
  }, 60_000);
});
