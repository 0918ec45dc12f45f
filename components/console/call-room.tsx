'use client';
// The dealer's side of a running call: the customer's video (and their own), recording their side for coaching, the
// chat beside it, and End call.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Signal } from '@/components/call-room/call-peer';
import { ChatThread } from '@/components/call-room/chat-thread';
import { useCallMedia } from '@/components/call-room/use-call-media';
import { VideoPanel } from '@/components/call-room/video-panel';
import { CallStatusBadge } from '@/components/calls/call-status-badge';
import { personName, vehicleName } from '@/components/calls/format';
import { useTRPC } from '@/components/providers/trpc';
import { useRealtimeEvent } from '@/components/realtime/realtime-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CallRecorder } from './call-recorder';

export function CallRoom({ organizationId, callId, onEnded }: { organizationId: string; callId: string; onEnded: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const messagesInput = { id: callId, limit: 200, offset: 0 };
  const call = useQuery(trpc.calls.get.queryOptions({ id: callId }));
  const messages = useQuery(trpc.calls.messages.queryOptions(messagesInput));
  const ice = useQuery(trpc.calls.iceServers.queryOptions(undefined, { staleTime: Infinity }));
  const signal = useMutation(trpc.calls.signal.mutationOptions());
  const send = useMutation(trpc.calls.sendMessage.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.calls.messages.queryFilter(messagesInput)) }));
  const stop = useMutation(trpc.calls.stop.mutationOptions({ onSuccess: () => onEnded(callId) }));
  const active = call.data?.status === 'active';
  const media = useCallMedia({ role: 'dealer', active, iceServers: ice.data?.iceServers as RTCIceServer[] | undefined, send: (s) => signal.mutateAsync({ id: callId, signal: s }) });

  useRealtimeEvent('call.signal', (e) => {
    const p = e.payload as Signal & { callId: string };
    if (p.callId === callId) media.handle(p);
  });
  useRealtimeEvent('call.updated', (e) => {
    const p = e.payload as { id: string; status: string };
    // The customer hung up, or the server ended the call.
    if (p.id === callId && p.status !== 'active') onEnded(callId);
  });

  const c = call.data;
  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <div className="space-y-4 lg:col-span-3">
        <VideoPanel
          local={media.local}
          remote={media.remote}
          remoteLabel="The customer's video"
          remoteName="The customer"
          state={media.state}
          mine={media.mine}
          theirs={media.theirs}
          onToggleMicrophone={media.toggleMicrophone}
          onToggleCamera={media.toggleCamera}
        />
        {media.error && <Alert tone="warning">{media.error}</Alert>}
        {c && (
          <Card>
            <CardBody className="flex flex-wrap items-center justify-between gap-4">
              <div className="min-w-0">
                <p className="font-medium text-zinc-900">{vehicleName(c.vehicle)}</p>
                <p className="text-sm text-zinc-500">
                  {personName(c.customer.firstName, c.customer.lastName)} · <span className="font-mono">{c.vin}</span>
                </p>
              </div>
              <div className="flex items-center gap-3">
                <CallStatusBadge status={c.status} />
                <Button variant="danger" busy={stop.isPending} disabled={!active} onClick={() => stop.mutate({ id: callId })}>
                  End call
                </Button>
              </div>
            </CardBody>
            <CardBody className="border-t border-zinc-100">
              <CallRecorder organizationId={organizationId} callId={callId} active={active} stream={media.local} />
            </CardBody>
          </Card>
        )}
      </div>
      <Card className="lg:col-span-2">
        <CardHeader title="Chat" />
        <CardBody>
          <ChatThread me="dealer" messages={messages.data?.results} open={active} placeholder="Write to the customer" send={(message) => send.mutateAsync({ id: callId, message })} />
        </CardBody>
      </Card>
    </div>
  );
}
