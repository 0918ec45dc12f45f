'use client';
// /{org}/calls/[id]: one call — who, which vehicle, how it went (events), the chat, and the dealer's note after it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { writeQueryData } from '@/components/providers/query-data';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ScoreBadge } from '@/components/coaching/score-badge';
import { RecordingSaveStatus } from '@/components/console/recording-save-status';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { useToast } from '@/components/ui/toast';
import { ENDED_STATUSES, type CallDetailDto } from '@/server/domain/calls/call.schema';
import { CallStatusBadge } from './call-status-badge';
import { dateTime, duration, personName, vehicleName } from './format';

const EVENT_LABELS: Record<string, string> = {
  requested: 'Customer asked for a call',
  accepted: 'Dealer took the call',
  completed: 'Call ended',
  missed: 'Nobody answered in time',
  expired: 'Dealer’s connection was lost',
  'note.saved': 'Note saved',
  'loan_link.sent': 'Loan link sent',
  'recording.started': 'Dealer started recording',
  'recording.stopped': 'Dealer stopped recording',
  'recording.saved': 'Recording saved for coaching',
};

function eventLabel(e: CallDetailDto['events'][number]) {
  // The server stops a recording itself when the call ends under it.
  if (e.type === 'recording.stopped' && e.actor.kind === 'system') return 'Recording stopped with the call';
  return EVENT_LABELS[e.type] ?? e.type.replace(/^client\./, 'Client: ');
}

export function CallDetail({ organizationId, callId }: { organizationId: string; callId: string }) {
  const trpc = useTRPC();
  const call = useQuery(trpc.calls.get.queryOptions({ id: callId }));
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: `/${organizationId}/calls`, label: 'Calls' }, { label: call.data ? vehicleName(call.data.vehicle) : 'Call' }]}
        eyebrow="Call"
        title={call.data ? vehicleName(call.data.vehicle) : 'Call'}
        description={call.data ? `Requested ${dateTime(call.data.requestedAt)} by ${personName(call.data.customer.firstName, call.data.customer.lastName, 'an anonymous customer')}` : undefined}
      />
      <QueryState query={call} loadingLabel="Loading the call" rows={8} frame="page">
        {(c) => (
          <div className="grid gap-6 lg:grid-cols-5">
            <div className="space-y-6 lg:col-span-3">
              <Summary organizationId={organizationId} call={c} />
              {c.session ? <RecordingCard organizationId={organizationId} session={c.session} /> : <RecordingSaveStatus organizationId={organizationId} callId={c.id} />}
              <NoteCard call={c} />
              <Messages callId={c.id} />
            </div>
            <div className="lg:col-span-2">
              <Timeline call={c} />
            </div>
          </div>
        )}
      </QueryState>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-2 text-sm">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 text-right font-medium wrap-anywhere text-zinc-900">{children}</dd>
    </div>
  );
}

function Summary({ organizationId, call }: { organizationId: string; call: CallDetailDto }) {
  const v = call.vehicle;
  return (
    <Card>
      <CardHeader title="Summary" action={<CallStatusBadge status={call.status} />} />
      <CardBody>
        <dl className="divide-y divide-zinc-100">
          <Row label="Customer">{personName(call.customer.firstName, call.customer.lastName)}</Row>
          <Row label="Phone">{call.customer.phone ?? '—'}</Row>
          <Row label="Email">{call.customer.email ?? '—'}</Row>
          <Row label="VIN">
            <span className="font-mono">{call.vin}</span>
          </Row>
          <Row label="Vehicle">{[v.modelYear, v.make, v.model, v.trim].filter(Boolean).join(' ') || '—'}</Row>
          <Row label="Type">{v.type ?? '—'}</Row>
          <Row label="Built in">{v.country ?? '—'}</Row>
          <Row label="Dealer">{call.dealer ? personName(call.dealer.firstName, call.dealer.lastName) : '—'}</Row>
          <Row label="Duration">{duration(call.durationSeconds)}</Row>
          <Row label="Lead">{call.leadId ? 'Left by the customer' : 'None'}</Row>
          {call.followUp && (
            <Row label="Follow-up">
              Follow-up queued{call.followUp.status === 'completed' ? ' — sent' : call.followUp.status === 'failed' || call.followUp.status === 'invalid' ? ' — it failed' : ''}
              {' · '}
              <Link href={`/${organizationId}/transmissions/${call.followUp.transmissionId}`} className="font-medium text-accent-700 hover:underline">
                View transmission
              </Link>
            </Row>
          )}
        </dl>
      </CardBody>
      <LoanLink call={call} />
    </Card>
  );
}

