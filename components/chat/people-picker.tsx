'use client';
// Picks people of the organization to chat with: a search box (by name or email, after a pause in typing) over a list
// of checkboxes — members first, then customers — and the people picked so far as chips that can be taken off again.
// Native checkboxes, so Tab, Space and a screen reader work as anywhere else.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Badge } from '@/components/ui/badge';
import { Input } from '@/components/ui/input';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import type { ChatPersonDto } from '@/server/domain/conversations/chat-people';

export type PickedPerson = Pick<ChatPersonDto, 'userId' | 'name' | 'external'>;

export function PeoplePicker(props: { picked: PickedPerson[]; onChange: (picked: PickedPerson[]) => void; exclude?: readonly string[]; error?: string; autoFocus?: boolean }) {
  const trpc = useTRPC();
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const people = useQuery(trpc.conversations.people.queryOptions({ search: search || undefined, limit: 20 }, { placeholderData: (prev) => prev }));
  const excluded = new Set(props.exclude ?? []);
  const shown = (people.data?.results ?? []).filter((p) => !excluded.has(p.userId));
  const isPicked = (userId: string) => props.picked.some((p) => p.userId === userId);
  const toggle = (person: ChatPersonDto) =>
    props.onChange(isPicked(person.userId) ? props.picked.filter((p) => p.userId !== person.userId) : [...props.picked, { userId: person.userId, name: person.name, external: person.external }]);

  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-search`} className="block text-sm font-medium text-zinc-800">
        People
      </label>
      {props.picked.length > 0 && (
        <ul aria-label="Picked" className="flex flex-wrap gap-1.5">
          {props.picked.map((p) => (
            <li key={p.userId}>
              <button
                type="button"
                onClick={() => props.onChange(props.picked.filter((x) => x.userId !== p.userId))}
                className="inline-flex max-w-full items-center gap-1 rounded-full bg-accent-50 py-0.5 pr-1.5 pl-2.5 text-sm text-accent-800 ring-1 ring-accent-200 ring-inset hover:bg-accent-100 focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none"
                aria-label={`Take ${p.name} off`}
              >
                <span className="truncate">{p.name}</span>
                <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-3.5 shrink-0">
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Input
        id={`${id}-search`}
        type="search"
        value={text}
        maxLength={100}
        placeholder="Search by name or email"
        autoComplete="off"
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter searches at once rather than submitting the dialog's form.
          if (e.key === 'Enter') {
            e.preventDefault();
            setSearch(text.trim());
          }
        }}
      />
      {props.error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      )}
      <div className="max-h-60 overflow-y-auto rounded-lg ring-1 ring-zinc-200" aria-busy={people.isFetching || undefined}>
        {people.isError && !people.data ? (
          <div className="p-3">
            <QueryError error={people.error} onRetry={() => void people.refetch()} />
          </div>
        ) : !people.data ? (
          <div className="p-3">
            <SkeletonRows rows={3} label="Loading people" />
          </div>
        ) : shown.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-zinc-500">{search ? `No one matches “${search}”.` : 'There is no one else here to chat with yet.'}</p>
        ) : (
          <ul aria-label="People you can add" className="divide-y divide-zinc-100">
            {shown.map((p) => (
              <li key={p.userId}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2 hover:bg-zinc-50 has-checked:bg-accent-50/60">
                  <input type="checkbox" checked={isPicked(p.userId)} onChange={() => toggle(p)} className="size-4 shrink-0 rounded border-zinc-300 accent-accent-600" />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-zinc-900">{p.name}</span>
                    <span className="block truncate text-xs text-zinc-500">{p.detail}</span>
                  </span>
                  {p.external && <Badge tone="accent">Customer</Badge>}
                </label>
              </li>
            ))}
            {people.data.hasMore && <li className="px-3 py-2 text-xs text-zinc-500">More people match: type a name to narrow the list.</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
