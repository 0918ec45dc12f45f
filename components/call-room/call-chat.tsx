'use client';
// The chat between the customer and the dealer, on the customer's page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import type { SavedCall } from './saved-call';

export function CallChat({ call, open }: { call: SavedCall; open: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = { callId: call.callId, callToken: call.callToken };
  const messages = useQuery(trpc.callRoom.messages.queryOptions(access));
  const [text, setText] = useState('');
  const send = useMutation(
    trpc.callRoom.sendMessage.mutationOptions({
      onSuccess: async () => {
        setText('');
        await queryClient.invalidateQueries(trpc.callRoom.messages.queryFilter(access));
      },
    }),
  );
  return (
    <section aria-labelledby="chat-title" className="space-y-3">
      <h2 id="chat-title" className="text-sm font-semibold text-zinc-900">
        Chat
      </h2>
      <ol className="max-h-64 space-y-2 overflow-y-auto" aria-label="Chat messages">
        {messages.data?.results.length ? (
          messages.data.results.map((m) => (
            <li key={m.id} className={m.sender === 'customer' ? 'text-right' : ''}>
              <span className={`inline-block max-w-[85%] rounded-2xl px-3 py-2 text-left text-sm ${m.sender === 'customer' ? 'bg-accent-600 text-white' : 'bg-zinc-100 text-zinc-900'}`}>
                {m.sender === 'dealer' && m.senderName ? <span className="block text-xs font-medium opacity-70">{m.senderName}</span> : null}
                {m.message}
              </span>
            </li>
          ))
        ) : (
          <li className="text-sm text-zinc-500">No messages yet.</li>
        )}
      </ol>
      {open && (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) send.mutate({ ...access, message: text });
          }}
        >
          <label htmlFor="chat-message" className="sr-only">
            Message
          </label>
          <input
            id="chat-message"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={2000}
            placeholder="Write a message"
            className="block h-11 min-w-0 flex-1 rounded-xl border-0 px-3 text-sm shadow-sm ring-1 ring-zinc-300 ring-inset focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none"
          />
          <Button type="submit" className="h-11" busy={send.isPending}>
            Send
          </Button>
        </form>
      )}
      {send.error && <p className="text-sm text-red-700">{readServerError(send.error).message}</p>}
    </section>
  );
}
