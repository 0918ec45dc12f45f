'use client';
// The last card of the organization settings: deleting the organization, confirmed by typing its name.
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Dialog, DialogFormActions } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toastAfterNavigation } from '@/components/ui/toast';
import type { OrganizationDto } from '@/server/domain/organizations/organization.schema';

export function DangerZone({ organization }: { organization: OrganizationDto }) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.organization.delete.mutationOptions({
      // A full page load: every cache of this organization goes, and / picks where to land (another one, or onboarding).
      // The toast travels with it, so the person knows why they are looking at another organization.
      onSuccess: () => {
        toastAfterNavigation(`${organization.name} was deleted`);
        window.location.assign('/');
      },
    }),
  );
  const busy = remove.isPending || remove.isSuccess;

  return (
    <Card aria-labelledby="danger-zone-title" className="border-red-200">
      <CardHeader id="danger-zone-title" title={<span className="text-red-700">Danger zone</span>} description="Actions here cannot be undone." />
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-5">
        <div className="max-w-xl min-w-0 space-y-1 text-sm">
          <p className="font-medium text-zinc-900">Delete this organization</p>
          <p className="text-zinc-500">Its settings, members, API keys and security log are deleted for good. Integrations using its API keys stop working at once.</p>
        </div>
        <Button variant="danger" onClick={() => (remove.reset(), setConfirming(true))}>
          Delete organization
        </Button>
      </div>
      <Dialog
        open={confirming}
        onClose={() => !busy && setConfirming(false)}
        title={`Delete ${organization.name}?`}
        description="Everyone in it loses access at once, and its members, API keys and security log are deleted with it. There is no undo."
        role="alertdialog"
      >
        <DeleteOrganizationForm
          name={organization.name}
          busy={busy}
          error={remove.isError ? readServerError(remove.error).message : null}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirming(false)}
        />
      </Dialog>
    </Card>
  );
}

// Mounted afresh each time the dialog opens, so the typed name starts empty.
function DeleteOrganizationForm(props: { name: string; busy: boolean; error: string | null; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  // Typing the name proves the user means this organization, not just the one a quick click landed on.
  const matches = typed.trim() === props.name.trim();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (matches && !props.busy) props.onConfirm();
  };

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {props.error && <Alert tone="error">{props.error}</Alert>}
      <FormField id={id} label={`Type “${props.name}” to confirm`} className="wrap-anywhere">
        <Input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoCapitalize="off" spellCheck={false} disabled={props.busy} />
      </FormField>
      <DialogFormActions onCancel={props.onCancel} busy={props.busy} submitLabel="Delete organization" variant="danger" disabled={!matches} />
    </form>
  );
}
