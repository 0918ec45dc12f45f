'use client';
// Recording a pitch: start (the browser asks for the microphone), a level meter and a timer against the module's
// target, stop, listen back, redo or submit. The WAV is streamed to the media store, then the session is recorded
// with it — with the words typed or pasted here, or heard by the browser's speech recognition where it has one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { describeSeconds, formatDuration, formatElapsed } from '@/components/coaching/format';
import { readServerError } from '@/components/forms/server-error';
import { uploadFile } from '@/components/media/upload-file';
import { useTRPC } from '@/components/providers/trpc';
import { transcriptFromText } from '@/components/review/add-transcript-form';
import { MicIcon } from '@/components/shell/nav-icons';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { controlClass, Input } from '@/components/ui/input';
import { OPPORTUNITY_MAX } from '@/server/domain/sessions/session.schema';
import { Label } from '@/components/ui/label';
import { SpeechToTextNotice, useSpeechToText } from './speech-to-text-notice';
import { useRecorder } from './use-recorder';
import { useSpeechRecognition } from './use-speech-recognition';

export function Recorder({ organizationId, moduleId, targetTime }: { organizationId: string; moduleId: string; targetTime: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const elapsedRef = useRef(0);
  const recorder = useRecorder((s) => (elapsedRef.current = s));
  const speech = useSpeechRecognition();
  const speechToText = useSpeechToText();
  const [transcript, setTranscript] = useState('');
  const [heard, setHeard] = useState<string | null>(null);
  const [opportunity, setOpportunity] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const record = useMutation(trpc.sessions.record.mutationOptions());

  const start = async () => {
    setProblem(null);
    setHeard(null);
    await recorder.start();
    speech.start(() => elapsedRef.current);
  };
  const stop = () => {
    recorder.stop();
    const vtt = speech.stop();
    if (vtt) {
      setHeard(vtt);
      setTranscript((t) => t || vtt);
    }
  };
  const redo = () => {
    speech.stop();
    recorder.redo();
    setHeard(null);
    setProgress(null);
    setProblem(null);
  };

  const submit = async () => {
    if (!recorder.recording) return;
    setProblem(null);
    try {
      setProgress(0);
      const { uploadId } = await uploadFile({ kind: 'audio', file: recorder.recording.wav, organizationId, onProgress: setProgress });
      const words = transcript.trim();
      const session = await record.mutateAsync({
        moduleId,
        opportunity: opportunity.trim() || null,
        audioUploadId: uploadId,
        ...(words && { transcript: transcriptFromText(words), transcriptSource: heard && words === heard.trim() ? ('browser' as const) : ('upload' as const) }),
      });
      await Promise.all([queryClient.invalidateQueries(trpc.sessions.pathFilter()), queryClient.invalidateQueries(trpc.account.me.pathFilter())]);
      router.push(`/${organizationId}/sessions/${session.id}`);
    } catch (error) {
      setProgress(null);
      const server = readServerError(error);
      setProblem(server.fieldErrors.length ? server.fieldErrors.slice(0, 3).map((f) => `${f.path}: ${f.message}`).join('; ') : server.message);
    }
  };

  const over = recorder.elapsed > targetTime;
  const share = Math.min(1, recorder.elapsed / targetTime);
  const busy = progress !== null;

  return (
    <div className="space-y-5">
      {recorder.problem && (
        <Alert tone="error" title="Recording could not start" action={<Button size="sm" variant="secondary" onClick={start}>Try again</Button>}>
          {recorder.problem}
        </Alert>
      )}
      {problem && <Alert tone="error" title="The session was not recorded">{problem}</Alert>}

      {(recorder.phase === 'idle' || recorder.phase === 'blocked' || recorder.phase === 'requesting') && <SpeechToTextNotice />}
      {(recorder.phase === 'idle' || recorder.phase === 'blocked' || recorder.phase === 'requesting') && (
        <div className="flex flex-col items-center gap-3 py-6 text-center">
          <Button onClick={start} busy={recorder.phase === 'requesting'} className="h-12 px-6 text-base">
            <MicIcon /> {recorder.phase === 'requesting' ? 'Waiting for the microphone…' : 'Start recording'}
          </Button>
          <p className="max-w-sm text-sm text-zinc-500">
            {recorder.phase === 'requesting' ? 'Allow the microphone in the prompt your browser shows.' : `Your browser will ask to use the microphone. Aim for ${describeSeconds(targetTime)}.`}
          </p>
        </div>
      )}

      {recorder.phase === 'recording' && (
        <div className="space-y-4">
          <div className="flex items-center justify-between gap-4">
            <p className="flex items-center gap-2 text-sm font-medium text-red-600">
              <span aria-hidden className="inline-block size-2.5 animate-pulse rounded-full bg-red-600" /> Recording
            </p>
            <p className="font-mono text-2xl tabular-nums" aria-live="off" aria-label={`Elapsed ${formatElapsed(recorder.elapsed)} of ${formatDuration(targetTime)}`}>
              <span className={over ? 'text-amber-700' : 'text-zinc-900'}>{formatElapsed(recorder.elapsed)}</span>
              <span className="text-zinc-500"> / {formatDuration(targetTime)}</span>
            </p>
          </div>
          <div className="space-y-1">
            <p className="text-xs text-zinc-500">Time</p>
            <div className="h-2 overflow-hidden rounded-full bg-zinc-100" role="progressbar" aria-label="Time against the target" aria-valuemin={0} aria-valuemax={targetTime} aria-valuenow={Math.round(recorder.elapsed)}>
              <div className={cx('h-full rounded-full transition-[width]', over ? 'bg-amber-500' : 'bg-accent-500')} style={{ width: `${share * 100}%` }} />
            </div>
            {over && <p className="text-sm text-amber-700">Past the target: wrap up.</p>}
          </div>
          <div className="space-y-1">
            <p className="text-xs text-zinc-500">Microphone level</p>
            <div className="h-3 overflow-hidden rounded-full bg-zinc-100" role="meter" aria-label="Microphone level" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(recorder.level * 100)}>
              <div className={cx('h-full rounded-full', recorder.level > 0.9 ? 'bg-red-500' : 'bg-emerald-500')} style={{ width: `${recorder.level * 100}%` }} />
            </div>
          </div>
          <div className="flex justify-center">
            <Button variant="danger" onClick={stop} className="h-11 px-6">
              Stop
            </Button>
          </div>
        </div>
      )}

      {recorder.phase === 'stopped' && recorder.recording && (
        <div className="space-y-5">
          <div className="space-y-2">
            <p className="text-sm text-zinc-600">
              Recorded {formatDuration(recorder.recording.seconds)} (target {formatDuration(targetTime)}). Listen back, or redo it.
            </p>
            <audio controls src={recorder.recording.url} className="w-full" aria-label="Your recording" />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-opportunity`} optional>
              Opportunity
            </Label>
            <Input id={`${id}-opportunity`} value={opportunity} onChange={(e) => setOpportunity(e.target.value)} maxLength={OPPORTUNITY_MAX} placeholder="e.g. Acme fleet renewal" />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-transcript`} optional={speechToText !== false}>
              What you said
            </Label>
            <textarea
              id={`${id}-transcript`}
              rows={4}
              value={transcript}
              onChange={(e) => setTranscript(e.target.value)}
              placeholder="Hi, thanks for taking my call… (plain text is fine)"
              className={cx(controlClass, 'py-2 font-mono text-xs')}
            />
            <p className="text-sm text-zinc-500">
              {heard
                ? 'Your browser heard these words; correct them if needed.'
                : speechToText === false
                  ? 'Type or paste your words — plain text is fine: they are spread over your recording to score fillers, pace and keywords. Left empty, the recording is scored on its pauses, length and energy, and you can add the words later.'
                  : 'Optional: plain text, or WebVTT or JSON words with times. Left empty, the recording is transcribed for you.'}
            </p>
          </div>
          {progress !== null && (
            <div className="h-2 overflow-hidden rounded-full bg-zinc-100" role="progressbar" aria-label="Uploading the recording" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
              <div className="h-full rounded-full bg-accent-500" style={{ width: `${progress * 100}%` }} />
            </div>
          )}
          <div className="flex flex-wrap justify-end gap-3">
            <Button variant="secondary" onClick={redo} disabled={busy}>
              Redo
            </Button>
            <Button onClick={submit} busy={busy}>
              Submit for scoring
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
