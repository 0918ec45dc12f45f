// Shapes of campaigns (a program sent to every contact of a group, paced to cpm messages per minute) and their schedules.
import { z } from 'zod';
import '../shared/zod-messages';
import { singleLineText } from '../shared/single-line-text';

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'stopped', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** Once started, a campaign's transmissions exist: it can no longer be deleted or pointed at another group/program. */
export const STARTED_STATUSES: readonly CampaignStatus[] = ['running', 'stopped', 'completed', 'cancelled'];

/** Far above any gateway's rate; a campaign at this cpm is effectively uncapped (the providers' limits still apply). */
export const MAX_CPM = 600_000;
export const MAX_TRIES = 10;

const fields = {
  name: singleLineText({ max: 200 }).optional().meta({ description: 'Defaults to the program’s name and the date' }),
  programId: z.uuid('must be the id of a program'),
  groupId: z.uuid('must be the id of a contact group'),
  cpm: z.number().int('must be a whole number').min(1, 'must be at least 1 message per minute').max(MAX_CPM, `must be at most ${MAX_CPM}`).meta({ description: 'Messages per minute, over every worker' }),
  tryAllowed: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_TRIES, `must be at most ${MAX_TRIES}`).default(1).meta({ description: 'Attempts per contact, the first included; failures retry with backoff' }),
  accountId: z.uuid('must be the id of a sender account').nullable().optional().meta({ description: 'Sent from this account; defaults to the program’s or the organization’s first of the right type' }),
  continuous: z.boolean().default(false).meta({ description: 'Keep delivering to contacts added to the group while it runs (never completes on its own)' }),
};

export const campaignInput = z.object(fields).strict().meta({ id: 'CampaignInput' });
/** PATCH: any subset; PUT takes campaignInput whole. */
export const campaignPatch = z
  .object({ ...fields, tryAllowed: fields.tryAllowed.removeDefault(), continuous: fields.continuous.removeDefault() })
  .partial()
  .strict()
  .meta({ id: 'CampaignPatch' });

export const campaignScheduleInput = z
  .object({
    at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp, e.g. 2026-05-01T09:30:00Z' }).optional(),
    cron: z.string().trim().min(1, 'must be a cron expression, e.g. 0 9 * * 1-5').max(120).optional().meta({ description: 'Five or six fields, evaluated in UTC' }),
  })
  .strict()
  .refine((v) => (v.at === undefined) !== (v.cron === undefined), { message: 'give either at or cron, not both', path: ['at'] })
  .meta({ id: 'CampaignScheduleInput' });

export const campaignCounts = z
  .object({
    total: z.number().int().meta({ description: 'Transmissions of the campaign (contacts reached or to reach)' }),
    pending: z.number().int().meta({ description: 'Not yet attempted, or failed with tries left' }),
    processing: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int().meta({ description: 'Failed with no try left' }),
    invalid: z.number().int().meta({ description: 'Cannot be sent (e.g. the contact has no email address)' }),
    retrying: z.number().int().meta({ description: 'Failed, with tries left (included in pending)' }),
  })
  .meta({ id: 'CampaignCounts' });

export const campaignScheduleDto = z
  .object({ id: z.uuid(), action: z.enum(['start', 'stop']), at: z.iso.datetime().nullable(), cron: z.string().nullable(), nextAt: z.iso.datetime() })
  .meta({ id: 'CampaignSchedule' });

export const campaignDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    programId: z.uuid(),
    groupId: z.uuid(),
    accountId: z.uuid().nullable(),
    program: z.object({ id: z.uuid(), name: z.string(), type: z.string() }),
    group: z.object({ id: z.uuid(), name: z.string(), size: z.number().int() }),
    account: z.object({ id: z.uuid(), name: z.string(), address: z.string() }).nullable(),
    cpm: z.number().int(),
    tryAllowed: z.number().int(),
    continuous: z.boolean(),
    status: z.enum(CAMPAIGN_STATUSES),
    counts: campaignCounts,
    progress: z.number().meta({ description: 'Settled transmissions over total, 0 to 1' }),
    schedules: z.array(campaignScheduleDto),
    startedAt: z.iso.datetime().nullable(),
    stoppedAt: z.iso.datetime().nullable(),
    completedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Campaign' });

export const CAMPAIGN_ORDERING = ['createdAt', 'updatedAt', 'name', 'status'] as const;
export type CampaignOrderingField = (typeof CAMPAIGN_ORDERING)[number];
export type CampaignDto = z.infer<typeof campaignDto>;
export type CampaignCounts = z.infer<typeof campaignCounts>;
