'use client';
// The dealer records their own side of a live call, for coaching: the customer is told on screen (the call's
// `recording` flag, live through the platform) while it runs. The microphone already in the call is recorded with
// issue 9's recorder (16 kHz WAV made in the browser), streamed to the media store and attached to the call, where
// it becomes the dealer's session scored by the same engine. A call that ends mid-recording still saves it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { formatElapsed } from '@/components/coaching/format';
import { readServerError } from '@/components/forms/server-error';
import { useSpeechToText } from '@/components/practice/speech-to-text-notice';
import { useRecorder, type Recording } from '@/components/practice/use-recorder';
import { useSpeechRecognition } from '@/components/practice/use-speech-recognition';
import { useTRPC, useTRPCClient } from '@/components/providers/trpc';
import { transcriptFromText } from '@/components/review/add-transcript-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { saveCallRecording, useCallRecordingSave } from './call-recording-saves';
import { RecordingSaveStatus } from './recording-save-status';

export function CallRecorder({ organizationId, callId, active, stream }: { organizationId: string; callId: string; active: boolean; stream: MediaStream | null }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const elapsed = useRef(0);
  const streamRef = useRef(stream);
  streamRef.current = stream;
  const speech = useSpeechRecognition();
  const speechToText = useSpeechToText();
  const { save: saving } = useCallRecordingSave(callId);
  const [problem, setProblem] = useState<string | null>(null);
  const onAir = useMutation(trpc.calls.setRecording.mutationOptions());

  // The save outlives this component (see call-recording-saves): the vanilla tRPC client and the query client belong
  // to the organization's provider, not to the call room, so they still answer once the call has ended.
  const save = useCallback(
    (recording: Recording, words: string | null) => {
      URL.revokeObjectURL(recording.url); // only the WAV is sent; nothing plays it here
      return saveCallRecording({
        organizationId,
        callId,
        wav: recording.wav,
        attach: (uploadId) => client.calls.attachRecording.mutate({ id: callId, recording: { audioUploadId: uploadId, ...(words && { transcript: transcriptFromText(words), transcriptSource: 'browser' as const }) } }),
        onSaved: () => Promise.all([queryClient.invalidateQueries(trpc.sessions.pathFilter()), queryClient.invalidateQueries(trpc.calls.pathFilter())]),
      });
    },
    [callId, client, organizationId, queryClient, trpc],
  );

  const recorder = useRecorder((s) => (elapsed.current = s), {
    stream: () => streamRef.current,
    onAbandoned: (recording) => {
      void save(recording, speech.stop());
      // The room went while the call may still be on (the dealer left the console): the customer must stop being
      // told they are recorded. A call that already ended shows no notice, and the server says so without a change.
      void client.calls.setRecording.mutate({ id: callId, recording: false }).catch(() => undefined);
    },
  });

  const start = async () => {
    setProblem(null);
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
              Recording your side · <span className="tabular-nums">{formatElapsed(recorder.elapsed)}</span>
            </span>
          </>
        ) : (
          <>
            <Button variant="secondary" busy={onAir.isPending || recorder.phase === 'requesting'} disabled={!active || saving?.state === 'saving' || saving?.state === 'saved'} onClick={() => void start().catch((e: unknown) => setProblem(readServerError(e).message))}>
              <span aria-hidden className="size-2.5 rounded-full bg-red-600" />
              Record my side
            </Button>
            {!saving && (
              <span className="text-sm text-zinc-500">
                For coaching: scored like a practice session. The customer is told.
                {speechToText === false && ' This server has no speech-to-text: it is scored on your pauses, length and voice at once; add the words on its session page to score fillers and pace too.'}
              </span>
            )}
          </>
        )}
      </div>
      {recorder.problem && <Alert tone="warning">{recorder.problem}</Alert>}
      {problem && <Alert tone="error">Recording could not start: {problem}</Alert>}
      <RecordingSaveStatus organizationId={organizationId} callId={callId} />
    </div>
  );
}
