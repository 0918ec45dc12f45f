// The organization's security log.
import { listAuditEventsInput } from '../../domain/audit/audit-event.schema';
import { listAuditEvents } from '../../domain/audit/list-audit-events';
import { orgProcedure, router } from '../init';

export const auditRouter = router({
  list: orgProcedure('audit:read')
    .input(listAuditEventsInput)
    .query(({ ctx, input }) => listAuditEvents({ ctx: ctx.app, page: { limit: input.limit, offset: input.offset }, types: input.types })),
});
