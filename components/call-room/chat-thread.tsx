'use client';
// The chat of a live call, for either party: the messages (the viewer's own on the right, the newest kept in view)
// and the message form. Each side supplies how it reads and sends — the customer with its call token, the dealer
// with their session — and this keeps what they type until the server has it, so a failed send loses nothing.
import { useEffect, useId, useRef, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import type { CallMessageDto } from '@/server/domain/calls/call.schema';

export function ChatThread(props: {
  /** Whose page this is: their messages are drawn as their own. */
  me: CallMessageDto['sender'];
  messages: CallMessageDto[] | undefined;
  /** False once the call is over: the thread stays readable, the form goes. */
  open: boolean;
  placeholder: string;
  /** Resolves once the server has the message; rejects with what went wrong. */
  send: (message: string) => Promise<unknown>;
  className?: string;
}) {
  const inputId = useId();
  const list = useRef<HTMLOListElement>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = props.messages?.length ?? 0;

  // A new message scrolls the thread to it, as chats do.
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);

  const submit = async () => {
    const message = text.trim();
    if (!message || sending) return;
    setSending(true);
    setError(null);
    try {
      await props.send(message);
      setText('');
    } catch (e) {
      setError(readServerError(e).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className={cx('space-y-3', props.className)}>
      <ol ref={list} className="max-h-80 space-y-2 overflow-y-auto" aria-label="Chat messages">
        {count > 0 ? (
          props.messages!.map((m) => {
            const mine = m.sender === props.me;
            return (
              <li key={m.id} className={mine ? 'text-right' : ''}>
                <span className={cx('inline-block max-w-[85%] rounded-2xl px-3 py-2 text-left text-sm wrap-anywhere', mine ? 'bg-accent-600 text-white' : 'bg-zinc-100 text-zinc-900')}>
                  {!mine && m.senderName ? <span className="block text-xs font-medium opacity-70">{m.senderName}</span> : null}
                  {m.message}
                </span>
              </li>
            );
          })
        ) : (
          <li className="text-sm text-zinc-500">No messages yet.</li>
        )}
      </ol>
      {props.open && (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={inputId} className="sr-only">
            Message
          </label>
          <input
            id={inputId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={2000}
            autoComplete="off"
            placeholder={props.placeholder}
            className="block h-11 min-w-0 flex-1 rounded-xl border-0 px-3 text-sm shadow-sm ring-1 ring-zinc-300 ring-inset focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none"
          />
          <Button type="submit" className="h-11" busy={sending}>
            Send
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
