// The cache against fetches in flight, on a real TanStack QueryClient: a write after a mutation is not overwritten by
// a fetch answered before it, and the re-read of everything does not keep a first read that was answered too early.
import { QueryClient, QueryObserver, queryOptions } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { rereadEverything, writeQueryData } from './query-data';

/** A query function whose answers the test hands out one by one, in the order the fetches were started. */
function server<T>() {
  const pending: ((value: T) => void)[] = [];
  return {
    fetch: () => new Promise<T>((resolve) => pending.push(resolve)),
    get waiting() {
      return pending.length;
    },
    answer(index: number, value: T) {
      pending[index]!(value);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const clients: QueryClient[] = [];
const newClient = () => {
  const c = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  clients.push(c);
  return c;
};
afterEach(() => {
  for (const c of clients.splice(0)) c.clear();
});

type Me = { name: string; image: string | null };

/** The profile photo's case: `me` on screen with a photo, a refetch of it on its way (read before the removal). */
async function photoOnScreen() {
  const queryClient = newClient();
  const api = server<Me>();
  const me = queryOptions({ queryKey: ['account', 'me'], queryFn: api.fetch });
  const observer = new QueryObserver(queryClient, me);
  const stop = observer.subscribe(() => {});
  api.answer(0, { name: 'Ada', image: '/media/1' });
  await tick();
  expect(queryClient.getQueryData(me.queryKey)).toEqual({ name: 'Ada', image: '/media/1' });
  // A live event (or the stream's ready) invalidates it: a refetch starts, and the server reads the photo still there.
  void queryClient.invalidateQueries({ queryKey: me.queryKey });
  await tick();
  expect(api.waiting).toBe(2);
  return { queryClient, api, me, stop };
}

describe('writeQueryData', () => {
  it('keeps what the mutation answered when a fetch answered before it lands afterwards', async () => {
    const { queryClient, api, me, stop } = await photoOnScreen();
    // Remove photo answers; its result is written while the refetch is still on its way.
    await writeQueryData(queryClient, me.queryKey, (old) => ({ ...old!, image: null }));
    api.answer(1, { name: 'Ada', image: '/media/1' });
    await tick();
    expect(queryClient.getQueryData(me.queryKey)).toEqual({ name: 'Ada', image: null });
    // The next read (started after the write) reads the committed change.
    void queryClient.invalidateQueries({ queryKey: me.queryKey });
    await tick();
    api.answer(2, { name: 'Ada', image: null });
    await tick();
    expect(queryClient.getQueryData(me.queryKey)).toEqual({ name: 'Ada', image: null });
    stop();
  });

  it('is needed: a bare setQueryData is overwritten by that fetch (the photo came back)', async () => {
    const { queryClient, api, me, stop } = await photoOnScreen();
    // eslint-disable-next-line no-restricted-syntax -- the bare write writeQueryData replaces, shown losing the race
    queryClient.setQueryData(me.queryKey, (old) => ({ ...old!, image: null }));
    api.answer(1, { name: 'Ada', image: '/media/1' });
    await tick();
    expect(queryClient.getQueryData(me.queryKey)).toEqual({ name: 'Ada', image: '/media/1' });
    stop();
  });

  it('cancels only the query it writes', async () => {
    const queryClient = newClient();
    const api = server<string>();
    const one = queryOptions({ queryKey: ['calls', 'get', { id: '1' }], queryFn: api.fetch });
    const other = queryOptions({ queryKey: ['calls', 'get', { id: '2' }], queryFn: api.fetch });
    const stops = [new QueryObserver(queryClient, one).subscribe(() => {}), new QueryObserver(queryClient, other).subscribe(() => {})];
    await tick();
    await writeQueryData(queryClient, one.queryKey, 'written');
    api.answer(0, 'late one');
    api.answer(1, 'the other');
    await tick();
    expect([queryClient.getQueryData(one.queryKey), queryClient.getQueryData(other.queryKey)]).toEqual(['written', 'the other']);
    for (const stop of stops) stop();
  });
});

describe('rereadEverything', () => {
  it('reads again a first read still on its way once it lands (invalidating alone keeps its early answer)', async () => {
    for (const how of ['reread', 'invalidate only'] as const) {
      const queryClient = newClient();
      const api = server<string>();
      const status = queryOptions({ queryKey: ['transmissions', 'get', { id: 't1' }], queryFn: api.fetch });
      const stop = new QueryObserver(queryClient, status).subscribe(() => {});
      await tick();
      expect(api.waiting).toBe(1);
      // The stream says ready while the page's first read is on its way; the server answered it before the delivery
      // completed, and that answer arrives now.
      void (how === 'reread' ? rereadEverything(queryClient) : queryClient.invalidateQueries());
      await tick();
      expect(api.waiting, 'the first read is not restarted').toBe(1);
      api.answer(0, 'sending');
      await tick();
      expect(queryClient.getQueryData(status.queryKey), 'its answer is shown meanwhile').toBe('sending');
      if (how === 'reread') {
        expect(api.waiting, 'read again').toBe(2);
        api.answer(1, 'delivered');
        await tick();
        expect(queryClient.getQueryData(status.queryKey)).toBe('delivered');
      } else {
        expect(api.waiting, 'not read again').toBe(1);
      }
      stop();
    }
  });

  it('refetches what holds data; leaves an imperative read alone', async () => {
    const queryClient = newClient();
    const api = server<string>();
    const shown = queryOptions({ queryKey: ['organization', 'get'], queryFn: api.fetch });
    const stop = new QueryObserver(queryClient, shown).subscribe(() => {});
    await tick();
    api.answer(0, 'Old name');
    await tick();
    // A fetchQuery in flight (loading earlier messages): its caller gets its answer, and nothing reads it again.
    const earlier = queryClient.fetchQuery(queryOptions({ queryKey: ['conversations', 'messages', { before: 'm1' }], queryFn: api.fetch }));
    await tick();
    const reread = rereadEverything(queryClient);
    await tick();
    expect(api.waiting).toBe(3);
    api.answer(1, 'older page');
    api.answer(2, 'New name');
    await reread;
    expect(await earlier).toBe('older page');
    expect(queryClient.getQueryData(shown.queryKey)).toBe('New name');
    expect(api.waiting).toBe(3);
    stop();
  });
});
