// Media bytes in PostgreSQL, as fixed-size MediaChunk rows: written as they arrive, read back a few chunks at a time,
// so neither an upload nor a download ever holds a whole file in memory.
import { db } from '../db';
import type { MediaBackend, StoredMedia } from './backend';

const READ_BATCH = 8;

export const pgBackend: MediaBackend = {
  name: 'pg',

  async write(media, source) {
    let index = 0;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = async (bytes: Uint8Array) => {
      await db.mediaChunk.create({ data: { mediaId: media.id, index: index++, bytes: new Uint8Array(bytes) } });
    };
    for await (const piece of source) {
      let at = 0;
      while (at < piece.byteLength) {
        const take = Math.min(media.chunkSize - pendingBytes, piece.byteLength - at);
        pending.push(piece.subarray(at, at + take));
        pendingBytes += take;
        at += take;
        if (pendingBytes === media.chunkSize) {
          await flush(concat(pending, pendingBytes));
          pending = [];
          pendingBytes = 0;
        }
      }
    }
    if (pendingBytes > 0) await flush(concat(pending, pendingBytes));
  },

  async *read(media: StoredMedia, start: number, end: number) {
    const first = Math.floor(start / media.chunkSize);
    const last = Math.floor(end / media.chunkSize);
    for (let from = first; from <= last; from += READ_BATCH) {
      const chunks = await db.mediaChunk.findMany({
        where: { mediaId: media.id, index: { gte: from, lte: Math.min(last, from + READ_BATCH - 1) } },
        orderBy: { index: 'asc' },
      });
      for (const chunk of chunks) {
        const offset = chunk.index * media.chunkSize;
        const bytes = new Uint8Array(chunk.bytes);
        yield bytes.subarray(Math.max(0, start - offset), Math.min(bytes.byteLength, end - offset + 1));
      }
    }
  },

  async remove(media) {
    await db.mediaChunk.deleteMany({ where: { mediaId: media.id } });
  },
};

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