function LoanLink({ call }: { call: CallDetailDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const send = useMutation(
    trpc.calls.sendLoanLink.mutationOptions({
      onSuccess: async (r) => {
        toast(`Loan link sent to ${r.to}`);
        await queryClient.invalidateQueries(trpc.calls.get.queryFilter({ id: call.id }));
      },
    }),
  );
  if (!ENDED_STATUSES.includes(call.status)) return null;
  return (
    <CardFooter className="flex-wrap justify-between">
      <p className="text-sm text-zinc-500">{call.customer.email ? `Send your financing link to ${call.customer.email}.` : 'The customer left no email address.'}</p>
      {send.error && <p className="text-sm text-red-700">{readServerError(send.error).message}</p>}
      <Button variant="secondary" size="sm" disabled={!call.customer.email} busy={send.isPending} onClick={() => send.mutate({ id: call.id, channel: 'email' })}>
        Send loan link by email
      </Button>
    </CardFooter>
  );
}

/** The dealer's recording of the call, scored as their coaching session (shown to whoever may see that session). */
function RecordingCard({ organizationId, session }: { organizationId: string; session: NonNullable<CallDetailDto['session']> }) {
  const waiting =
    session.transcriptStatus === 'pending'
      ? 'Scored on the voice so far (pauses, length, energy); the recording is being transcribed and fillers and pace follow.'
      : session.transcriptStatus === 'failed'
        ? 'Scored on the voice only: speech-to-text failed. Retry it, or type the words on the session page.'
        : 'Scored on the voice only (pauses, length, energy): type the words on the session page to score fillers and pace too.';
  return (
    <Card>
      <CardHeader title="Recorded call" description="The dealer recorded their side; it is scored like a practice session." action={<ScoreBadge score={session.score} status={session.transcriptStatus} />} />
      <CardBody className="space-y-2 text-sm">
        {session.transcriptStatus !== 'ready' && <p className="text-zinc-600">{waiting}</p>}
        <Link href={`/${organizationId}/sessions/${session.id}`} className="font-medium text-accent-700 hover:underline">
          Review the session →
        </Link>
      </CardBody>
    </Card>
  );
}

function NoteCard({ call }: { call: CallDetailDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [note, setNote] = useState(call.note ?? '');
  const save = useMutation(
    trpc.calls.saveNote.mutationOptions({
      onSuccess: async (saved) => {
        await writeQueryData(queryClient, trpc.calls.get.queryKey({ id: call.id }), saved);
        toast('Note saved');
      },
    }),
  );
  const ended = ENDED_STATUSES.includes(call.status);
  return (
    <Card>
      <CardHeader title="Note" description={ended ? 'What happened and what to do next; only your organization sees it.' : 'A note can be written once the call has ended.'} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ id: call.id, note });
        }}
      >
        <CardBody className="space-y-3">
          {save.error && <Alert tone="error">{readServerError(save.error).message}</Alert>}
          <label htmlFor="call-note" className="sr-only">
            Note
          </label>
          <textarea
            id="call-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            disabled={!ended}
            maxLength={5000}
            rows={4}
            className="block w-full rounded-lg border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-zinc-300 ring-inset focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none disabled:bg-zinc-50"
            placeholder={ended ? 'e.g. Wants the hybrid trim; call back Friday' : ''}
          />
        </CardBody>
        {ended && (
          <CardFooter>
            <Button type="submit" busy={save.isPending}>
              Save note
            </Button>
          </CardFooter>
        )}
      </form>
    </Card>
  );
}

function Messages({ callId }: { callId: string }) {
  const trpc = useTRPC();
  const messages = useQuery(trpc.calls.messages.queryOptions({ id: callId, limit: 200, offset: 0 }));
  return (
    <Card>
      <CardHeader title="Chat" />
      <CardBody>
        <QueryState query={messages} loadingLabel="Loading the chat" rows={3}>
          {(data) =>
            data.count === 0 ? (
              <p className="text-sm text-zinc-500">No messages were written during this call.</p>
            ) : (
              <ol className="space-y-3" aria-label="Chat messages">
                {data.results.map((m) => (
                  <li key={m.id} className={m.sender === 'dealer' ? 'text-right' : ''}>
                    <p className="text-xs text-zinc-500">
                      {m.senderName ?? (m.sender === 'dealer' ? 'Dealer' : 'Customer')} · {dateTime(m.createdAt)}
                    </p>
                    <p className={`mt-0.5 inline-block max-w-[85%] rounded-2xl px-3 py-2 text-left text-sm ${m.sender === 'dealer' ? 'bg-accent-600 text-white' : 'bg-zinc-100 text-zinc-900'}`}>{m.message}</p>
                  </li>
                ))}
              </ol>
            )
          }
        </QueryState>
      </CardBody>
    </Card>
  );
}

function Timeline({ call }: { call: CallDetailDto }) {
  return (
    <Card>
      <CardHeader title="What happened" />
      <CardBody>
        <ol className="space-y-4" aria-label="Call events">
          {call.events.map((e) => (
            <li key={e.id} className="flex gap-3 text-sm">
              <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${e.type.startsWith('client.') ? 'bg-zinc-300' : 'bg-accent-500'}`} />
              <div className="min-w-0">
                <p className="font-medium text-zinc-900">{eventLabel(e)}{e.code ? ` (${e.code})` : ''}</p>
                <p className="text-xs text-zinc-500">
                  {dateTime(e.createdAt)}
                  {e.actor.name ? ` · ${e.actor.name}` : e.actor.kind === 'system' ? ' · automatically' : ''}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
