// What runs each job. The type demands a handler for every queue, so a queue without one does not compile.
import type { z } from 'zod';
import { dispatchCampaign, sweepCampaigns } from '../domain/campaigns/run-campaign';
import { fireCampaignSchedule } from '../domain/campaigns/schedule-campaign';
import { missCallWhenDue } from '../domain/calls/call-lifecycle';
import { runContactImport } from '../domain/contacts/import/contact-import';
import { checkDealerPings } from '../domain/dealers/ping-watch';
import { deliverEmail } from '../mail/deliver-email';
import { purgeMediaBytes, sweepAbandonedUploads } from '../media/sweep-uploads';
import { sweepRealtimeEvents } from '../realtime/sweep-events';
import { transcribeSession } from '../domain/sessions/transcribe-session';
import { deliverSpool } from '../domain/transmissions/deliver-spool';
import { fireSchedule } from '../domain/transmissions/send-transmission';
import type { JobContext } from './job-context';
import type { QUEUES, JobName } from './queues';

export type JobHandler<N extends JobName> = (payload: z.output<(typeof QUEUES)[N]['payload']>, job: JobContext) => Promise<void>;

export const HANDLERS: { [N in JobName]: JobHandler<N> } = {
  'mail.send': (payload, job) => deliverEmail(payload.emailId, job),
  'sessions.transcribe': (payload, job) => transcribeSession(payload.sessionId, job),
  'realtime.sweep': async () => void (await sweepRealtimeEvents()),
  'media.purge': (payload) => purgeMediaBytes(payload.mediaId, payload.storage),
  'media.sweep': async () => void (await sweepAbandonedUploads()),
  'call.miss': async (payload) => void (await missCallWhenDue(payload.callId)),
  'dealer.check-pings': (payload) => checkDealerPings(payload),
  'contacts.import': (payload, job) => runContactImport(payload.importId, job),
  'transmissions.deliver': (payload, job) => deliverSpool(payload.spoolId, job),
  'transmissions.fire': (payload) => fireSchedule(payload.scheduleId),
  'campaigns.dispatch': (payload, job) => dispatchCampaign(payload.campaignId, job),
  'campaigns.fire': (payload) => fireCampaignSchedule(payload.scheduleId),
  'campaigns.sweep': async () => void (await sweepCampaigns()),
};
