// Campaigns for the browser: the same domain functions as REST /campaigns.
import { z } from 'zod';
import { campaignSendRate, listCampaignDeliveries } from '../../domain/campaigns/campaign-report';
import { CAMPAIGN_ORDERING } from '../../domain/campaigns/campaign.schema';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign } from '../../domain/campaigns/manage-campaigns';
import { cancelCampaign, startCampaign, stopCampaign } from '../../domain/campaigns/run-campaign';
import { cancelCampaignSchedules, scheduleCampaign } from '../../domain/campaigns/schedule-campaign';
import { orderingInput, pageInput } from '../../domain/shared/list';
import { orgProcedure, router } from '../init';

const id = z.object({ id: z.string() }).strict();

export const campaignsRouter = router({
  list: orgProcedure('campaigns:read')
    .input(z.object({ ...pageInput, ordering: orderingInput(CAMPAIGN_ORDERING, { field: 'createdAt', direction: 'desc' }), status: z.string().max(200).optional(), search: z.string().max(200).optional() }).strict())
    .query(({ ctx, input }) => listCampaigns({ ctx: ctx.app, page: input, ordering: input.ordering, filters: { status: input.status, search: input.search } })),
  get: orgProcedure('campaigns:read').input(id).query(({ ctx, input }) => getCampaign({ ctx: ctx.app, id: input.id })),
  create: orgProcedure('campaigns:manage').input(z.unknown()).mutation(({ ctx, input }) => createCampaign({ ctx: ctx.app, input })),
  update: orgProcedure('campaigns:manage').input(z.object({ id: z.string(), campaign: z.unknown() }).strict()).mutation(({ ctx, input }) => updateCampaign({ ctx: ctx.app, id: input.id, input: input.campaign, partial: true })),
  delete: orgProcedure('campaigns:manage').input(id).mutation(({ ctx, input }) => deleteCampaign({ ctx: ctx.app, id: input.id })),
  start: orgProcedure('campaigns:manage').input(id).mutation(({ ctx, input }) => startCampaign({ ctx: ctx.app, id: input.id })),
  stop: orgProcedure('campaigns:manage').input(id).mutation(({ ctx, input }) => stopCampaign({ ctx: ctx.app, id: input.id })),
  cancel: orgProcedure('campaigns:manage').input(id).mutation(({ ctx, input }) => cancelCampaign({ ctx: ctx.app, id: input.id })),
  schedule: orgProcedure('campaigns:manage')
    .input(z.object({ id: z.string(), action: z.enum(['start', 'stop']), at: z.string().max(40).optional(), cron: z.string().max(120).optional() }).strict())
    .mutation(({ ctx, input }) => scheduleCampaign({ ctx: ctx.app, id: input.id, action: input.action, input: { ...(input.at !== undefined && { at: input.at }), ...(input.cron !== undefined && { cron: input.cron }) } })),
  cancelSchedule: orgProcedure('campaigns:manage').input(id).mutation(({ ctx, input }) => cancelCampaignSchedules({ ctx: ctx.app, id: input.id })),
  // The campaign page's chart and delivery report (server/domain/campaigns/campaign-report.ts).
  sendRate: orgProcedure('campaigns:read').input(id).query(({ ctx, input }) => campaignSendRate({ ctx: ctx.app, id: input.id })),
  deliveries: orgProcedure('campaigns:read')
    .input(z.object({ id: z.string(), ...pageInput, status: z.string().max(200).optional(), search: z.string().max(200).optional() }).strict())
    .query(({ ctx, input }) => listCampaignDeliveries({ ctx: ctx.app, id: input.id, page: input, filters: { status: input.status, search: input.search } })),
});
