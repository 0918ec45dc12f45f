'use client';
// The dealer records their own side of a live call, for coaching: the customer is told on screen (the call's
// `recording` flag, live through the platform) while it runs. The microphone already in the call is recorded with
// issue 9's recorder (16 kHz WAV made in the browser), streamed to the media store and attached to the call, where
// it becomes the dealer's session scored by the same engine. A call that ends mid-recording still saves it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useRef, useState } from 'react';
import { formatDuration } from '@/components/coaching/format';
import { readServerError } from '@/components/forms/server-error';
import { uploadFile } from '@/components/media/upload-file';
import { useRecorder, type Recording } from '@/components/practice/use-recorder';
import { useSpeechRecognition } from '@/components/practice/use-speech-recognition';
import { useTRPC } from '@/components/providers/trpc';
import { transcriptFromText } from '@/components/review/add-transcript-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

type Saving = { state: 'idle' } | { state: 'saving'; progress: number } | { state: 'saved'; sessionId: string } | { state: 'failed'; message: string };

export function CallRecorder({ organizationId, callId, active, stream }: { organizationId: string; callId: string; active: boolean; stream: MediaStream | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const elapsed = useRef(0);
  const streamRef = useRef(stream);
  streamRef.current = stream;
  const speech = useSpeechRecognition();
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const onAir = useMutation(trpc.calls.setRecording.mutationOptions());
  const attach = useMutation(trpc.calls.attachRecording.mutationOptions());

  // Uploads and attaches; runs to the end even when the call room has gone (the call ended while recording).
  const save = useCallback(
    async (recording: Recording, words: string | null) => {
      setSaving({ state: 'saving', progress: 0 });
      try {
        const { uploadId } = await uploadFile({ kind: 'audio', file: recording.wav, organizationId, onProgress: (progress) => setSaving({ state: 'saving', progress }) });
        const session = await attach.mutateAsync({ id: callId, recording: { audioUploadId: uploadId, ...(words && { transcript: transcriptFromText(words), transcriptSource: 'browser' as const }) } });
        setSaving({ state: 'saved', sessionId: session.id });
        await Promise.all([queryClient.invalidateQueries(trpc.sessions.pathFilter()), queryClient.invalidateQueries(trpc.calls.pathFilter())]);
      } catch (error) {
        setSaving({ state: 'failed', message: readServerError(error).message });
      }
    },
    [attach, callId, organizationId, queryClient, trpc],
  );

  const recorder = useRecorder((s) => (elapsed.current = s), {
    stream: () => streamRef.current,
    onAbandoned: (recording) => void save(recording, speech.stop()),
  });

  const start = async () => {
    setSaving({ state: 'idle' });
    await onAir.mutateAsync({ id: callId, recording: true });
    await recorder.start();
    speech.start(() => elapsed.current);
  };
  const stop = async () => {
    const words = speech.stop();
    const recording = recorder.stop();
    onAir.mutate({ id: callId, recording: false });
    if (recording) await save(recording, words);
  };

  const recording = recorder.phase === 'recording';
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        {recording ? (
          <>
            <Button variant="secondary" onClick={() => void stop()}>
              <span aria-hidden className="size-2.5 rounded-sm bg-red-600" />
              Stop recording
            </Button>
            <span className="inline-flex items-center gap-2 text-sm font-medium text-red-700" role="status">
              <span aria-hidden className="size-2 animate-pulse rounded-full bg-red-600" />
              Recording your side · <span className="tabular-nums">{formatDuration(recorder.elapsed)}</span>
            </span>
          </>
        ) : (
          <>
            <Button variant="secondary" busy={onAir.isPending || recorder.phase === 'requesting'} disabled={!active || saving.state === 'saving' || saving.state === 'saved'} onClick={() => void start().catch((e: unknown) => setSaving({ state: 'failed', message: readServerError(e).message }))}>
              <span aria-hidden className="size-2.5 rounded-full bg-red-600" />
              Record my side
            </Button>
            {saving.state === 'idle' && <span className="text-sm text-zinc-500">For coaching: scored like a practice session. The customer is told.</span>}
          </>
        )}
      </div>
      {recorder.problem && <Alert tone="warning">{recorder.problem}</Alert>}
      {saving.state === 'saving' && (
        <p className="text-sm text-zinc-600" role="status">
          Saving your recording… {Math.round(saving.progress * 100)}%
        </p>
      )}
      {saving.state === 'saved' && (
        <Alert tone="success">
          Recording saved.{' '}
          <Link href={`/${organizationId}/sessions/${saving.sessionId}`} className="font-medium underline">
            See its score
          </Link>
        </Alert>
      )}
      {saving.state === 'failed' && <Alert tone="error">The recording could not be saved: {saving.message}</Alert>}
    </div>
  );
}
