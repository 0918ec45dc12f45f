'use client';
// /call/[organizationToken]: the customer's page, phone first — ask for a call about the vehicle in front of them,
// follow its state, chat with the dealer, and leave their details afterwards.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { rereadEverything, writeQueryData } from '@/components/providers/query-data';
import { useTRPC } from '@/components/providers/trpc';
import { Logo } from '@/components/shell/logo';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import type { CallDetailDto } from '@/server/domain/calls/call.schema';
import { CallChat } from './call-chat';
import { LeadForm } from './lead-form';
import { RequestCallForm } from './request-call-form';
import { loadSavedCall, saveCall, type SavedCall } from './saved-call';
import type { Signal } from './call-peer';
import { useCallMedia } from './use-call-media';
import { VideoPanel } from './video-panel';

export function CustomerCallPage({ organizationToken }: { organizationToken: string }) {
  const trpc = useTRPC();
  const organization = useQuery(trpc.callRoom.organization.queryOptions({ organizationToken }, { retry: false }));
  const [call, setCall] = useState<SavedCall | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    setCall(loadSavedCall(organizationToken));
    setLoaded(true);
  }, [organizationToken]);

  const start = (c: SavedCall) => {
    saveCall(organizationToken, c);
    setCall(c);
  };
  const reset = () => {
    saveCall(organizationToken, null);
    setCall(null);
  };

  return (
    <div className="mx-auto flex min-h-dvh max-w-md flex-col px-4 pt-6 pb-10">
      <header className="mb-6 flex items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-semibold tracking-wide text-accent-600 uppercase">Live video call</p>
          <h1 className="truncate text-xl font-semibold tracking-tight text-zinc-900">{organization.data?.name ?? ' '}</h1>
        </div>
        <Logo showName={false} />
      </header>
      <main className="flex-1 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
        {organization.isError ? (
          <Alert tone="error" title="This call page does not exist">
            The link or QR code may be out of date. Ask the dealership for a current one.
          </Alert>
        ) : !organization.data || !loaded ? (
          <div className="flex justify-center py-10">
            <Spinner label="Loading" className="size-6 text-accent-600" />
          </div>
        ) : call ? (
          <CallState call={call} onNewCall={reset} />
        ) : (
          <>
            <p className="mb-5 text-sm text-zinc-600">Standing at a vehicle? Enter its VIN and talk to one of our dealers now.</p>
            <RequestCallForm organizationToken={organizationToken} onRequested={start} />
          </>
        )}
      </main>
    </div>
  );
}

const HEADLINES: Record<CallDetailDto['status'], { title: string; text: string }> = {
  requested: { title: 'Waiting for a dealer…', text: 'The first dealer free will answer. Keep this page open.' },
  active: { title: 'Connected', text: 'You are talking with a dealer.' },
  completed: { title: 'Call ended', text: 'Thanks for calling.' },
  missed: { title: 'No dealer answered', text: 'Everyone was busy. Leave your details and we will call you back.' },
  expired: { title: 'The call was cut off', text: 'The dealer’s connection was lost. Leave your details and we will call you back.' },
  cancelled: { title: 'Request cancelled', text: 'You stopped waiting. Leave your details if you would like a call back.' },
};

