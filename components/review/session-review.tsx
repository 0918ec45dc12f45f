'use client';
// A practice session under review: the score and its breakdown, the transcript (fillers and keywords marked, each word
// playing the recording from there), pace against its bands with pauses, vocal energy and what to work on next.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import { formatDuration } from '@/components/coaching/format';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { useToast } from '@/components/ui/toast';
import { useNavSection } from '@/components/shell/nav-section';
import type { SessionDto } from '@/server/domain/sessions/session.schema';
import { AddTranscriptForm } from './add-transcript-form';
import { EnergyChart } from './energy-chart';
import { PaceChart } from './pace-chart';
import { Recommendations } from './recommendations';
import { ScoreBreakdown } from './score-breakdown';
import { FillerSummary, KeywordSummary, PauseList, TargetTimeSummary } from './session-facts';
import { TranscriptView } from './transcript-view';

const WHEN = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' });

export function SessionReview({ organizationId, sessionId }: { organizationId: string; sessionId: string }) {
  const trpc = useTRPC();
  const session = useQuery(trpc.sessions.get.queryOptions({ id: sessionId }));
  return (
    <QueryState
      query={session}
      loadingLabel="Loading the session"
      rows={8}
      frame="page"
      refusal={{ notFound: 'This session was deleted, or it is not one you may see', back: { href: `/${organizationId}/sessions`, label: 'Back to my sessions' } }}
    >
      {(s) => <Review organizationId={organizationId} session={s} />}
    </QueryState>
  );
}

/** The browser plays a session's recording from its review route (the REST URL wants an API credential). */
export const playableAudioUrl = (organizationId: string, s: SessionDto) => (s.audioUrl ? `/${organizationId}/sessions/${s.id}/audio` : null);

