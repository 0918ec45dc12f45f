'use client';
// What became of the dealer's recording of a call: its upload progress, saved (with a link to its score), or failed
// with a retry. Shown in the call room and again after the call ended, since a call may end mid-recording.
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useCallRecordingSave } from './call-recording-saves';

export function RecordingSaveStatus({ organizationId, callId }: { organizationId: string; callId: string }) {
  const { save, retry } = useCallRecordingSave(callId);
  if (!save) return null;
  if (save.state === 'saving') {
    return (
      <p className="text-sm text-zinc-600" role="status">
        Saving your recording… {Math.round(save.progress * 100)}% <span className="text-zinc-500">Keep this tab open until it is saved.</span>
      </p>
    );
  }
  if (save.state === 'saved') {
    return (
      <Alert tone="success">
        Recording saved.{' '}
        <Link href={`/${organizationId}/sessions/${save.sessionId}`} className="font-medium underline">
          See its score
        </Link>
      </Alert>
    );
  }
  return (
    <Alert
      tone="error"
      title="Your recording was not saved"
      action={
        <Button variant="secondary" size="sm" onClick={retry}>
          Try again
        </Button>
      }
    >
      {save.message} It stays in this tab until it is saved.
    </Alert>
  );
}
