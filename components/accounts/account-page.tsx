'use client';
// /{org}/settings/accounts/{id}: one sender account — its details, the member who owns it, its settings (name → value,
// read by the providers that send from it) and the programs it is subscribed to (inbound traffic to it runs them).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { AccountIcon, ProgramIcon } from '@/components/contacts/icons';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { readServerError } from '@/components/forms/server-error';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { Select } from '@/components/ui/select';
import { stickyEndCell } from '@/components/ui/table-scroller';
import { useToast } from '@/components/ui/toast';
import { accountInput, settingInput, settingNamePath, type AccountDto } from '@/server/domain/accounts/account.schema';
import { PROGRAM_LABELS, type ProgramDto } from '@/server/domain/programs/program.schema';

const TYPE_LABEL = { email: 'Email address', phone: 'Phone number', extension: 'Extension' } as const;
const PLACEHOLDER = { email: 'sales@dealer.example', phone: '+1 512 555 0142', extension: '204' } as const;
const settingForm = z.object({ name: settingNamePath, value: settingInput.shape.value });
type Setting = { name: string; value: string };

export function AccountPage({ organizationId, accountId }: { organizationId: string; accountId: string }) {
  const trpc = useTRPC();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('accounts:read');
  const account = useQuery(trpc.accounts.get.queryOptions({ id: accountId }, { enabled: allowed }));
  if (organization.data && !allowed) return <><PageHeader eyebrow="Sender account" title="Sender account" /><Alert tone="info">Your role cannot see sender accounts. Ask an owner or admin.</Alert></>;
  return <QueryState query={account} loadingLabel="Loading the account" frame="page">{(a) => <AccountView organizationId={organizationId} account={a} />}</QueryState>;
}

