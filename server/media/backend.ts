// Where media bytes live: one interface, PostgreSQL chunks by default, an S3-compatible store when MEDIA_S3_URL is set.
export type StoredMedia = { id: string; storage: string; chunkSize: number; size: number };

export interface MediaBackend {
  readonly name: 'pg' | 's3';
  /** Stores the bytes of a media row as they arrive; rejects (storing nothing usable) if the source throws. */
  write(media: { id: string; chunkSize: number }, source: AsyncIterable<Uint8Array>): Promise<void>;
  /** Streams bytes start..end (inclusive). */
  read(media: StoredMedia, start: number, end: number): AsyncIterable<Uint8Array>;
  /** Removes the bytes (idempotent). */
  remove(media: { id: string }): Promise<void>;
}
