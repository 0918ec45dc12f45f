// This instance's end of the realtime fan-out: ONE listening PostgreSQL connection for every client of the process.
// A NOTIFY names an organization; the hub reads that organization's new events once and hands each listener what it
// may see. Reads go by id, so a listener never misses or repeats an event, even across a reconnect of the hub.
// Other notifications of the platform (access changes: access-changes.ts) ride the same connection on their own
// channels, through `listen`.
import pg from 'pg';
import { env } from '../env';
import { canSee, type RealtimeEvent, type Viewer } from './event';
import { EVENT_BATCH, eventsAfter } from './event-log';
import { REALTIME_CHANNEL } from './publish-event';

/** A handler of one channel's notifications; `null` after a reconnect: notifications may have been missed meanwhile. */
export type ChannelHandler = (payload: string | null) => void;

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
  private readonly channels = new Map<string, Set<ChannelHandler>>();
  private connectedBefore = false;

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

  /**
   * Calls `handler` with the payload of every NOTIFY on `channel`, on this process's one listening connection; with
   * null after the connection was re-established (what was sent while it was down is lost). Resolves once listening;
   * the function it returns stops the handler.
   */
  async listen(channel: string, handler: ChannelHandler): Promise<() => void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Bad channel name: ${channel}`);
    let set = this.channels.get(channel);
    const fresh = !set;
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(handler);
    await this.ensureListening();
    if (fresh && this.client) await this.client.query(`LISTEN ${channel}`);
    return () => {
      set.delete(handler);
    };
  }

  /** Whether notifications are being heard right now (false before the first connection and while reconnecting). */
  get listening(): boolean {
    return this.client !== null;
  }

  /**
   * Hands `payload` to this process's handlers of `channel` at once, as if it had arrived by NOTIFY: for a change this
   * process just committed, so it acts on it before answering (other instances hear the NOTIFY within moments).
   */
  deliverHere(channel: string, payload: string): void {
    for (const handler of this.channels.get(channel) ?? []) handler(payload);
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
      else for (const handler of this.channels.get(msg.channel) ?? []) handler(msg.payload ?? null);
    });
    client.on('error', () => this.reconnectSoon(client));
    client.on('end', () => this.reconnectSoon(client));
    await client.connect();
    await client.query(`LISTEN ${REALTIME_CHANNEL}`);
    for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    this.client = client;
    // Notifications sent while we were not listening are lost: catch every organization up from the log, and tell
    // every other channel's handlers so (they re-check what they hold).
    for (const org of this.listeners.keys()) this.markDirty(org);
    if (this.connectedBefore) for (const handlers of this.channels.values()) for (const handler of handlers) handler(null);
    this.connectedBefore = true;
  }

  private reconnectSoon(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    if (this.retryTimer || (this.listeners.size === 0 && ![...this.channels.values()].some((h) => h.size > 0))) return;
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
    this.channels.clear();
    this.connectedBefore = false;
    await client?.end().catch(() => {});
  }
}

const KEY = Symbol.for('pitchcraft.realtime.hub');
/** The process's hub (on globalThis: every bundle of the app shares one listening connection). */
export const realtimeHub = (): Hub => ((globalThis as Record<symbol, Hub>)[KEY] ??= new Hub());
