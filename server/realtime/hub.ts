// This instance's end of the realtime fan-out: ONE listening PostgreSQL connection for every client of the process.
// A NOTIFY names an organization; the hub reads that organization's new events once and hands each listener what it
// may see. Reads go by id, so a listener never misses or repeats an event, even across a reconnect of the hub.
import pg from 'pg';
import { env } from '../env';
import { canSee, type RealtimeEvent, type Viewer } from './event';
import { EVENT_BATCH, eventsAfter } from './event-log';
import { REALTIME_CHANNEL } from './publish-event';

export type Listener = {
  viewer: Viewer;
  /** The last event id this listener has passed (seen or not visible to it). */
  cursor: bigint;
  deliver(events: RealtimeEvent[]): void;
};

class Hub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly dirty = new Set<string>();
  private flushing = false;
  private retryTimer: NodeJS.Timeout | null = null;

  async add(listener: Listener): Promise<void> {
    await this.ensureListening();
    const org = listener.viewer.organizationId;
    let set = this.listeners.get(org);
    if (!set) this.listeners.set(org, (set = new Set()));
    set.add(listener);
    // Anything committed since the listener's cursor (a replay, or what landed while it was being set up).
    this.markDirty(org);
  }

  remove(listener: Listener): void {
    const set = this.listeners.get(listener.viewer.organizationId);
    set?.delete(listener);
    if (set?.size === 0) this.listeners.delete(listener.viewer.organizationId);
  }

  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: `pitchcraft-realtime-${process.pid}`, keepAlive: true });
    client.on('notification', (msg) => {
      if (msg.channel === REALTIME_CHANNEL && msg.payload) this.markDirty(msg.payload);
    });
    client.on('error', () => this.reconnectSoon(client));
    client.on('end', () => this.reconnectSoon(client));
    await client.connect();
    await client.query(`LISTEN ${REALTIME_CHANNEL}`);
    this.client = client;
    // Notifications sent while we were not listening are lost: catch every organization up from the log.
    for (const org of this.listeners.keys()) this.markDirty(org);
  }

  private reconnectSoon(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    if (this.retryTimer || this.listeners.size === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureListening().catch((e: unknown) => {
        console.error('[realtime] reconnect failed:', e instanceof Error ? e.message : e);
        this.reconnectSoon(client);
      });
    }, 1000);
    this.retryTimer.unref();
  }

  private markDirty(org: string) {
    if (!this.listeners.has(org)) return;
    this.dirty.add(org);
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => void this.flush());
    }
  }

  private async flush() {
    try {
      while (this.dirty.size > 0) {
        const [org] = this.dirty;
        this.dirty.delete(org!);
        await this.catchUp(org!);
      }
    } catch (error) {
      console.error('[realtime] delivery failed:', error instanceof Error ? error.message : error);
      setTimeout(() => this.flush(), 1000).unref();
      return;
    } finally {
      this.flushing = false;
    }
  }

  /** Reads once from the lowest cursor of the organization's listeners and gives each its visible share. */
  private async catchUp(org: string) {
    for (;;) {
      const set = this.listeners.get(org);
      if (!set || set.size === 0) return;
      let from = -1n;
      for (const l of set) if (from < 0n || l.cursor < from) from = l.cursor;
      const events = await eventsAfter(org, from);
      if (events.length === 0) return;
      const last = BigInt(events.at(-1)!.id);
      for (const l of this.listeners.get(org) ?? []) {
        const fresh = events.filter((e) => BigInt(e.id) > l.cursor && canSee(l.viewer, e));
        if (last > l.cursor) l.cursor = last;
        if (fresh.length > 0) l.deliver(fresh);
      }
      if (events.length < EVENT_BATCH) return;
    }
  }

  async close() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.listeners.clear();
    await client?.end().catch(() => {});
  }
}

const KEY = Symbol.for('pitchcraft.realtime.hub');
/** The process's hub (on globalThis: every bundle of the app shares one listening connection). */
export const realtimeHub = (): Hub => ((globalThis as Record<symbol, Hub>)[KEY] ??= new Hub());
