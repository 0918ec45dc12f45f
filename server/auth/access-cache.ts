// Access read from the database and kept in-process for a few seconds — API keys by their digest, signed-in users'
// memberships by their id: both are read on every request of a busy caller, each read a database round trip. What
// they grant still changes everywhere at once: every access change (server/realtime/access-changes.ts — a key revoked,
// a member removed or given another role or other grants, a password changed, an organization deleted, and a resync
// after the listening connection came back) evicts what it may concern, on every instance, as soon as PostgreSQL
// delivers the NOTIFY (milliseconds; the tests hold it to one second).
//
// Guarantees:
// - Nothing is served from the cache while this instance is not listening for access changes (before the first
//   LISTEN, and from the moment the connection drops until it is back and every entry has been dropped).
// - A lookup that was in flight when a change arrived is not cached (a generation counter), so a row read just before
//   a change committed cannot outlive the notice.
// - Misses (null) are not cached (a new key works at once; guesses stay the rate limiter's business).
// - An entry lives at most ttlMs; `get(key, { fresh: true })` reads the database whatever the cache holds.
import { onAccessChange, type AccessNotice } from '../realtime/access-changes';
import { realtimeHub } from '../realtime/hub';

/** Beyond this many entries the oldest go first. */
const MAX_ENTRIES = 10_000;
export const ACCESS_CACHE_MS = 5_000;

type Entry<V> = { value: V; at: number };

export type AccessCacheOptions<V> = {
  load: (key: string) => Promise<V | null>;
  /** Whether a notice may change what this cached value grants (a resync always drops everything). */
  affectedBy: (notice: Exclude<AccessNotice, { kind: 'resync' }>, value: V) => boolean;
  /** Subscribes to access changes; resolves once listening (default: the realtime hub's connection). */
  subscribe?: (handler: (notice: AccessNotice) => void) => Promise<() => void>;
  /** Whether notices are being heard right now (default: the hub's connection is up). */
  listening?: () => boolean;
  ttlMs?: number;
  /** Named in the log when listening fails. */
  name?: string;
};

export class AccessCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private generation = 0;
  private subscribed: Promise<void> | null = null;
  private retryAt = 0;
  private heard = false;
  private stop: (() => void) | null = null;
  private readonly load: AccessCacheOptions<V>['load'];
  private readonly affectedBy: AccessCacheOptions<V>['affectedBy'];
  private readonly subscribe: NonNullable<AccessCacheOptions<V>['subscribe']>;
  private readonly listening: NonNullable<AccessCacheOptions<V>['listening']>;
  private readonly ttlMs: number;
  private readonly name: string;

  constructor(opts: AccessCacheOptions<V>) {
    this.load = opts.load;
    this.affectedBy = opts.affectedBy;
    this.subscribe = opts.subscribe ?? onAccessChange;
    this.listening = opts.listening ?? (() => realtimeHub().listening);
    this.ttlMs = opts.ttlMs ?? ACCESS_CACHE_MS;
    this.name = opts.name ?? 'access cache';
  }

  /** The value for this key: from the cache when it is fresh and notices are being heard (and `fresh` is not asked), else from the database. */
  async get(key: string, opts: { fresh?: boolean } = {}): Promise<V | null> {
    const live = this.heard && this.listening();
    if (!live) this.drop();
    const entry = live && !opts.fresh ? this.entries.get(key) : undefined;
    if (entry && Date.now() - entry.at < this.ttlMs) return entry.value;
    this.listen();
    const generation = this.generation;
    const value = await this.load(key);
    // Stored only if no access change arrived while it was read, and notices are (still) being heard.
    if (value && generation === this.generation && this.heard && this.listening()) {
      this.entries.delete(key);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, at: Date.now() });
    }
    return value;
  }

  /** What a notice may concern goes; a resync (the connection came back) drops everything. */
  evict(notice: AccessNotice): void {
    this.generation++;
    if (notice.kind === 'resync') return this.drop();
    for (const [key, { value }] of this.entries) if (this.affectedBy(notice, value)) this.entries.delete(key);
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
        console.error(`[${this.name}] cannot listen for access changes:`, error instanceof Error ? error.message : error);
        this.subscribed = null;
      },
    );
  }
}