function CallState({ call, onNewCall }: { call: SavedCall; onNewCall: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = { callId: call.callId, callToken: call.callToken };
  const state = useQuery(trpc.callRoom.get.queryOptions(access, { retry: false }));
  const ice = useQuery(trpc.callRoom.iceServers.queryOptions(undefined, { staleTime: Infinity }));
  const signal = useMutation(trpc.callRoom.signal.mutationOptions());
  const media = useCallMedia({
    role: 'customer',
    active: state.data?.status === 'active',
    iceServers: ice.data?.iceServers as RTCIceServer[] | undefined,
    send: (s) => signal.mutateAsync({ ...access, signal: s }),
  });
  const onSignal = useRef(media.handle);
  onSignal.current = media.handle;
  // Live: every change of this call and every message about it, through the platform's stream for this call only.
  // Once it listens from now (`ready`), or after events it missed (`reset`), the call and its chat are read again: a
  // change committed while the stream connected (a dealer answered, a message came) is in no event it will get.
  useSubscription(
    trpc.callRoom.events.subscriptionOptions(
      { ...access, lastEventId: null },
      {
        onData: (item) => {
          if (!('data' in item)) {
            if (!item.resumed) void rereadEverything(queryClient);
            return;
          }
          const { data } = item;
          if (data.type === 'call.signal') onSignal.current(data.payload as Signal);
          else if (data.type === 'message.created') void queryClient.invalidateQueries(trpc.callRoom.messages.queryFilter(access));
          else if (data.type === 'reset') void rereadEverything(queryClient);
          else void queryClient.invalidateQueries(trpc.callRoom.get.queryFilter(access));
        },
      },
    ),
  );
  const stop = useMutation(trpc.callRoom.stop.mutationOptions({ onSuccess: (c) => writeQueryData(queryClient, trpc.callRoom.get.queryKey(access), c) }));
  const cancel = useMutation(
    trpc.callRoom.cancel.mutationOptions({
      onSuccess: (c) => writeQueryData(queryClient, trpc.callRoom.get.queryKey(access), c),
      // A dealer took it meanwhile (409): show the call as it is now.
      onError: () => void queryClient.invalidateQueries(trpc.callRoom.get.queryFilter(access)),
    }),
  );

  if (state.isError) {
    return (
      <div className="space-y-4">
        <Alert tone="error">{readServerError(state.error).message}</Alert>
        <Button variant="secondary" onClick={onNewCall}>
          Start over
        </Button>
      </div>
    );
  }
  const c = state.data;
  if (!c) {
    return (
      <div className="flex justify-center py-10">
        <Spinner label="Loading your call" className="size-6 text-accent-600" />
      </div>
    );
  }
  const headline = HEADLINES[c.status];
  const vehicle = [c.vehicle.modelYear, c.vehicle.make, c.vehicle.model].filter(Boolean).join(' ');
  const live = c.status === 'requested' || c.status === 'active';
  return (
    <div className="space-y-6">
      <div className="space-y-1 text-center" aria-live="polite">
        {c.status === 'requested' && <Spinner className="mx-auto mb-2 size-6 text-accent-600" />}
        <h2 className="text-lg font-semibold text-zinc-900">{headline.title}</h2>
        <p className="text-sm text-zinc-600">
          {c.status === 'active' && c.dealer ? `You are talking with ${c.dealer.firstName}.` : headline.text}
        </p>
        <p className="text-xs text-zinc-500">
          {vehicle || 'Your vehicle'} · <span className="font-mono">{c.vin}</span>
        </p>
      </div>
      {c.status === 'active' && c.recording && (
        <p role="status" className="flex items-start gap-2.5 rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800 ring-1 ring-red-200 ring-inset">
          <span aria-hidden className="mt-1.5 size-2 shrink-0 animate-pulse rounded-full bg-red-600" />
          {c.dealer ? `${c.dealer.firstName} is recording their side of this call` : 'The dealer is recording their side of this call'} (for coaching; your side is not recorded).
        </p>
      )}
      {c.status === 'active' && (
        <div className="space-y-2">
          <VideoPanel
            local={media.local}
            remote={media.remote}
            remoteLabel="The dealer's video"
            remoteName={c.dealer ? c.dealer.firstName : 'The dealer'}
            state={media.state}
            mine={media.mine}
            theirs={media.theirs}
            onToggleMicrophone={media.toggleMicrophone}
            onToggleCamera={media.toggleCamera}
          />
          {media.error && <Alert tone="warning">{media.error}</Alert>}
        </div>
      )}
      {c.status === 'active' && (
        <div className="flex justify-center">
          <Button variant="danger" onClick={() => stop.mutate(access)} busy={stop.isPending}>
            End call
          </Button>
        </div>
      )}
      {c.status === 'requested' && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => cancel.mutate(access)} busy={cancel.isPending}>
            Cancel my request
          </Button>
        </div>
      )}
      <CallChat call={call} open={live} />
      {!live && (
        <>
          <LeadForm call={call} />
          <Button variant="ghost" className="w-full" onClick={onNewCall}>
            Call about another vehicle
          </Button>
        </>
      )}
    </div>
  );
}
