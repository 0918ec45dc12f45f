'use client';
// /{org}/settings/providers: the gateways messages go out through — SMTP, Twilio, a signed HTTP webhook, Kannel, or the
// built-in sink that delivers nothing (for demos and trials: it keeps every message on this machine) — with a form per type (the secret is write-only: left empty on edit, the stored one is kept) and "Send a test", which
// sends one real message through the gateway and shows its answer.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { GatewayIcon } from '@/components/contacts/icons';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { stickyEndCell } from '@/components/ui/table-scroller';
import { useToast } from '@/components/ui/toast';
import { PROVIDER_ORDERING, type ProviderDto, type ProviderOrderingField } from '@/server/domain/providers/provider.schema';

type Type = ProviderDto['type'];
type Service = ProviderDto['serviceFlags'][number];
const TYPES: Record<Type, { label: string; services: Service[]; host: string; hostHint: string; user: string; secret: string }> = {
  smtp: { label: 'SMTP (email, email-to-fax)', services: ['email', 'fax'], host: 'smtp.example.com', hostHint: 'A hostname or IP address', user: 'Username', secret: 'Password' },
  twilio: { label: 'Twilio (SMS, voice)', services: ['sms', 'voice'], host: 'https://api.twilio.com', hostHint: 'Base URL of Twilio or a Twilio-compatible gateway', user: 'Account SID', secret: 'Auth token' },
  http: { label: 'HTTP webhook (SMS)', services: ['sms'], host: 'https://gateway.example.com', hostHint: 'Base URL; messages are posted as signed JSON', user: 'Username (optional, Basic auth)', secret: 'Signing key (HMAC-SHA256)' },
  kannel: { label: 'Kannel (SMS)', services: ['sms'], host: 'kannel.example.com', hostHint: 'The smsbox host (sendsms interface)', user: 'sendsms username', secret: 'sendsms password' },
  sink: { label: 'Built-in sink (delivers nothing)', services: ['sms', 'email', 'voice', 'fax'], host: '', hostHint: '', user: '', secret: '' },
};
/** Where the sink keeps what it is given, said wherever a sink provider is shown. */
const SINK_NOTE = 'Nothing leaves this machine: every message is kept in the database instead of being sent — texts, calls and faxes at /dev/sink, emails in the development mailbox at /dev/mail, both readable from this machine only while mail is not configured (SMTP_URL unset). For demos and trying campaigns out; connect a real gateway to reach people.';
const SERVICE_LABEL: Record<Service, string> = { sms: 'SMS', email: 'Email', voice: 'Voice', fax: 'Fax' };

type Draft = { name: string; type: Type; serviceFlags: Service[]; host: string; port: string; username: string; password: string; timeoutSeconds: string; ratePerSecond: string; faxDomain: string; prefix: string; weight: string; active: boolean };
const emptyDraft = (type: Type = 'smtp'): Draft => ({ name: '', type, serviceFlags: type === 'sink' ? [...TYPES.sink.services] : [TYPES[type].services[0]!], host: type === 'twilio' ? 'https://api.twilio.com' : '', port: '', username: '', password: '', timeoutSeconds: '', ratePerSecond: '', faxDomain: '', prefix: '', weight: '1', active: true });
const draftOf = (p: ProviderDto): Draft => ({ name: p.name, type: p.type, serviceFlags: p.serviceFlags, host: p.host, port: p.port ? String(p.port) : '', username: p.username, password: '', timeoutSeconds: p.settings.timeoutSeconds ? String(p.settings.timeoutSeconds) : '', ratePerSecond: p.settings.ratePerSecond ? String(p.settings.ratePerSecond) : '', faxDomain: p.settings.faxDomain ?? '', prefix: p.prefix ?? '', weight: String(p.weight), active: p.active });

function bodyOf(d: Draft) {
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  // The sink is built in: no host, credentials, timeout or number prefix (the fields are hidden, their values dropped).
  if (d.type === 'sink') return { name: d.name, type: d.type, serviceFlags: d.serviceFlags, host: '', port: null, username: '', settings: { ...(num(d.ratePerSecond) && { ratePerSecond: num(d.ratePerSecond) }) }, prefix: null, weight: num(d.weight) ?? 1, active: d.active };
  return {
    name: d.name,
    type: d.type,
    serviceFlags: d.serviceFlags,
    host: d.host,
    port: num(d.port) ?? null,
    username: d.username,
    ...(d.password && { password: d.password }),
    settings: { ...(num(d.timeoutSeconds) && { timeoutSeconds: num(d.timeoutSeconds) }), ...(num(d.ratePerSecond) && { ratePerSecond: num(d.ratePerSecond) }), ...(d.faxDomain.trim() && { faxDomain: d.faxDomain.trim() }) },
    prefix: d.prefix.trim() || null,
    weight: num(d.weight) ?? 1,
    active: d.active,
  };
}

