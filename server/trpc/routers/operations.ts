// What the platform did for the organization: its email log and its background jobs.
import { getJobOverview, retryFailedJob, retryJobInput } from '../../domain/jobs/job-overview';
import { listEmailLogInput } from '../../domain/mail/email-log.schema';
import { listEmailLog } from '../../domain/mail/list-email-log';
import { orgProcedure, router } from '../init';

export const operationsRouter = router({
  emailLog: orgProcedure('emails:read').input(listEmailLogInput).query(({ ctx, input }) => listEmailLog({ ctx: ctx.app, input })),
  jobs: orgProcedure('jobs:read').query(({ ctx }) => getJobOverview({ ctx: ctx.app })),
  retryJob: orgProcedure('jobs:read').input(retryJobInput).mutation(({ ctx, input }) => retryFailedJob({ ctx: ctx.app, input })),
});
