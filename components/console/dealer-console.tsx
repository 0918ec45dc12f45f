'use client';
// /{org}/console: the dealer's desk — go online, see incoming calls live (with a sound and a count), accept one,
// and talk with the customer on video with the chat beside it; end the call, then note it on its page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { dateTime, personName, vehicleName } from '@/components/calls/format';
import { PhoneIcon } from '@/components/calls/icons';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useRealtimeEvent } from '@/components/realtime/realtime-provider';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast';
import { CallPageShortcut } from '@/components/organization/call-page-card';
import { CallRoom } from './call-room';
import { RecordingSaveStatus } from './recording-save-status';

// The dealer's console says it is still there this often; the server gives up after CALL_PING_TIMEOUT_SECONDS.
const PING_EVERY_MS = 10_000;

/** A short two-tone chime, made on the spot (no audio file to load). */
function chime() {
  try {
    const audio = new AudioContext();
    [880, 1320].forEach((hz, i) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.15, audio.currentTime + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.18 + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.18);
      osc.stop(audio.currentTime + i * 0.18 + 0.17);
    });
  } catch {
    // No audio output: the count in the title and beside the list still tells.
  }
}

export function DealerConsole({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const me = useQuery(trpc.dealers.me.queryOptions());
  const online = me.data?.accountStatus === 'online';
  const activeCallId = me.data?.activeCallId ?? null;
  const [endedCallId, setEndedCallId] = useState<string | null>(null);
  const incoming = useQuery(trpc.calls.list.queryOptions({ limit: 20, offset: 0, filters: { status: 'requested' }, ordering: { field: 'requestedAt', direction: 'asc' } }, { enabled: online && !activeCallId }));
  const presence = useMutation(
    trpc.dealers.setPresence.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.dealers.me.queryFilter()),
      onError: (e) => toast(readServerError(e).message, 'error'),
    }),
  );
  const ping = useMutation(trpc.dealers.ping.mutationOptions());
  const accept = useMutation(
    trpc.calls.accept.mutationOptions({
      onSuccess: async () => {
        setEndedCallId(null);
        await queryClient.invalidateQueries(trpc.dealers.me.queryFilter());
      },
      onError: async (e) => {
        toast(readServerError(e).message, 'error');
        await queryClient.invalidateQueries(trpc.calls.list.queryFilter());
      },
    }),
  );

  // The heartbeat, while online or in a call: the dealer's client is what the server listens for.
  const pinging = online || !!activeCallId;
  const pingRef = useRef(ping.mutate);
  pingRef.current = ping.mutate;
  useEffect(() => {
    if (!pinging) return;
    pingRef.current();
    const timer = setInterval(() => pingRef.current(), PING_EVERY_MS);
    return () => clearInterval(timer);
  }, [pinging]);

  useRealtimeEvent('call.requested', () => {
    if (online && !activeCallId) chime();
  });
  useRealtimeEvent('call.updated', () => void queryClient.invalidateQueries(trpc.dealers.me.queryFilter()));

  const waiting = incoming.data?.count ?? 0;
  useEffect(() => {
    document.title = waiting > 0 && online ? `(${waiting}) Console · Pitchcraft` : 'Console · Pitchcraft';
  }, [waiting, online]);

  return (
    <>
      <PageHeader
        eyebrow="Live calls"
        title="Console"
        description="Go online to take calls from customers at your vehicles."
        action={
          me.data && (
            <div className="flex items-center gap-3">
              {online ? <Badge tone="success">Online</Badge> : <Badge>Offline</Badge>}
              <Button variant={online ? 'secondary' : 'primary'} busy={presence.isPending} disabled={!!activeCallId} onClick={() => presence.mutate({ status: online ? 'offline' : 'online' })}>
                {online ? 'Go offline' : 'Go online'}
              </Button>
            </div>
          )
        }
      />
      {me.data?.status === 'inactive' && <Alert tone="warning" className="mb-6">A manager has paused your live calls. Ask them to resume them.</Alert>}
      {activeCallId ? (
        <CallRoom
          key={activeCallId}
          organizationId={organizationId}
          callId={activeCallId}
          onEnded={(id) => {
            setEndedCallId(id);
            void queryClient.invalidateQueries(trpc.dealers.me.queryFilter());
          }}
        />
      ) : (
        <div className="space-y-6">
          {endedCallId && (
            <div className="space-y-3">
              <Alert tone="success" title="Call ended">
                <Link href={`/${organizationId}/calls/${endedCallId}`} className="font-medium underline">
                  Write the note and send the loan link
                </Link>
              </Alert>
              {/* A call that ended mid-recording is still being saved: its outcome belongs here, the room is gone. */}
              <RecordingSaveStatus organizationId={organizationId} callId={endedCallId} />
            </div>
          )}
          <Card>
            <CardHeader
              title={
                <span className="inline-flex items-center gap-2">
                  Incoming calls
                  {online && waiting > 0 && (
                    <Badge tone="warning" className="tabular-nums">
                      <span aria-label={`${waiting} waiting`}>{waiting}</span>
                    </Badge>
                  )}
                </span>
              }
              description={online ? 'They appear here the moment a customer asks; the first dealer to accept takes the call.' : 'You are offline: go online to see and take calls.'}
            />
            {online ? (
              incoming.data && incoming.data.count > 0 ? (
                <ul className="divide-y divide-zinc-100" aria-label="Incoming calls">
                  {incoming.data.results.map((c) => (
                    <li key={c.id} className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
                      <div className="min-w-0">
                        <p className="font-medium text-zinc-900">{vehicleName(c.vehicle)}</p>
                        <p className="text-sm text-zinc-500">
                          {personName(c.customer.firstName, c.customer.lastName)} · waiting since {dateTime(c.requestedAt)}
                        </p>
                      </div>
                      <Button onClick={() => accept.mutate({ id: c.id })} busy={accept.isPending && accept.variables?.id === c.id} aria-label={`Accept the call about the ${vehicleName(c.vehicle)}`}>
                        Accept
                      </Button>
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState icon={<PhoneIcon />} title="No one is waiting" description="Keep this page open: a chime sounds when a customer calls." />
              )
            ) : (
              <EmptyState icon={<PhoneIcon />} title="You are offline" description="Customers only ring dealers who are online." />
            )}
          </Card>
          <CallPageShortcut />
        </div>
      )}
    </>
  );
}