export function ProvidersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('providers:read');
  const manage = can('providers:manage');
  const list = useTableUrlState<ProviderOrderingField>({ defaultOrdering: 'name', sortable: PROVIDER_ORDERING, limit: 25 });
  const providers = useQuery(trpc.providers.list.queryOptions({ limit: list.limit, offset: list.offset, ordering: list.ordering }, { placeholderData: keepPreviousData, enabled: allowed }));
  const remove = useMutation(trpc.providers.delete.mutationOptions());
  const [editing, setEditing] = useState<ProviderDto | null>(null);
  const [deleting, setDeleting] = useState<ProviderDto | null>(null);
  const [testing, setTesting] = useState<ProviderDto | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.providers.pathFilter());

  const columns = useMemo<DataTableColumn<ProviderDto>[]>(
    () => [
      { id: 'name', header: 'Provider', sortDescFirst: false, cell: ({ row }) => <div className="min-w-36"><p className="font-medium break-words text-zinc-900">{row.original.name}</p><p className="text-xs break-all text-zinc-500">{row.original.type === 'sink' ? 'Built in: kept on this machine (/dev/sink, /dev/mail)' : `${row.original.host}${row.original.port ? `:${row.original.port}` : ''}`}</p></div> },
      { id: 'type', header: 'Type', sortDescFirst: false, meta: { className: 'whitespace-nowrap' }, cell: ({ row }) => TYPES[row.original.type].label.split(' (')[0] },
      { id: 'services', enableSorting: false, header: 'Services', cell: ({ row }) => <div className="flex flex-wrap gap-1">{row.original.serviceFlags.map((s) => <Badge key={s} tone="accent">{SERVICE_LABEL[s]}</Badge>)}</div> },
      { id: 'weight', header: 'Weight', meta: { priority: 'low' }, cell: ({ row }) => row.original.weight },
      { id: 'active', enableSorting: false, header: 'State', cell: ({ row }) => <Badge tone={row.original.active ? 'success' : 'neutral'}>{row.original.active ? 'Active' : 'Paused'}</Badge> },
      ...(manage
        ? [{
            id: 'actions',
            enableSorting: false,
            header: () => <span className="sr-only">Actions</span>,
            meta: { align: 'right' as const, className: `whitespace-nowrap ${stickyEndCell}` },
            cell: ({ row }: { row: { original: ProviderDto } }) => (
              <div className="flex justify-end gap-1">
                <Button size="sm" variant="ghost" onClick={() => setTesting(row.original)} aria-label={`Send a test through ${row.original.name}`}>Send a test</Button>
                <Button size="sm" variant="ghost" onClick={() => setEditing(row.original)} aria-label={`Edit ${row.original.name}`}>Edit</Button>
                <Button size="sm" variant="danger-ghost" onClick={() => setDeleting(row.original)} aria-label={`Delete ${row.original.name}`}>Delete</Button>
              </div>
            ),
          }]
        : []),
    ],
    [manage],
  );

  if (organization.data && !allowed) return <><PageHeader eyebrow="Settings" title="Providers" /><Alert tone="info">Your role cannot see providers. Ask an owner or admin.</Alert></>;
  return (
    <>
      <PageHeader eyebrow="Settings" title="Providers" description="The gateways your messages go out through. Among the active providers of a service, each message picks one by weight." />
      {manage && <ProviderForm key={editing?.id ?? 'new'} editing={editing} onDone={async (message) => { setEditing(null); toast(message); await refresh(); }} onCancel={() => setEditing(null)} />}
      <Card>
        <CardHeader title={providers.data ? `${providers.data.count} ${providers.data.count === 1 ? 'provider' : 'providers'}` : 'Providers'} />
        <DataTable
          label="Providers"
          columns={columns}
          query={providers}
          rows={providers.data?.results}
          count={providers.data?.count}
          url={list}
          loadingLabel="Loading providers"
          getRowId={(p) => p.id}
          empty={<EmptyState icon={<GatewayIcon />} title="No providers yet" description="Connect an SMTP server for email, or Twilio, an HTTP gateway or Kannel for SMS — or add the built-in sink to try sending without a gateway (it delivers nothing)." />}
        />
      </Card>
      {testing && <TestDialog provider={testing} onClose={() => setTesting(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="Messages already sent keep their history. A provider delivering right now cannot be deleted: pause it first."
        confirmLabel="Delete provider"
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => { setDeleting(null); remove.reset(); }}
        onConfirm={async () => {
          try {
            await remove.mutateAsync({ id: deleting!.id });
          } catch {
            return;
          }
          toast('Provider deleted');
          setDeleting(null);
          await refresh();
        }}
      />
    </>
  );
}

function ProviderForm({ editing, onDone, onCancel }: { editing: ProviderDto | null; onDone: (message: string) => Promise<void>; onCancel: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.providers.create.mutationOptions());
  const update = useMutation(trpc.providers.update.mutationOptions());
  const [d, setD] = useState<Draft>(editing ? draftOf(editing) : emptyDraft());
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const spec = TYPES[d.type];
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const fieldError = (path: string) => error?.fields[path];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (editing) await update.mutateAsync({ id: editing.id, provider: bodyOf(d) });
      else await create.mutateAsync(bodyOf(d) as never);
      if (!editing) setD(emptyDraft(d.type));
      await onDone(editing ? `Provider “${d.name}” saved` : `Provider “${d.name}” added`);
    } catch (err) {
      const read = readServerError(err);
      setError({ message: read.message, fields: Object.fromEntries(read.fieldErrors.map((f) => [f.path, f.message])) });
    }
  };
  return (
    <Card className="mb-6" aria-labelledby="provider-form">
      <CardHeader id="provider-form" title={editing ? `Edit “${editing.name}”` : 'New provider'} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <CardBody className="grid gap-5 sm:grid-cols-3">
          {error && <Alert tone="error" className="sm:col-span-3">{error.message}</Alert>}
          <FormField id="provider-type" label="Type" error={fieldError('type')}>
            <Select id="provider-type" value={d.type} onChange={(e) => { const type = e.target.value as Type; setD((x) => ({ ...x, type, serviceFlags: type === 'sink' ? [...TYPES.sink.services] : [TYPES[type].services[0]!], host: type === 'twilio' && !x.host ? 'https://api.twilio.com' : type === 'sink' ? '' : x.host })); }}>
              {(Object.keys(TYPES) as Type[]).map((t) => <option key={t} value={t}>{TYPES[t].label}</option>)}
            </Select>
          </FormField>
          <FormField id="provider-name" label="Name" error={fieldError('name')}>
            <Input id="provider-name" value={d.name} onChange={(e) => set('name', e.target.value)} placeholder="e.g. Office mail server" autoComplete="off" />
          </FormField>
          <fieldset className="flex flex-wrap items-end gap-4">
            <legend className="mb-2 text-sm font-medium text-zinc-800">Services</legend>
            {spec.services.map((s) => (
              <Checkbox key={s} id={`provider-service-${s}`} label={SERVICE_LABEL[s]} checked={d.serviceFlags.includes(s)} onChange={(e) => set('serviceFlags', e.target.checked ? [...d.serviceFlags, s] : d.serviceFlags.filter((x) => x !== s))} />
            ))}
            {fieldError('serviceFlags') && <p className="w-full text-sm text-red-700">{fieldError('serviceFlags')}</p>}
          </fieldset>
          {d.type === 'sink' && (
            <Alert tone="info" className="sm:col-span-3" title="A built-in sink, not a gateway">{SINK_NOTE}</Alert>
          )}
          {d.type !== 'sink' && (<>
          <FormField id="provider-host" label={d.type === 'twilio' || d.type === 'http' ? 'Base URL' : 'Host'} hint={spec.hostHint} error={fieldError('host')} className="sm:col-span-2">
            <Input id="provider-host" value={d.host} onChange={(e) => set('host', e.target.value)} placeholder={spec.host} autoComplete="off" spellCheck={false} />
          </FormField>
          <FormField id="provider-port" label="Port" optional error={fieldError('port')}>
            <Input id="provider-port" value={d.port} onChange={(e) => set('port', e.target.value.replace(/\D/g, ''))} inputMode="numeric" placeholder={d.type === 'smtp' ? '587' : d.type === 'kannel' ? '13013' : ''} />
          </FormField>
          <FormField id="provider-username" label={spec.user} optional={d.type !== 'twilio'} error={fieldError('username')}>
            <Input id="provider-username" value={d.username} onChange={(e) => set('username', e.target.value)} autoComplete="off" spellCheck={false} />
          </FormField>
          <FormField id="provider-password" label={spec.secret} optional hint={editing?.hasPassword ? 'Stored and never shown. Leave empty to keep it.' : 'Stored encrypted and never shown again.'} error={fieldError('password')}>
            <Input id="provider-password" type="password" value={d.password} onChange={(e) => set('password', e.target.value)} autoComplete="new-password" />
          </FormField>
          </>)}
          <FormField id="provider-weight" label="Weight" hint="Share of traffic among providers of a service" error={fieldError('weight')}>
            <Input id="provider-weight" value={d.weight} onChange={(e) => set('weight', e.target.value.replace(/\D/g, ''))} inputMode="numeric" />
          </FormField>
          {d.type !== 'sink' && (
            <FormField id="provider-timeout" label="Timeout (seconds)" optional hint="Default 15" error={fieldError('settings.timeoutSeconds')}>
              <Input id="provider-timeout" value={d.timeoutSeconds} onChange={(e) => set('timeoutSeconds', e.target.value.replace(/\D/g, ''))} inputMode="numeric" />
            </FormField>
          )}
          <FormField id="provider-rate" label="Messages per second" optional hint="Across every worker" error={fieldError('settings.ratePerSecond')}>
            <Input id="provider-rate" value={d.ratePerSecond} onChange={(e) => set('ratePerSecond', e.target.value.replace(/[^\d.]/g, ''))} inputMode="decimal" />
          </FormField>
          {d.type === 'smtp' ? (
            <FormField id="provider-fax" label="Fax domain" optional hint="For email-to-fax: number@domain" error={fieldError('settings.faxDomain')}>
              <Input id="provider-fax" value={d.faxDomain} onChange={(e) => set('faxDomain', e.target.value)} placeholder="fax.example.com" />
            </FormField>
          ) : d.type === 'sink' ? null : (
            <FormField id="provider-prefix" label="Number prefix" optional hint="Put before each destination number" error={fieldError('prefix')}>
              <Input id="provider-prefix" value={d.prefix} onChange={(e) => set('prefix', e.target.value)} inputMode="tel" />
            </FormField>
          )}
          <Checkbox id="provider-active" label="Active" description="Paused providers send nothing" checked={d.active} onChange={(e) => set('active', e.target.checked)} />
          {editing && Object.keys(editing.inboundUrls).length > 0 && (
            <div className="text-sm text-zinc-600 sm:col-span-3">
              <p className="font-medium text-zinc-800">Webhook addresses for the gateway</p>
              <ul className="mt-1 space-y-1">{Object.entries(editing.inboundUrls).map(([kind, url]) => <li key={kind}><span className="inline-block w-16 text-zinc-500">{kind}</span> <code className="break-all">{url}</code></li>)}</ul>
            </div>
          )}
        </CardBody>
        <CardFooter className="gap-2">
          <Button type="submit" busy={create.isPending || update.isPending}>{editing ? 'Save provider' : 'Add provider'}</Button>
          {editing && <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>}
        </CardFooter>
      </form>
    </Card>
  );
}

