'use client';
// A pending invite's actions: copy its link (to hand over another way: a chat, a text), send it again (a fresh link
// by email, also for an expired invite), or revoke it. The copied link is shown too, in case the clipboard refuses.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import type { InvitedDto } from '@/server/domain/teams/team.schema';

export function InviteActions({ invite, onRevoke }: { invite: InvitedDto; onRevoke: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const fieldId = useId();
  const [shown, setShown] = useState<{ url: string; copied: boolean; renewed: boolean } | null>(null);
  const link = useMutation(
    trpc.invites.link.mutationOptions({
      onSuccess: async (r) => {
        let copied = false;
        try {
          await navigator.clipboard.writeText(r.url);
          copied = true;
        } catch {
          // No clipboard (an insecure page, a refused permission): the dialog shows the link to copy by hand.
        }
        setShown({ url: r.url, copied, renewed: r.renewed });
      },
      onError: (e) => toast(readServerError(e).message, 'error'),
    }),
  );
  const resend = useMutation(
    trpc.invites.resend.mutationOptions({
      onSuccess: async (r) => {
        toast(`Invite sent again to ${r.email}; the earlier link no longer works`);
        await queryClient.invalidateQueries(trpc.teams.pathFilter());
      },
      onError: (e) => toast(readServerError(e).message, 'error'),
    }),
  );
  const expired = invite.status === 'expired';
  return (
    <div className="flex flex-wrap justify-end gap-1">
      {!expired && (
        <Button variant="ghost" size="sm" busy={link.isPending} aria-label={`Copy the invite link for ${invite.email}`} onClick={() => link.mutate({ id: invite.id })}>
          Copy link
        </Button>
      )}
      <Button variant="ghost" size="sm" busy={resend.isPending} aria-label={`Send the invite to ${invite.email} again`} onClick={() => resend.mutate({ id: invite.id })}>
        Resend
      </Button>
      <Button variant="danger-ghost" size="sm" aria-label={`Revoke the invite to ${invite.email}`} onClick={onRevoke}>
        Revoke
      </Button>
      <Dialog
        open={shown !== null}
        onClose={() => setShown(null)}
        title={shown?.copied ? 'Invite link copied' : 'Invite link'}
        description={
          <>
            {shown?.copied ? 'It is on your clipboard: paste it to ' : 'Select the link and copy it for '}
            <span className="font-medium break-all text-zinc-900">{invite.email}</span>. Anyone with it can join as them, so send it only to them.
            {shown?.renewed && ' This is a new link: the one in the earlier email no longer works.'}
          </>
        }
        footer={<Button onClick={() => setShown(null)}>Done</Button>}
      >
        <label htmlFor={fieldId} className="sr-only">
          Invite link
        </label>
        <Input id={fieldId} readOnly value={shown?.url ?? ''} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
      </Dialog>
    </div>
  );
}