function AccountView({ organizationId, account }: { organizationId: string; account: AccountDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { can } = useOrganizationAccess();
  const manage = can('accounts:manage');
  const remove = useMutation(trpc.accounts.delete.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.accounts.pathFilter());

  return (
    <>
      <PageHeader
        eyebrow="Sender account"
        title={account.name}
        description={<><Link href={`/${organizationId}/settings/accounts`} className="text-accent-700 underline underline-offset-2">All sender accounts</Link> · {TYPE_LABEL[account.type]} <span className="inline-block max-w-full break-all">{account.address}</span></>}
        action={manage ? <Button variant="danger" onClick={() => setConfirming(true)}>Delete account</Button> : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <DetailsCard key={`details-${account.updatedAt}`} account={account} manage={manage} onSaved={refresh} />
        <OwnerCard key={`owner-${account.owner?.id ?? ''}`} account={account} manage={manage} onSaved={refresh} />
        <SettingsCard account={account} manage={manage} onSaved={refresh} />
        <ProgramsCard account={account} manage={manage} onSaved={refresh} />
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${account.name}”?`}
        description="Its settings and subscriptions go with it. An account whose traffic a program handles cannot be deleted."
        confirmLabel="Delete account"
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => { setConfirming(false); remove.reset(); }}
        onConfirm={async () => {
          try {
            await remove.mutateAsync({ id: account.id });
          } catch {
            return;
          }
          toast(`“${account.name}” deleted`);
          await refresh();
          router.push(`/${organizationId}/settings/accounts`);
        }}
      />
    </>
  );
}

function DetailsCard({ account, manage, onSaved }: { account: AccountDto; manage: boolean; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const toast = useToast();
  const update = useMutation(trpc.accounts.update.mutationOptions());
  const form = useZodForm({
    schema: accountInput,
    initialValues: { name: account.name, type: account.type as AccountDto['type'], address: account.address, active: account.active },
    onSubmit: async (input) => {
      await update.mutateAsync({ id: account.id, account: input });
      toast('Account saved');
      await onSaved();
    },
  });
  const type = form.values.type as AccountDto['type'];
  return (
    <Card aria-labelledby="account-details">
      <CardHeader id="account-details" title="Details" description="Phone numbers are stored in E.164; a number without + is read in the organization’s default country." />
      <form noValidate onSubmit={form.handleSubmit}>
        <CardBody className="space-y-5">
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          <FormField id={form.id('name')} label="Name" error={form.error('name')}>
            <Input {...form.text('name')} autoComplete="off" readOnly={!manage} />
          </FormField>
          <FormField id={form.id('type')} label="Type" error={form.error('type')}>
            <Select {...form.text('type')} disabled={!manage}>
              <option value="email">Email address</option>
              <option value="phone">Phone number</option>
              <option value="extension">Extension</option>
            </Select>
          </FormField>
          <FormField id={form.id('address')} label={TYPE_LABEL[type]} error={form.error('address')}>
            <Input {...form.text('address')} type={type === 'email' ? 'email' : type === 'phone' ? 'tel' : 'text'} inputMode={type === 'extension' ? 'numeric' : undefined} placeholder={PLACEHOLDER[type]} autoComplete="off" readOnly={!manage} />
          </FormField>
          <Checkbox id={form.id('active')} label="Active" description="A paused account sends nothing." checked={form.values.active} disabled={!manage} onChange={(e) => form.setValue('active', e.target.checked)} />
        </CardBody>
        {manage && <CardFooter><Button type="submit" busy={form.submitting}>Save</Button></CardFooter>}
      </form>
    </Card>
  );
}

function OwnerCard({ account, manage, onSaved }: { account: AccountDto; manage: boolean; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const toast = useToast();
  const members = useQuery(trpc.organization.members.queryOptions());
  const setOwner = useMutation(trpc.accounts.setOwner.mutationOptions());
  const [owner, setOwnerValue] = useState(account.owner?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      await setOwner.mutateAsync({ id: account.id, userId: owner || null });
    } catch (e) {
      setError(readServerError(e).message);
      return;
    }
    toast(owner ? 'Owner set' : 'The account now belongs to the organization');
    await onSaved();
  };
  const current = account.owner ? `${account.owner.firstName} ${account.owner.lastName}`.trim() || account.owner.email : null;
  return (
    <Card aria-labelledby="account-owner">
      <CardHeader id="account-owner" title="Owner" description="The member whose address this is; without one it is the organization’s." />
      <CardBody className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        <p className="text-sm text-zinc-700">{current ? <>Owned by <span className="font-medium text-zinc-900">{current}</span>{account.owner && <span className="break-all text-zinc-500"> · {account.owner.email}</span>}</> : 'The organization’s (no owner).'}</p>
        {manage && (
          <QueryState query={members} loadingLabel="Loading members">
            {(list) => (
              <form
                className="flex flex-col gap-3 sm:flex-row sm:items-end"
                onSubmit={(e) => {
                  e.preventDefault();
                  void save();
                }}
              >
                <FormField id="account-owner-select" label="Owner" className="min-w-0 flex-1">
                  <Select id="account-owner-select" value={owner} onChange={(e) => setOwnerValue(e.target.value)}>
                    <option value="">No owner (the organization’s)</option>
                    {list.map((m) => <option key={m.userId} value={m.userId}>{`${m.firstName} ${m.lastName}`.trim() || m.email} ({m.email})</option>)}
                  </Select>
                </FormField>
                <Button type="submit" variant="secondary" busy={setOwner.isPending} disabled={owner === (account.owner?.id ?? '')}>Set owner</Button>
              </form>
            )}
          </QueryState>
        )}
      </CardBody>
    </Card>
  );
}

function SettingsCard({ account, manage, onSaved }: { account: AccountDto; manage: boolean; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const toast = useToast();
  const account$ = useQuery(trpc.accounts.get.queryOptions({ id: account.id }));
  const put = useMutation(trpc.accounts.setSetting.mutationOptions());
  const remove = useMutation(trpc.accounts.deleteSetting.mutationOptions());
  const [removing, setRemoving] = useState<Setting | null>(null);
  const rows = useMemo(() => Object.entries(account.settings).map(([name, value]) => ({ name, value })), [account.settings]);
  const form = useZodForm({
    schema: settingForm,
    initialValues: { name: '', value: '' },
    guard: false,
    onSubmit: async (input) => {
      const replacing = input.name in account.settings;
      await put.mutateAsync({ id: account.id, name: input.name, value: input.value });
      toast(replacing ? `Setting “${input.name}” changed` : `Setting “${input.name}” added`);
      form.reset({ name: '', value: '' });
      await onSaved();
    },
  });
  const columns = useMemo<DataTableColumn<Setting>[]>(
    () => [
      { id: 'name', header: 'Name', meta: { className: 'font-mono text-xs break-all text-zinc-900' }, cell: ({ row }) => row.original.name },
      { id: 'value', header: 'Value', meta: { className: 'break-all text-zinc-700' }, cell: ({ row }) => row.original.value || <span className="text-zinc-400">(empty)</span> },
      ...(manage
        ? [{
            id: 'actions',
            header: () => <span className="sr-only">Actions</span>,
            meta: { align: 'right' as const, className: `whitespace-nowrap ${stickyEndCell}` },
            cell: ({ row }: { row: { original: Setting } }) => (
              <div className="flex justify-end gap-1">
                <Button size="sm" variant="ghost" aria-label={`Edit ${row.original.name}`} onClick={() => { form.reset({ name: row.original.name, value: row.original.value }); document.getElementById(form.id('value'))?.focus(); }}>Edit</Button>
                <Button size="sm" variant="ghost" aria-label={`Remove ${row.original.name}`} onClick={() => setRemoving(row.original)}>Remove</Button>
              </div>
            ),
          }]
        : []),
    ],
    // form.reset and form.id are stable enough for a table's buttons: they act on the latest form.
    [manage],
  );
  return (
    <Card aria-labelledby="account-settings">
      <CardHeader id="account-settings" title="Settings" description="Named values the provider sending from this account reads (a signature, a reply-to, a caller id…)." />
      <DataTable
        label="Account settings"
        columns={columns}
        query={account$}
        rows={rows}
        getRowId={(s) => s.name}
        loadingLabel="Loading settings"
        empty={<CardBody><EmptyState icon={<AccountIcon />} title="No settings" description={manage ? 'Add one below.' : 'None has been set.'} /></CardBody>}
      />
      {manage && (
        <form noValidate onSubmit={form.handleSubmit} aria-label="Add or change a setting">
          <CardBody className="grid gap-4 border-t border-zinc-100 sm:grid-cols-2">
            {form.formError && <Alert tone="error" className="sm:col-span-2">{form.formError}</Alert>}
            <FormField id={form.id('name')} label="Setting name" error={form.error('name')}>
              <Input {...form.text('name')} placeholder="e.g. replyTo" autoComplete="off" spellCheck={false} />
            </FormField>
            <FormField id={form.id('value')} label="Value" error={form.error('value')}>
              <Input {...form.text('value')} autoComplete="off" />
            </FormField>
          </CardBody>
          <CardFooter><Button type="submit" variant="secondary" busy={form.submitting}>{form.values.name in account.settings ? 'Change setting' : 'Add setting'}</Button></CardFooter>
        </form>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove the setting “${removing?.name ?? ''}”?`}
        description="Providers sending from this account no longer read it."
        confirmLabel="Remove setting"
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => { setRemoving(null); remove.reset(); }}
        onConfirm={async () => {
          try {
            await remove.mutateAsync({ id: account.id, name: removing!.name });
          } catch {
            return;
          }
          toast('Setting removed');
          setRemoving(null);
          await onSaved();
        }}
      />
    </Card>
  );
}

