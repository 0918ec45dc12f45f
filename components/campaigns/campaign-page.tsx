'use client';
// /{org}/campaigns/{id}: one campaign — a progress bar and counts per state that follow its campaign.progress events
// (live-queries.ts invalidates the campaign's queries as they arrive), a chart of sends per minute against its cpm,
// and the controls its status allows: start or resume, stop, schedule a start or stop (at a time or on a cron
// expression), drop the schedules, cancel, delete (only before it started; the page says why otherwise). Each state
// change asks first.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { Chart } from '@/components/charts/chart';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { describedBy, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { QueryError } from '@/components/ui/query-error';
import { Select } from '@/components/ui/select';
import { toastAfterNavigation, useToast } from '@/components/ui/toast';
import { STARTED_STATUSES, type CampaignDto } from '@/server/domain/campaigns/campaign.schema';
import { cronPreview, durationText, nextRunsText } from './campaign-format';
import { CampaignProgress, CampaignStatusBadge, dateTime } from './campaign-status';

type Action = 'start' | 'stop' | 'cancel' | 'delete' | 'unschedule';

const COUNTS: { key: keyof CampaignDto['counts']; label: string; tone: string; hint?: string }[] = [
  { key: 'total', label: 'Total', tone: 'text-zinc-900' },
  { key: 'pending', label: 'Pending', tone: 'text-zinc-700', hint: 'Not yet sent, or failed with tries left' },
  { key: 'processing', label: 'Sending', tone: 'text-accent-700' },
  { key: 'sent', label: 'Sent', tone: 'text-emerald-700' },
  { key: 'retrying', label: 'Retrying', tone: 'text-amber-700', hint: 'Failed, with tries left (counted in pending)' },
  { key: 'failed', label: 'Failed', tone: 'text-red-700', hint: 'No try left' },
  { key: 'invalid', label: 'Invalid', tone: 'text-amber-800', hint: 'Cannot be sent, e.g. no email address' },
];

const TIME = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });

