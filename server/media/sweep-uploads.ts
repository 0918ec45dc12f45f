// media.sweep (hourly) and media.purge: uploads never attached to anything within an hour are removed, and bytes of
// deleted media held outside PostgreSQL are deleted after the transaction that dropped them committed.
import { db } from '../db';
import { backendFor } from './backends';

const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export async function sweepAbandonedUploads(now = new Date()): Promise<number> {
  const stale = await db.media.findMany({
    where: { status: 'pending', createdAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
    select: { id: true, storage: true },
    take: 500,
  });
  for (const m of stale) {
    await backendFor(m.storage).remove(m).catch((e: unknown) => console.error(`[media] could not remove ${m.id}:`, e instanceof Error ? e.message : e));
    await db.media.deleteMany({ where: { id: m.id, status: 'pending' } });
  }
  return stale.length;
}

export async function purgeMediaBytes(mediaId: string, storage: string): Promise<void> {
  await backendFor(storage).remove({ id: mediaId });
}