function ProgramsCard({ account, manage, onSaved }: { account: AccountDto; manage: boolean; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const toast = useToast();
  const { can } = useOrganizationAccess();
  // The organization's programs, by name (the picker and the subscribed list's names): the first 200, newest first.
  const programs = useQuery(trpc.programs.list.queryOptions({ limit: 200, offset: 0, ordering: 'name' }, { enabled: can('programs:read') }));
  const subscribe = useMutation(trpc.accounts.subscribe.mutationOptions());
  const unsubscribe = useMutation(trpc.accounts.unsubscribe.mutationOptions());
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [clearing, setClearing] = useState(false);
  const byId = useMemo(() => new Map((programs.data?.results ?? []).map((p) => [p.id, p])), [programs.data]);
  const rows = useMemo(() => account.programIds.map((id) => byId.get(id) ?? ({ id, name: 'A program', type: null } as unknown as ProgramDto)), [account.programIds, byId]);
  const available = (programs.data?.results ?? []).filter((p) => !account.programIds.includes(p.id));
  const act = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(readServerError(e).message);
      return false;
    }
    toast(done);
    await onSaved();
    return true;
  };
  const columns = useMemo<DataTableColumn<ProgramDto>[]>(
    () => [
      { id: 'name', header: 'Program', cell: ({ row }) => <span className="font-medium break-words text-zinc-900">{row.original.name}</span> },
      { id: 'type', header: 'Type', meta: { className: 'whitespace-nowrap' }, cell: ({ row }) => (row.original.type ? <Badge tone="accent">{PROGRAM_LABELS[row.original.type]}</Badge> : null) },
      ...(manage
        ? [{
            id: 'actions',
            header: () => <span className="sr-only">Actions</span>,
            meta: { align: 'right' as const, className: `whitespace-nowrap ${stickyEndCell}` },
            cell: ({ row }: { row: { original: ProgramDto } }) => (
              <Button size="sm" variant="ghost" aria-label={`Unsubscribe from ${row.original.name}`} onClick={() => void act(() => unsubscribe.mutateAsync({ id: account.id, programId: row.original.id }), `Unsubscribed from “${row.original.name}”`)}>Unsubscribe</Button>
            ),
          }]
        : []),
    ],
    // act closes over the latest mutations; the table's buttons need no re-creation for them.
    [manage, account.id],
  );
  return (
    <Card aria-labelledby="account-programs">
      <CardHeader
        id="account-programs"
        title="Program subscriptions"
        description="Traffic that reaches this account (a received SMS, email or fax) runs the programs it is subscribed to."
        action={manage && account.programIds.length > 0 ? <Button size="sm" variant="ghost" onClick={() => setClearing(true)}>Unsubscribe from all</Button> : undefined}
      />
      {error && <CardBody><Alert tone="error">{error}</Alert></CardBody>}
      <DataTable
        label="Subscribed programs"
        columns={columns}
        query={programs}
        rows={programs.data ? rows : undefined}
        getRowId={(p) => p.id}
        loadingLabel="Loading programs"
        empty={<CardBody><EmptyState icon={<ProgramIcon />} title="Not subscribed to any program" description={manage ? 'Choose one below.' : undefined} /></CardBody>}
      />
      {manage && (
        <form
          className="flex flex-col gap-3 border-t border-zinc-100 px-4 py-4 sm:flex-row sm:items-end sm:px-6"
          onSubmit={async (e) => {
            e.preventDefault();
            const program = byId.get(choice);
            if (!program) return setError('Choose a program to subscribe to');
            if (await act(() => subscribe.mutateAsync({ id: account.id, programId: program.id }), `Subscribed to “${program.name}”`)) setChoice('');
          }}
        >
          <FormField id="account-program-select" label="Subscribe to" className="min-w-0 flex-1">
            <Select id="account-program-select" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={available.length === 0}>
              <option value="">{available.length === 0 ? (programs.isPending ? 'Loading programs…' : 'No other program') : 'Choose a program…'}</option>
              {available.map((p) => <option key={p.id} value={p.id}>{p.name} ({PROGRAM_LABELS[p.type]})</option>)}
            </Select>
          </FormField>
          <Button type="submit" variant="secondary" busy={subscribe.isPending} disabled={!choice}>Subscribe</Button>
        </form>
      )}
      <ConfirmDialog
        open={clearing}
        title="Unsubscribe from every program?"
        description="Traffic to this account then runs no program until you subscribe it again."
        confirmLabel="Unsubscribe from all"
        busy={unsubscribe.isPending}
        onCancel={() => setClearing(false)}
        onConfirm={async () => {
          if (await act(() => unsubscribe.mutateAsync({ id: account.id }), 'Unsubscribed from every program')) setClearing(false);
        }}
      />
    </Card>
  );
}