export function CampaignPage({ organizationId, id }: { organizationId: string; id: string }) {
  const trpc = useTRPC();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('campaigns:read');
  const manage = can('campaigns:manage');
  const campaign = useQuery(trpc.campaigns.get.queryOptions({ id }, { enabled: allowed }));
  const rate = useQuery(trpc.campaigns.sendRate.queryOptions({ id }, { enabled: allowed && !!campaign.data }));
  const crumbs = [{ href: `/${organizationId}/campaigns`, label: 'Campaigns' }, { label: campaign.data?.name ?? 'Campaign' }];
  if (organization.data && !allowed)
    return (
      <>
        <PageHeader eyebrow="Outreach" title="Campaign" breadcrumbs={crumbs} />
        <Alert tone="info">Your role cannot see campaigns. Ask an owner, admin or manager.</Alert>
      </>
    );
  if (campaign.error) return <><PageHeader eyebrow="Outreach" title="Campaign" breadcrumbs={crumbs} /><QueryError error={campaign.error} onRetry={() => void campaign.refetch()} /></>;
  if (!campaign.data) return <PageSkeleton />;
  const c = campaign.data;
  const remaining = c.counts.pending + c.counts.processing;
  return (
    <>
      <PageHeader
        eyebrow="Campaign"
        title={c.name}
        breadcrumbs={crumbs}
        description={<>{c.program.name} → <Link className="text-accent-700 underline underline-offset-2" href={`/${organizationId}/contacts/groups/${c.group.id}`}>{c.group.name}</Link>{c.continuous && ' · continuous'}</>}
        action={<Link href={`/${organizationId}/campaigns/${c.id}/report`} className={buttonClass('secondary')}>Delivery report</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="campaign-progress">
          <CardHeader id="campaign-progress" title="Progress" action={<span data-testid="campaign-status"><CampaignStatusBadge status={c.status} /></span>} />
          <CardBody className="space-y-5">
            <div>
              <div className="mb-2 flex items-baseline justify-between gap-3">
                <p className="text-3xl font-semibold whitespace-nowrap text-zinc-900 tabular-nums" data-testid="campaign-percent">{Math.round(c.progress * 100)} %</p>
                <p className="text-right text-sm text-zinc-500">
                  {c.status === 'running' && remaining > 0 ? <>{remaining.toLocaleString('en')} left · {durationText(remaining, c.cpm)} at {c.cpm.toLocaleString('en')}/min</> : c.status === 'completed' && c.completedAt ? <>Completed {dateTime(c.completedAt)}</> : c.counts.total === 0 ? <>{c.group.size.toLocaleString('en')} contacts · {durationText(c.group.size, c.cpm)} at {c.cpm.toLocaleString('en')}/min</> : null}
                </p>
              </div>
              <CampaignProgress label="Campaign progress" progress={c.progress} counts={c.counts} />
            </div>
            <dl className="grid grid-cols-3 gap-2 sm:grid-cols-4 sm:gap-3 xl:grid-cols-7">
              {COUNTS.map((k) => (
                <div key={k.key} className="min-w-0 rounded-lg bg-zinc-50 px-2.5 py-2 sm:px-3" title={k.hint}>
                  <dt className="text-xs text-zinc-500">{k.label}</dt>
                  <dd className={`text-lg font-semibold tabular-nums ${k.tone}`} data-testid={`count-${k.key}`}>{c.counts[k.key].toLocaleString('en')}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
        <Card aria-labelledby="campaign-controls">
          <CardHeader id="campaign-controls" title="Controls" />
          <CardBody>
            <Controls organizationId={organizationId} campaign={c} manage={manage} />
          </CardBody>
        </Card>
        <Card className="lg:col-span-2 lg:self-start" aria-labelledby="campaign-rate">
          <CardHeader id="campaign-rate" title="Sends per minute" description={`Against the pace of ${c.cpm.toLocaleString('en')} a minute`} />
          <CardBody>
            <RateChart campaign={c} points={rate.data?.points} loading={rate.isPending} />
          </CardBody>
        </Card>
        <Card aria-labelledby="campaign-details">
          <CardHeader id="campaign-details" title="Details" />
          <CardBody>
            <dl className="space-y-3 text-sm">
              <Detail label="Program">{c.program.name}</Detail>
              <Detail label="Group">{c.group.name} · {c.group.size.toLocaleString('en')} contacts</Detail>
              <Detail label="Sender account">{c.account ? `${c.account.name} · ${c.account.address}` : 'Default'}</Detail>
              <Detail label="Pace">{c.cpm.toLocaleString('en')} messages a minute</Detail>
              <Detail label="Tries per contact">{c.tryAllowed}</Detail>
              {c.startedAt && <Detail label="Started">{dateTime(c.startedAt)}</Detail>}
              {c.stoppedAt && <Detail label="Stopped">{dateTime(c.stoppedAt)}</Detail>}
              <Detail label="Created">{dateTime(c.createdAt)}</Detail>
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="font-medium break-words text-zinc-900">{children}</dd>
    </div>
  );
}

function RateChart({ campaign, points, loading }: { campaign: CampaignDto; points: { minute: number; sent: number; failed: number }[] | undefined; loading: boolean }) {
  // A quiet minute on each side: the pace line spans the bars even when everything went out within one minute.
  const data = useMemo(() => {
    const list = points ?? [];
    if (list.length === 0) return [];
    const quiet = (minute: number) => ({ minute, sent: 0, failed: 0 });
    return [quiet(list[0]!.minute - 60_000), ...list, quiet(list.at(-1)!.minute + 60_000)].map((p) => ({ ...p, cpm: campaign.cpm }));
  }, [points, campaign.cpm]);
  if (loading) return <div className="h-60 animate-pulse rounded-lg bg-zinc-100" />;
  if (data.length === 0) return <p className="py-16 text-center text-sm text-zinc-500">Nothing sent yet: the chart fills in once the campaign sends.</p>;
  const active = points ?? [];
  const peak = Math.max(...active.map((d) => d.sent + d.failed));
  const average = active.reduce((n, d) => n + d.sent + d.failed, 0) / active.length;
  // A round top a little above the higher of the pace and the busiest minute.
  const top = Math.max(campaign.cpm, peak) * 1.1;
  const step = 10 ** Math.floor(Math.log10(top)) / 2;
  return (
    <Chart
      title="Sends per minute against the campaign's pace"
      summary={`${active.length} minutes of sending: on average ${average.toFixed(1)} sends a minute, at most ${peak}, against a pace of ${campaign.cpm} a minute.`}
      data={data}
      x={{ key: 'minute', type: 'time', format: (v) => TIME.format(new Date(v)) }}
      y={{ domain: [0, Math.ceil(top / step) * step], format: (v) => String(Math.round(v)) }}
      series={[
        { key: 'sent', label: 'Sent', kind: 'bar', color: 'emerald' },
        { key: 'failed', label: 'Failed', kind: 'bar', color: 'red' },
        { key: 'cpm', label: 'Pace (cpm)', kind: 'line', color: 'amber' },
      ]}
    />
  );
}

function Controls({ organizationId, campaign: c, manage }: { organizationId: string; campaign: CampaignDto; manage: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = useMutation(trpc.campaigns.start.mutationOptions());
  const stop = useMutation(trpc.campaigns.stop.mutationOptions());
  const cancel = useMutation(trpc.campaigns.cancel.mutationOptions());
  const remove = useMutation(trpc.campaigns.delete.mutationOptions());
  const unschedule = useMutation(trpc.campaigns.cancelSchedule.mutationOptions());
  const busy = start.isPending || stop.isPending || cancel.isPending || remove.isPending || unschedule.isPending;
  if (!manage) return <p className="text-sm text-zinc-500">Your role can follow this campaign but not start or stop it.</p>;
  const started = STARTED_STATUSES.includes(c.status);
  const finished = c.status === 'completed' || c.status === 'cancelled';
  const left = c.counts.total === 0 ? c.group.size : c.counts.pending + c.counts.processing;

  const run = async (action: Action) => {
    setError(null);
    try {
      if (action === 'start') await start.mutateAsync({ id: c.id });
      if (action === 'stop') await stop.mutateAsync({ id: c.id });
      if (action === 'cancel') await cancel.mutateAsync({ id: c.id });
      if (action === 'unschedule') await unschedule.mutateAsync({ id: c.id });
      if (action === 'delete') {
        await remove.mutateAsync({ id: c.id });
        await queryClient.invalidateQueries(trpc.campaigns.list.pathFilter());
        toastAfterNavigation('Campaign deleted');
        router.push(`/${organizationId}/campaigns`);
        return;
      }
      await queryClient.invalidateQueries(trpc.campaigns.pathFilter());
      setConfirming(null);
      toast(action === 'start' ? (c.startedAt ? 'Campaign resumed' : 'Campaign started') : action === 'stop' ? 'Campaign stopped' : action === 'cancel' ? 'Campaign cancelled' : 'Schedule removed');
    } catch (e) {
      setError(readServerError(e).message);
    }
  };

  const dialogs: Record<Action, { title: string; body: string; confirm: string; danger?: boolean }> = {
    start: c.startedAt
      ? { title: `Resume “${c.name}”?`, body: `It sends what is left: ${left.toLocaleString('en')} ${left === 1 ? 'message' : 'messages'} at ${c.cpm.toLocaleString('en')} a minute (${durationText(left, c.cpm)}).`, confirm: 'Resume' }
      : { title: `Start “${c.name}”?`, body: `It sends “${c.program.name}” to the ${c.group.size.toLocaleString('en')} contacts of ${c.group.name} at ${c.cpm.toLocaleString('en')} a minute (${durationText(c.group.size, c.cpm)}).`, confirm: 'Start sending' },
    stop: { title: `Stop “${c.name}”?`, body: 'Nothing more is sent once it stops (a message already with the gateway still arrives). Resume any time: it sends exactly what is left.', confirm: 'Stop sending', danger: true },
    cancel: { title: `Cancel “${c.name}” for good?`, body: 'What is left is never sent and it cannot be started again; what was sent stays in its report.', confirm: 'Cancel campaign', danger: true },
    delete: { title: `Delete “${c.name}”?`, body: 'It never started, so nothing was sent. Its schedules go with it.', confirm: 'Delete', danger: true },
    unschedule: { title: 'Remove its schedules?', body: 'The campaign will not start or stop by itself; you can still do it here.', confirm: 'Remove schedules', danger: true },
  };
  const d = confirming ? dialogs[confirming] : null;
  return (
    <div className="space-y-4">
      {error && !confirming && <Alert tone="error">{error}</Alert>}
      {finished ? (
        <p className="text-sm text-zinc-600">{c.status === 'completed' ? 'Every transmission has settled: there is nothing left to send.' : 'Cancelled: what was left will not be sent.'}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {(c.status === 'draft' || c.status === 'scheduled' || c.status === 'stopped') && <Button onClick={() => setConfirming('start')}>{c.startedAt ? 'Resume' : 'Start now'}</Button>}
          {c.status === 'running' && <Button variant="danger" onClick={() => setConfirming('stop')}>Stop</Button>}
          <Button variant="secondary" onClick={() => { setError(null); setScheduling(true); }}>Schedule…</Button>
        </div>
      )}
      {c.schedules.length > 0 && (
        <div className="rounded-lg bg-accent-50 p-3 text-sm text-accent-900">
          <ul className="space-y-1">
            {c.schedules.map((s) => (
              <li key={s.id}>
                {s.action === 'start' ? 'Starts' : 'Stops'} {dateTime(s.nextAt)}
                {s.cron && <> · <code className="font-mono text-xs">{s.cron}</code> (UTC)</>}
              </li>
            ))}
          </ul>
          <Button size="sm" variant="ghost" className="mt-2 -ml-2" onClick={() => setConfirming('unschedule')}>Remove schedule</Button>
        </div>
      )}
      <div className="space-y-2 border-t border-zinc-100 pt-4">
        {c.status === 'stopped' || c.status === 'running' ? <Button variant="danger-ghost" size="sm" className="-ml-2.5" onClick={() => setConfirming('cancel')}>Cancel campaign…</Button> : null}
        {started ? (
          <p className="text-sm text-zinc-500" id="delete-refused">
            It cannot be deleted: it has started, and its deliveries stay on record. {finished ? '' : 'Cancel it to stop it for good.'}
          </p>
        ) : (
          <Button variant="danger-ghost" size="sm" className="-ml-2.5" onClick={() => setConfirming('delete')}>Delete campaign…</Button>
        )}
      </div>
      <Dialog
        open={d !== null}
        onClose={() => !busy && setConfirming(null)}
        title={d?.title ?? ''}
        description={d?.body}
        role="alertdialog"
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)} disabled={busy} autoFocus>Not now</Button>
            <Button variant={d?.danger ? 'danger' : 'primary'} busy={busy} onClick={() => confirming && void run(confirming)}>{d?.confirm}</Button>
          </>
        }
      >
        {error && confirming && <Alert tone="error">{error}</Alert>}
      </Dialog>
      <ScheduleDialog open={scheduling} campaign={c} onClose={() => setScheduling(false)} />
    </div>
  );
}

function ScheduleDialog({ open, campaign: c, onClose }: { open: boolean; campaign: CampaignDto; onClose: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const schedule = useMutation(trpc.campaigns.schedule.mutationOptions());
  const [action, setAction] = useState<'start' | 'stop'>(c.status === 'running' ? 'stop' : 'start');
  const [mode, setMode] = useState<'at' | 'cron'>('at');
  const [at, setAt] = useState('');
  const [cron, setCron] = useState('0 9 * * 1-5');
  const [errors, setErrors] = useState<{ at?: string; cron?: string; form?: string }>({});
  const preview = mode === 'cron' ? cronPreview(cron) : null;
  const validate = (v: { mode: 'at' | 'cron'; at: string; cron: string }) => {
    const found: { at?: string; cron?: string } = {};
    if (v.mode === 'at') {
      if (!v.at || Number.isNaN(new Date(v.at).getTime())) found.at = 'Choose a date and time';
      else if (new Date(v.at).getTime() <= Date.now()) found.at = 'Must be in the future';
    } else {
      const p = cronPreview(v.cron);
      if ('error' in p) found.cron = p.error;
    }
    return found;
  };
  // As in the app's other forms: a field showing a message is checked again as it changes, and leaving it checks it.
  const recheck = (key: 'at' | 'cron', patch: { at?: string; cron?: string }, always = false) =>
    setErrors((e) => {
      if (!e[key] && !always) return e;
      const found = validate({ mode, at, cron, ...patch })[key];
      return found === e[key] ? e : { ...e, [key]: found, form: undefined };
    });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = validate({ mode, at, cron });
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      await schedule.mutateAsync({ id: c.id, action, ...(mode === 'at' ? { at: new Date(at).toISOString() } : { cron: cron.trim() }) });
      await queryClient.invalidateQueries(trpc.campaigns.pathFilter());
      toast(action === 'start' ? 'Start scheduled' : 'Stop scheduled');
      onClose();
    } catch (err) {
      const read = readServerError(err);
      const f = Object.fromEntries(read.fieldErrors.map((x) => [x.path.split('.').at(-1), x.message.charAt(0).toUpperCase() + x.message.slice(1)]));
      setErrors({ at: f.at, cron: f.cron, form: f.at || f.cron ? undefined : read.message });
    }
  };
  return (
    <Dialog
      open={open}
      onClose={() => !schedule.isPending && onClose()}
      title="Schedule"
      description="The campaign starts (or resumes) or stops by itself at a time, or whenever a cron expression fires."
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={schedule.isPending}>Cancel</Button>
          <Button type="submit" form="campaign-schedule-form" busy={schedule.isPending}>Schedule</Button>
        </>
      }
    >
      <form id="campaign-schedule-form" noValidate className="space-y-4" onSubmit={(e) => void submit(e)}>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="schedule-action" label="Action">
            <Select id="schedule-action" value={action} onChange={(e) => setAction(e.target.value as 'start' | 'stop')}>
              <option value="start">{c.startedAt ? 'Resume' : 'Start'}</option>
              <option value="stop">Stop</option>
            </Select>
          </FormField>
          <FormField id="schedule-mode" label="When">
            <Select id="schedule-mode" value={mode} onChange={(e) => { setMode(e.target.value as 'at' | 'cron'); setErrors({}); }}>
              <option value="at">At a time</option>
              <option value="cron">On a cron schedule</option>
            </Select>
          </FormField>
        </div>
        {mode === 'at' ? (
          <FormField id="schedule-at" label="At" error={errors.at} hint="Your local time">
            <Input id="schedule-at" type="datetime-local" value={at} onChange={(e) => { setAt(e.target.value); recheck('at', { at: e.target.value }); }} onBlur={() => recheck('at', {}, at !== '')} {...describedBy('schedule-at', { hint: true, error: errors.at })} />
          </FormField>
        ) : (
          <FormField id="schedule-cron" label="Cron expression" error={errors.cron} hint={preview && 'next' in preview ? `Next, in your time: ${nextRunsText(preview.next)}` : 'minute hour day-of-month month day-of-week, in UTC'}>
            <Input id="schedule-cron" className="font-mono" value={cron} onChange={(e) => { setCron(e.target.value); recheck('cron', { cron: e.target.value }); }} onBlur={() => recheck('cron', {}, true)} autoComplete="off" spellCheck={false} {...describedBy('schedule-cron', { hint: true, error: errors.cron })} />
          </FormField>
        )}
      </form>
    </Dialog>
  );
}
