'use client';
// Confirms taking someone off a team; deleting their practice sessions too is a separate, explicit choice.
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';

export function RemoveMemberDialog(props: {
  member: { id: string; name: string; sessions: number } | null;
  teamName: string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: (purge: boolean) => void;
}) {
  const id = useId();
  const m = props.member;
  // The choice belongs to the member it was made for, so the next member's dialog starts unticked.
  const [purgeFor, setPurgeFor] = useState<string | null>(null);
  const purge = m !== null && purgeFor === m.id;
  return (
    <Dialog
      open={m !== null}
      role="alertdialog"
      onClose={() => !props.busy && props.onCancel()}
      title={`Remove ${m?.name ?? ''} from ${props.teamName}?`}
      description="They stay in the organization and keep their sessions, unless you choose otherwise below."
      footer={
        <>
          <Button variant="secondary" onClick={props.onCancel} disabled={props.busy} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={props.busy} onClick={() => props.onConfirm(purge)}>
            {purge ? 'Remove and delete sessions' : 'Remove from team'}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {props.error && <Alert tone="error">{props.error}</Alert>}
        <Checkbox
          id={`${id}-purge`}
          checked={purge}
          onChange={(e) => setPurgeFor(e.target.checked && m ? m.id : null)}
          disabled={!m?.sessions}
          label={m?.sessions ? `Also delete their ${m.sessions} practice ${m.sessions === 1 ? 'session' : 'sessions'}` : 'They have no practice sessions to delete'}
          description="Deleted sessions, recordings and scores cannot be recovered."
        />
      </div>
    </Dialog>
  );
}
