// API keys looked up by their digest, kept in-process for a few seconds: third parties call with the same key over
// and over, and the lookup was one database round trip of every request. Revocation still ends a key everywhere at
// once: every access change (server/realtime/access-changes.ts — a key revoked, a member removed or given another
// role, an organization deleted, and a resync after the listening connection came back) evicts what it may concern,
// on every instance, as soon as PostgreSQL delivers the NOTIFY (milliseconds; the tests hold it to one second).
//
// Guarantees:
// - Nothing is served from the cache while this instance is not listening for access changes (before the first
//   LISTEN, and from the moment the connection drops until it is back and every entry has been dropped).
// - A lookup that was in flight when a change arrived is not cached (a generation counter), so a row read just before
//   a revocation committed cannot outlive the notice.
// - Unknown keys are not cached (a new key works at once; guesses stay the rate limiter's business).
// - Expiry (`expiresAt`) is checked on every use by the caller; an entry lives at most API_KEY_CACHE_MS.
import type { ApiKey } from '../generated/prisma/client';
import { onAccessChange, type AccessNotice } from '../realtime/access-changes';
import { realtimeHub } from '../realtime/hub';

export const API_KEY_CACHE_MS = 5_000;
/** Beyond this many keys the oldest entries go first (a process rarely serves more than a few hundred keys). */
const MAX_ENTRIES = 10_000;

type Entry<K extends ApiKey> = { key: K; at: number };

export type ApiKeyCacheOptions<K extends ApiKey = ApiKey> = {
  load: (hash: string) => Promise<K | null>;
  /** Subscribes to access changes; resolves once listening (default: the realtime hub's connection). */
  subscribe?: (handler: (notice: AccessNotice) => void) => Promise<() => void>;
  /** Whether notices are being heard right now (default: the hub's connection is up). */
  listening?: () => boolean;
  ttlMs?: number;
};

export class ApiKeyCache<K extends ApiKey = ApiKey> {
  private readonly entries = new Map<string, Entry<K>>();
  private generation = 0;
  private subscribed: Promise<void> | null = null;
  private retryAt = 0;
  private heard = false;
  private stop: (() => void) | null = null;
  private readonly load: ApiKeyCacheOptions<K>['load'];
  private readonly subscribe: NonNullable<ApiKeyCacheOptions<K>['subscribe']>;
  private readonly listening: NonNullable<ApiKeyCacheOptions<K>['listening']>;
  private readonly ttlMs: number;

  constructor(opts: ApiKeyCacheOptions<K>) {
    this.load = opts.load;
    this.subscribe = opts.subscribe ?? onAccessChange;
    this.listening = opts.listening ?? (() => realtimeHub().listening);
    this.ttlMs = opts.ttlMs ?? API_KEY_CACHE_MS;
  }

  /** The key with this digest: from the cache when it is fresh and notices are being heard, else from the database. */
  async get(hash: string): Promise<K | null> {
    const live = this.heard && this.listening();
    if (!live) this.drop();
    const entry = live ? this.entries.get(hash) : undefined;
    if (entry && Date.now() - entry.at < this.ttlMs) return entry.key;
    this.listen();
    const generation = this.generation;
    const key = await this.load(hash);
    // Stored only if no access change arrived while it was read, and notices are (still) being heard.
    if (key && generation === this.generation && this.heard && this.listening()) {
      this.entries.delete(hash);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(hash, { key, at: Date.now() });
    }
    return key;
  }

  /** What a notice may concern goes; a resync (the connection came back) drops everything. */
  evict(notice: AccessNotice): void {
    this.generation++;
    if (notice.kind === 'resync') return this.drop();
    for (const [hash, { key }] of this.entries) {
      const gone =
        (notice.kind === 'apiKey' && key.id === notice.apiKeyId) ||
        (notice.kind === 'organization' && key.organizationId === notice.organizationId) ||
        (notice.kind === 'member' && key.organizationId === notice.organizationId && key.createdById === notice.userId) ||
        (notice.kind === 'credentials' && key.createdById === notice.userId);
      if (gone) this.entries.delete(hash);
    }
  }

  /** Starts listening for access changes (else the first lookup does) and resolves once listening. */
  async ready(): Promise<void> {
    this.listen();
    await this.subscribed;
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    await this.subscribed?.catch(() => undefined);
    this.stop?.();
    this.drop();
  }

  private drop() {
    this.generation++;
    this.entries.clear();
  }

  private listen() {
    if (this.subscribed || Date.now() < this.retryAt) return;
    this.subscribed = this.subscribe((notice) => this.evict(notice)).then(
      (stop) => {
        this.stop = stop;
        this.heard = true;
      },
      (error: unknown) => {
        // Not listening: keep reading the database, and try again on a lookup a few seconds later.
        this.retryAt = Date.now() + 5_000;
        console.error('[api-keys] cannot listen for access changes:', error instanceof Error ? error.message : error);
        this.subscribed = null;
      },
    );
  }
}