function Review({ organizationId, session: s }: { organizationId: string; session: SessionDto }) {
  const trpc = useTRPC();
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const audio = useRef<HTMLAudioElement>(null);
  const [currentTime, setCurrentTime] = useState<number | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const src = playableAudioUrl(organizationId, s);
  const seek = useCallback((seconds: number) => {
    const player = audio.current;
    if (!player) return;
    player.currentTime = seconds;
    void player.play().catch(() => undefined);
  }, []);
  const onSeek = src ? seek : null;
  const remove = useMutation(
    trpc.sessions.delete.mutationOptions({
      onSuccess: async () => {
        await Promise.all([queryClient.invalidateQueries(trpc.sessions.pathFilter()), queryClient.invalidateQueries(trpc.account.me.pathFilter())]);
        toast('Session deleted');
        router.push(`/${organizationId}/sessions`);
      },
    }),
  );
  const retry = useMutation(trpc.sessions.retryTranscription.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.sessions.pathFilter()) }));
  const someoneElse = me.data && me.data.id !== s.user.id;
  const person = `${s.user.firstName} ${s.user.lastName}`;
  // A manager reviewing a rep's pitch came from Teams, and goes back there (or to the rep's sessions).
  useNavSection(someoneElse ? `/${organizationId}/teams` : null);
  const breadcrumbs = someoneElse
    ? [{ href: `/${organizationId}/teams`, label: 'Teams' }, { href: `/${organizationId}/people/${s.user.id}`, label: person }, { label: s.module.name }]
    : [{ href: `/${organizationId}/sessions`, label: 'My sessions' }, { label: s.module.name }];
  const ready = s.transcript.status === 'ready' && s.score !== null;
  const estimated = s.transcript.timing === 'estimated';

  return (
    <>
      <PageHeader
        breadcrumbs={me.data ? breadcrumbs : undefined}
        eyebrow={s.callId ? 'Recorded call' : 'Practice session'}
        title={s.module.name}
        description={[s.product.name, WHEN.format(new Date(s.recordedAt)), someoneElse ? person : null, s.opportunity, formatDuration(s.duration)].filter(Boolean).join(' · ')}
        action={
          <div className="flex gap-2">
            {s.callId && (
              <Link href={`/${organizationId}/calls/${s.callId}`} className={buttonClass('secondary')}>
                Open the call
              </Link>
            )}
            {s.module.id && !someoneElse && (
              <Link href={`/${organizationId}/practice/${s.module.id}`} className={buttonClass('secondary')}>
                Practise again
              </Link>
            )}
            <Button variant="danger-ghost" onClick={() => (remove.reset(), setDeleting(true))}>
              Delete
            </Button>
          </div>
        }
      />
      <div className="space-y-6">
        {s.transcript.message && (
          <Alert
            tone={s.transcript.status === 'failed' ? 'warning' : 'info'}
            title={s.transcript.status === 'pending' ? 'Transcribing' : s.transcript.status === 'failed' ? 'Transcription failed' : 'Scored on the recording alone'}
            action={
              s.transcript.status === 'failed' && (
                <Button size="sm" variant="secondary" busy={retry.isPending} onClick={() => retry.mutate({ id: s.id })}>
                  Retry transcription
                </Button>
              )
            }
          >
            {s.transcript.message}
            {retry.error && <span className="mt-1 block font-medium">{readServerError(retry.error).message}</span>}
          </Alert>
        )}
        {src && (
          <Card aria-labelledby="recording-title">
            <CardHeader id="recording-title" title="Recording" />
            <CardBody>
              {/* The recording streams with Range requests, so seeking anywhere starts at once. */}
              <audio ref={audio} controls preload="metadata" src={src} className="w-full" onTimeUpdate={(e) => setCurrentTime(e.currentTarget.currentTime)} aria-label="Recording of the session" />
            </CardBody>
          </Card>
        )}
        {!ready && s.transcript.status !== 'pending' && (
          <Card aria-labelledby="add-transcript-title">
            <CardHeader
              id="add-transcript-title"
              title="Add what was said"
              description={s.hasAudio ? 'Type or paste the words (plain text is fine: they are spread over the recording, their times estimated), or give a WebVTT or JSON transcript with times.' : 'Type or paste the words, or give a WebVTT or JSON transcript with times.'}
            />
            <CardBody>
              <AddTranscriptForm sessionId={s.id} hasAudio={s.hasAudio} />
            </CardBody>
          </Card>
        )}
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            {ready && (
              <Card aria-labelledby="transcript-title">
                <CardHeader
                  id="transcript-title"
                  title="Transcript"
                  description={
                    estimated
                      ? s.hasAudio
                        ? 'Timings estimated: the words were typed, not heard, and are spread over the recording’s voiced stretches, so pace is approximate.'
                        : 'Timings estimated: the words were typed and spread evenly over the length given, so pace is approximate.'
                      : s.transcript.timing === 'none'
                        ? 'The words came without times or a recording: fillers and keywords are scored; pace, pauses and length are not.'
                        : undefined
                  }
                  action={
                    <Button variant="ghost" size="sm" onClick={() => setReplacing((r) => !r)}>
                      {replacing ? 'Cancel' : 'Replace transcript'}
                    </Button>
                  }
                />
                <CardBody>{replacing ? <AddTranscriptForm sessionId={s.id} hasAudio={s.hasAudio} replacing onDone={() => setReplacing(false)} /> : <TranscriptView session={s} currentTime={currentTime} onSeek={onSeek} />}</CardBody>
              </Card>
            )}
            {s.wpm && (
              <Card aria-labelledby="pace-title">
                <CardHeader id="pace-title" title={estimated ? 'Pace, in words per minute (estimated)' : 'Pace, in words per minute'} description={s.wpm.recommendation} />
                <CardBody>
                  <PaceChart wpm={s.wpm} pauses={s.pauses ?? { items: [], longest: 0, longCount: 0, recommendation: '' }} onSeek={onSeek} />
                </CardBody>
              </Card>
            )}
            {s.energy ? (
              <Card aria-labelledby="energy-title">
                <CardHeader id="energy-title" title="Vocal energy" description={s.energy.recommendation} />
                <CardBody>
                  <EnergyChart energy={s.energy} onSeek={onSeek} />
                </CardBody>
              </Card>
            ) : (
              ready && <p className="text-sm text-zinc-500">Vocal energy needs a recording; this session has none.</p>
            )}
          </div>
          <div className="min-w-0 space-y-6">
            {s.score && (
              <Card aria-labelledby="score-title">
                <CardHeader id="score-title" title="Score" />
                <CardBody>
                  <ScoreBreakdown score={s.score} />
                </CardBody>
              </Card>
            )}
            {s.score && (
              <Card aria-labelledby="next-title">
                <CardHeader id="next-title" title="What to work on" />
                <CardBody>
                  <Recommendations score={s.score} />
                </CardBody>
              </Card>
            )}
            {s.fillers && (
              <Card aria-labelledby="fillers-title">
                <CardHeader id="fillers-title" title="Filler words" />
                <CardBody>
                  <FillerSummary fillers={s.fillers} />
                </CardBody>
              </Card>
            )}
            {s.keywords && (
              <Card aria-labelledby="keywords-title">
                <CardHeader id="keywords-title" title="Keywords" />
                <CardBody>
                  <KeywordSummary keywords={s.keywords} />
                </CardBody>
              </Card>
            )}
            {s.pauses && (
              <Card aria-labelledby="pauses-title">
                <CardHeader id="pauses-title" title="Pauses" />
                <CardBody>
                  <PauseList pauses={s.pauses} onSeek={onSeek} />
                </CardBody>
              </Card>
            )}
            {s.targetTime && (
              <Card aria-labelledby="target-title">
                <CardHeader id="target-title" title="Length" />
                <CardBody>
                  <TargetTimeSummary targetTime={s.targetTime} />
                </CardBody>
              </Card>
            )}
          </div>
        </div>
      </div>
      <ConfirmDialog
        open={deleting}
        title="Delete this session?"
        description="Its score, transcript and recording are deleted. This cannot be undone."
        confirmLabel="Delete session"
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => setDeleting(false)}
        onConfirm={() => remove.mutate({ id: s.id })}
      />
    </>
  );
}
