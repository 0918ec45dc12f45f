// The dashboard's counts.
import { getStatistics } from '../../domain/statistics/get-statistics';
import { dateRangeInput } from '../../domain/shared/date-range';
import { orgProcedure, router } from '../init';

export const statisticsRouter = router({
  get: orgProcedure('statistics:read').input(dateRangeInput.in.optional()).query(({ ctx, input }) => getStatistics({ ctx: ctx.app, range: input ?? {} })),
});