function TestDialog({ provider, onClose }: { provider: ProviderDto; onClose: () => void }) {
  const trpc = useTRPC();
  const test = useMutation(trpc.providers.test.mutationOptions());
  const [service, setService] = useState<Service>(provider.serviceFlags[0]!);
  const [to, setTo] = useState('');
  const result = test.data;
  const failure = test.error ? readServerError(test.error).message : null;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Send a test through “${provider.name}”`}
      description={provider.type === 'sink' ? 'The built-in sink keeps the message on this machine (nothing is sent); where to read it is shown here.' : 'One real message goes out through the gateway; its answer is shown here.'}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Close</Button>
          <Button busy={test.isPending} disabled={!to.trim()} onClick={() => test.mutate({ id: provider.id, test: { to: to.trim(), service } })}>Send test</Button>
        </>
      }
    >
      <div className="grid gap-4">
        {provider.serviceFlags.length > 1 && (
          <FormField id="test-service" label="Service">
            <Select id="test-service" value={service} onChange={(e) => setService(e.target.value as Service)}>
              {provider.serviceFlags.map((s) => <option key={s} value={s}>{SERVICE_LABEL[s]}</option>)}
            </Select>
          </FormField>
        )}
        <FormField id="test-to" label={service === 'email' ? 'Email address' : 'Phone number'}>
          <Input id="test-to" value={to} onChange={(e) => setTo(e.target.value)} type={service === 'email' ? 'email' : 'tel'} placeholder={service === 'email' ? 'you@example.com' : '+1 512 555 0142'} autoComplete="off" />
        </FormField>
        {failure && <Alert tone="error">{failure}</Alert>}
        {result && (
          <Alert tone={result.ok ? 'success' : 'error'}>
            <p>{result.message}</p>
            {result.messageId && <p className="mt-1 text-xs break-all">Message id: <code>{result.messageId}</code></p>}
            {result.response && <pre className="mt-2 max-h-40 overflow-auto text-xs whitespace-pre-wrap">{JSON.stringify(result.response, null, 2)}</pre>}
          </Alert>
        )}
      </div>
    </Dialog>
  );
}
