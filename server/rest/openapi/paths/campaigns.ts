// OpenAPI paths of API.md §6, part 3: campaigns, their start and stop, and their schedules.
import { z } from 'zod';
import { CAMPAIGN_ORDERING, CAMPAIGN_STATUSES, campaignDto, campaignInput, campaignPatch, campaignScheduleInput } from '../../../domain/campaigns/campaign.schema';
import { idPath, listOf, operation, pageQuery } from '../operation';

const ordering = (fields: readonly string[]) => z.enum(fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]]).optional();
const tags = ['Campaigns'];
const one = { 200: { description: 'Campaign', schema: campaignDto } };

export const campaignPaths = {
  '/campaigns': {
    get: operation({
      summary: 'List campaigns with their status and progress counts',
      tags,
      access: 'campaigns:read',
      query: pageQuery.extend({
        ordering: ordering(CAMPAIGN_ORDERING),
        status: z.string().optional().meta({ description: `Comma list of ${CAMPAIGN_STATUSES.join(', ')}` }),
        search: z.string().optional().meta({ description: 'Part of the name' }),
      }),
      responses: { 200: { description: 'Campaigns', schema: listOf(campaignDto, 'CampaignList') } },
    }),
    post: operation({ summary: 'Create a draft campaign of a program to a group (another organization’s program, group or account is 404)', tags, access: 'campaigns:manage', body: campaignInput, responses: { 201: { description: 'Created', schema: campaignDto } } }),
  },
  '/campaigns/{id}': {
    get: operation({ summary: 'Read a campaign: status, counts per state (they reconcile with the spools), schedules', tags, access: 'campaigns:read', path: idPath, responses: one }),
    put: operation({ summary: 'Replace it (program, group and account only before it starts: 409)', tags, access: 'campaigns:manage', path: idPath, body: campaignInput, errors: ['conflict'], responses: one }),
    patch: operation({ summary: 'Change some fields (a running campaign takes a new cpm at its next send)', tags, access: 'campaigns:manage', path: idPath, body: campaignPatch, errors: ['conflict'], responses: one }),
    delete: operation({ summary: 'Delete a campaign that never started (a started one: 409)', tags, access: 'campaigns:manage', path: idPath, errors: ['conflict'], responses: { 204: { description: 'Deleted' } } }),
  },
  '/campaigns/{id}/start': {
    put: operation({ summary: 'Start or resume it (409 when running, completed, cancelled, or its group is empty)', tags, access: 'campaigns:manage', path: idPath, errors: ['conflict'], responses: one }),
  },
  '/campaigns/{id}/stop': {
    put: operation({ summary: 'Stop it: resumable, loses nothing, sends nothing new once answered (409 unless running)', tags, access: 'campaigns:manage', path: idPath, errors: ['conflict'], responses: one }),
  },
  '/campaigns/{id}/start/schedule': {
    post: operation({ summary: 'Start it at `at` or on `cron` (UTC; a bad expression is 422), replacing an earlier start schedule', tags, access: 'campaigns:manage', path: idPath, body: campaignScheduleInput, errors: ['conflict'], responses: one }),
  },
  '/campaigns/{id}/stop/schedule': {
    post: operation({ summary: 'Stop it at `at` or on `cron` (UTC; a bad expression is 422), replacing an earlier stop schedule', tags, access: 'campaigns:manage', path: idPath, body: campaignScheduleInput, errors: ['conflict'], responses: one }),
  },
  '/campaigns/{id}/schedule': {
    delete: operation({ summary: 'Cancel its pending start and stop schedules (404 when none)', tags, access: 'campaigns:manage', path: idPath, responses: { 204: { description: 'Cancelled' } } }),
  },
};
