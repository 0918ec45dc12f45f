'use client';
// The dealer's recordings of live calls on their way to the media store and onto their call, kept outside any
// component: a call that ends mid-recording takes its call room (and the recorder in it) away, yet what was recorded
// must still be saved, its progress and outcome shown wherever the dealer is next (the console, the call's page),
// a failure retried without recording again, and closing the tab before it is saved asked about first.
import { useCallback, useSyncExternalStore } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { UploadError, uploadFile } from '@/components/media/upload-file';

export type RecordingSave = { state: 'saving'; progress: number } | { state: 'saved'; sessionId: string } | { state: 'failed'; message: string };

export type RecordingSaveJob = {
  organizationId: string;
  callId: string;
  wav: Blob;
  /** Attaches the uploaded audio to the call; resolves with the dealer's new session. */
  attach: (uploadId: string) => Promise<{ id: string }>;
  /** After the save: refresh what shows the call and the dealer's sessions. */
  onSaved?: () => Promise<unknown>;
};

const saves = new Map<string, RecordingSave>();
// Kept until saved, so a failed save can be tried again with the same audio.
const jobs = new Map<string, RecordingSaveJob>();
const listeners = new Set<() => void>();

const unsaved = () => [...saves.values()].some((s) => s.state !== 'saved');

// Module-wide like the saves: the recording lives in this tab only until it is stored.
function onBeforeUnload(event: BeforeUnloadEvent) {
  if (!unsaved()) return;
  event.preventDefault();
  event.returnValue = ''; // older browsers need it set to show their prompt
}

function publish(callId: string, save: RecordingSave) {
  saves.set(callId, save);
  if (unsaved()) window.addEventListener('beforeunload', onBeforeUnload);
  else window.removeEventListener('beforeunload', onBeforeUnload);
  for (const listener of listeners) listener();
}

async function run(job: RecordingSaveJob) {
  publish(job.callId, { state: 'saving', progress: 0 });
  let sessionId: string;
  try {
    const { uploadId } = await uploadFile({ kind: 'audio', file: job.wav, organizationId: job.organizationId, onProgress: (progress) => publish(job.callId, { state: 'saving', progress }) });
    sessionId = (await job.attach(uploadId)).id;
  } catch (error) {
    publish(job.callId, { state: 'failed', message: error instanceof UploadError ? error.message : readServerError(error).message });
    return;
  }
  jobs.delete(job.callId);
  publish(job.callId, { state: 'saved', sessionId });
  await job.onSaved?.().catch(() => undefined);
}

/** Uploads the recording and attaches it to its call; runs to the end whatever the page does meanwhile. */
export function saveCallRecording(job: RecordingSaveJob): Promise<void> {
  jobs.set(job.callId, job);
  return run(job);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** How the save of this call's recording is going (null when none was made in this tab), and a retry after a failure. */
export function useCallRecordingSave(callId: string | null) {
  const save = useSyncExternalStore(
    subscribe,
    () => (callId ? (saves.get(callId) ?? null) : null),
    () => null,
  );
  const retry = useCallback(() => {
    const job = callId ? jobs.get(callId) : undefined;
    if (job) void run(job);
  }, [callId]);
  return { save, retry };
}
