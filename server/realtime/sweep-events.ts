// realtime.sweep (hourly): events are kept 7 days for replay, then deleted in batches.
import { db } from '../db';

export const EVENT_RETENTION_DAYS = 7;

export async function sweepRealtimeEvents(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - EVENT_RETENTION_DAYS * 86_400_000);
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`DELETE FROM "RealtimeEvent" WHERE id IN (SELECT id FROM "RealtimeEvent" WHERE "createdAt" < ${before} LIMIT 5000)`;
    total += deleted;
    if (deleted < 5000) return total;
  }
}
