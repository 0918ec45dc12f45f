// The cache against fetches in flight: the one way a component writes query data (what a mutation answered, or an
// optimistic guess of it), and the re-read of everything when the live stream starts listening or missed events.
import type { DataTag, InferDataFromTag, Query, QueryClient, QueryKey, Updater } from '@tanstack/react-query';

/**
 * Writes `updater` into the query at `queryKey`, after cancelling that query's fetch in flight. Such a fetch — a
 * refetch a live event started, the re-read of everything when the event stream starts listening, a window refocus —
 * may have been answered before the change this write is about committed; landing after the write, it would put the
 * old state back (a removed photo showed again). Cancelled, its query returns to where it was, and the write stands;
 * any fetch started after it reads the committed change. This is TanStack Query's optimistic-update order: await
 * cancelQueries, then setQueryData. Direct setQueryData calls are refused by the linter everywhere else.
 */
export async function writeQueryData<TKey extends DataTag<QueryKey, unknown, unknown>>(
  queryClient: QueryClient,
  queryKey: TKey,
  updater: Updater<InferDataFromTag<unknown, TKey> | undefined, InferDataFromTag<unknown, TKey> | undefined>,
): Promise<void> {
  await queryClient.cancelQueries({ queryKey, exact: true });
  queryClient.setQueryData(queryKey, updater);
}

/**
 * Marks every query stale and reads again those on screen (the rest when next shown). A first read still on its way
 * is read once more after it lands: invalidating alone would keep its answer (TanStack Query restarts in-flight
 * fetches only of queries that hold data), and that answer may predate what the re-read is for. Its answer is shown
 * meanwhile, as it would have been. A component's write of a mutation's answer is safe against the refetches started
 * here: writeQueryData cancels them first.
 */
export async function rereadEverything(queryClient: QueryClient): Promise<void> {
  const early = new Set(queryClient.getQueryCache().findAll({ predicate: (q) => q.state.data === undefined && q.state.fetchStatus === 'fetching' }));
  const everything = queryClient.invalidateQueries();
  if (early.size > 0) {
    const isEarly = { predicate: (q: Query) => early.has(q) };
    await queryClient.refetchQueries(isEarly, { cancelRefetch: false }); // joins them: resolves when they have landed
    await queryClient.invalidateQueries(isEarly);
  }
  await everything;
}
