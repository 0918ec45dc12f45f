'use client';
// The chat between the customer and the dealer, on the customer's page (read and sent with the call token).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { ChatThread } from './chat-thread';
import type { SavedCall } from './saved-call';

export function CallChat({ call, open }: { call: SavedCall; open: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = { callId: call.callId, callToken: call.callToken };
  const messages = useQuery(trpc.callRoom.messages.queryOptions(access));
  const send = useMutation(trpc.callRoom.sendMessage.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.callRoom.messages.queryFilter(access)) }));
  return (
    <section aria-labelledby="chat-title" className="space-y-3">
      <h2 id="chat-title" className="text-sm font-semibold text-zinc-900">
        Chat
      </h2>
      <ChatThread me="customer" messages={messages.data?.results} open={open} placeholder="Write a message" send={(message) => send.mutateAsync({ ...access, message })} />
    </section>
  );
}
