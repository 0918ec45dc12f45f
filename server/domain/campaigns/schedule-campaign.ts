// Campaign schedules: start or stop at a time (`at`) or on a cron expression (UTC, parsed by cron-parser — the parser
// pg-boss uses for the queue's own schedules). The campaigns.fire job runs at nextAt; it acts only if the schedule
// still stands and its time has come by the database's clock, and a cron schedule queues its next firing in the same
// transaction, so a crash can neither lose nor double one.
import { CronExpressionParser } from 'cron-parser';
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { AppError, conflict, notFound, validationFailed } from '../../errors';
import { enqueue } from '../../jobs/enqueue';
import { campaignScheduleInput, type CampaignDto } from './campaign.schema';
import { campaignDto, findCampaign } from './manage-campaigns';
import { announceCampaign, haltCampaign, runCampaign } from './run-campaign';

const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

/** The next time a cron expression fires after `from`, or a 422 naming what is wrong with it. */
export function nextCronTime(expression: string, from: Date): Date {
  let next: Date;
  try {
    next = CronExpressionParser.parse(expression, { tz: 'UTC', currentDate: from, strict: false }).next().toDate();
  } catch (error) {
    throw validationFailed('cron', `is not a valid cron expression (${error instanceof Error ? error.message : 'unreadable'}); e.g. 0 9 * * 1-5 for 09:00 UTC on weekdays`);
  }
  if (next.getTime() - from.getTime() > MAX_AHEAD_MS) throw validationFailed('cron', 'must fire within a year');
  return next;
}

/** POST …/start/schedule and …/stop/schedule: replaces the campaign's pending schedule of that action. */
export async function scheduleCampaign(opts: { ctx: Ctx; id: string; action: 'start' | 'stop'; input: unknown }): Promise<CampaignDto> {
  const ctx = requirePermission(opts.ctx, 'campaigns:manage');
  const input = campaignScheduleInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const c = await findCampaign(ctx, opts.id, tx, { lock: true });
    if (c.status === 'completed' || c.status === 'cancelled') throw conflict(`This campaign is ${c.status}: there is nothing to schedule`);
    const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    let nextAt: Date;
    if (input.at !== undefined) {
      nextAt = new Date(input.at);
      if (nextAt.getTime() <= now!.getTime()) throw validationFailed('at', `must be in the future (to ${opts.action} now, use PUT …/${opts.action})`);
      if (nextAt.getTime() - now!.getTime() > MAX_AHEAD_MS) throw validationFailed('at', 'must be within a year');
    } else {
      nextAt = nextCronTime(input.cron!, now!);
    }
    await tx.campaignSchedule.updateMany({ where: { campaignId: c.id, action: opts.action, status: 'scheduled' }, data: { status: 'cancelled' } });
    const s = await tx.campaignSchedule.create({ data: { organizationId: c.organizationId, campaignId: c.id, action: opts.action, at: input.at ? nextAt : null, cron: input.cron ?? null, nextAt } });
    await enqueue(tx, 'campaigns.fire', { scheduleId: s.id, organizationId: c.organizationId }, { startAfter: nextAt });
    if (opts.action === 'start' && c.status === 'draft') await tx.campaign.update({ where: { id: c.id }, data: { status: 'scheduled' } });
    await announceCampaign(tx, c);
    return campaignDto(c.id, tx);
  });
}

/** DELETE …/schedule: every pending schedule of the campaign is cancelled (their jobs find them so and do nothing). */
export async function cancelCampaignSchedules(opts: { ctx: Ctx; id: string }): Promise<CampaignDto> {
  const ctx = requirePermission(opts.ctx, 'campaigns:manage');
  return db.$transaction(async (tx) => {
    const c = await findCampaign(ctx, opts.id, tx, { lock: true });
    const { count } = await tx.campaignSchedule.updateMany({ where: { campaignId: c.id, status: 'scheduled' }, data: { status: 'cancelled' } });
    if (count === 0) throw notFound('Schedule');
    if (c.status === 'scheduled') await tx.campaign.update({ where: { id: c.id }, data: { status: c.startedAt ? 'stopped' : 'draft' } });
    await announceCampaign(tx, c);
    return campaignDto(c.id, tx);
  });
}

/**
 * The campaigns.fire job. A start on a running campaign, or a stop on one that is not running, does nothing (the
 * schedule still counts as fired); a cron schedule then waits for its next time.
 */
export async function fireCampaignSchedule(scheduleId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; campaignId: string; organizationId: string; status: string; action: 'start' | 'stop'; cron: string | null; nextAt: Date; due: boolean; now: Date }[]>`
      SELECT id, "campaignId", "organizationId", status::text AS status, action::text AS action, cron, "nextAt", "nextAt" <= now() AS due, now() AS now
      FROM "CampaignSchedule" WHERE id = ${scheduleId}::uuid FOR UPDATE`;
    const s = rows[0];
    if (!s || s.status !== 'scheduled') return;
    if (!s.due) {
      // Woken early (clocks differ): wait again.
      await enqueue(tx, 'campaigns.fire', { scheduleId: s.id, organizationId: s.organizationId }, { startAfter: s.nextAt });
      return;
    }
    const c = await findCampaign({ organizationId: s.organizationId } as Parameters<typeof findCampaign>[0], s.campaignId, tx, { lock: true });
    const applies = s.action === 'start' ? c.status === 'draft' || c.status === 'scheduled' || c.status === 'stopped' : c.status === 'running';
    if (applies) {
      try {
        if (s.action === 'start') await runCampaign(tx, c, null);
        else await haltCampaign(tx, c);
      } catch (error) {
        // An empty group refuses to start: the schedule is spent, the campaign stays as it was.
        if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      }
    }
    if (s.cron && c.status !== 'completed' && c.status !== 'cancelled') {
      const nextAt = nextCronTime(s.cron, s.now);
      await tx.campaignSchedule.update({ where: { id: s.id }, data: { nextAt, lastFiredAt: s.now } });
      await enqueue(tx, 'campaigns.fire', { scheduleId: s.id, organizationId: s.organizationId }, { startAfter: nextAt });
    } else {
      await tx.campaignSchedule.update({ where: { id: s.id }, data: { status: 'fired', lastFiredAt: s.now } });
    }
  });
}
