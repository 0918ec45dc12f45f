'use client';
// /{org}/campaigns/new: a campaign in three steps — what and to whom (program, group with its size), how fast (sender
// account, messages per minute with the resulting duration, tries), and when (now, at a time, on a cron schedule, or
// kept as a draft). Each step checks its fields before the next, with the message beside the field and focus on the
// first wrong one; Enter moves on. The cron expression is read by cron-parser (the parser the server uses) as it is
// typed, showing its next runs or what is wrong. A campaign created before its schedule failed is not created twice.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { cx } from '@/components/ui/cx';
import { describedBy, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { toastAfterNavigation } from '@/components/ui/toast';
import { MAX_CPM, MAX_TRIES } from '@/server/domain/campaigns/campaign.schema';
import { cronPreview, durationText, nextRunsText } from './campaign-format';

const SENDING = ['sendsms', 'sendemail', 'sendfax', 'voicetts', 'voicemessage'];
const STEPS = ['Message and audience', 'Pace', 'When'] as const;
type When = 'now' | 'at' | 'cron' | 'draft';
type Errors = Partial<Record<'programId' | 'groupId' | 'name' | 'accountId' | 'cpm' | 'tryAllowed' | 'at' | 'cron', string>>;
type Values = { programId: string; groupId: string; name: string; cpm: string; tries: string; continuous: boolean; when: When; at: string; cron: string };
/** The step each field is on (a server refusal sends the user back to it). */
const STEP_OF: Record<keyof Errors, number> = { programId: 0, groupId: 0, name: 0, accountId: 1, cpm: 1, tryAllowed: 1, at: 2, cron: 2 };

const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function CampaignWizard({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { can, organization } = useOrganizationAccess();
  const manage = can('campaigns:manage');
  const formId = useId();
  const [step, setStep] = useState(0);
  const [programId, setProgramId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [name, setName] = useState('');
  const [accountId, setAccountId] = useState('');
  const [cpm, setCpm] = useState('60');
  const [tries, setTries] = useState('3');
  const [continuous, setContinuous] = useState(false);
  const [when, setWhen] = useState<When>('now');
  const [at, setAt] = useState(() => localInput(new Date(Date.now() + 3600_000)));
  const [cron, setCron] = useState('0 9 * * 1-5');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const programs = useQuery(trpc.programs.list.queryOptions({ limit: 200, offset: 0, type: SENDING.join(','), ordering: 'name' }, { enabled: manage }));
  const groups = useQuery(trpc.contacts.groups.queryOptions({ limit: 200, offset: 0, ordering: 'name' }, { enabled: manage }));
  const program = programs.data?.results.find((p) => p.id === programId);
  const group = groups.data?.results.find((g) => g.id === groupId);
  const accountType = program ? (program.type === 'sendemail' ? 'email' : 'phone') : undefined;
  const accounts = useQuery(trpc.accounts.list.queryOptions({ limit: 200, offset: 0, type: accountType }, { enabled: manage && can('accounts:read') && !!accountType }));
  const create = useMutation(trpc.campaigns.create.mutationOptions());
  const update = useMutation(trpc.campaigns.update.mutationOptions());
  const start = useMutation(trpc.campaigns.start.mutationOptions());
  const schedule = useMutation(trpc.campaigns.schedule.mutationOptions());
  const busy = create.isPending || update.isPending || start.isPending || schedule.isPending;

  const cpmNumber = Number(cpm);
  const preview = useMemo(() => (when === 'cron' ? cronPreview(cron) : null), [when, cron]);
  const values: Values = { programId, groupId, name, cpm, tries, continuous, when, at, cron };

  const check = (s: number, v: Values = values): Errors => {
    const e: Errors = {};
    if (s === 0) {
      const chosen = groups.data?.results.find((g) => g.id === v.groupId);
      if (!v.programId) e.programId = 'Choose the program to send';
      if (!v.groupId) e.groupId = 'Choose the group to send it to';
      else if (chosen && chosen.contactCount === 0 && !v.continuous) e.groupId = 'This group has no contacts yet: import some first, or mark the campaign continuous on the next step';
      if (v.name.length > 200) e.name = 'At most 200 characters';
    }
    if (s === 1) {
      const n = Number(v.cpm);
      if (!/^\d+$/.test(v.cpm.trim()) || n < 1) e.cpm = 'A whole number of messages per minute, at least 1';
      else if (n > MAX_CPM) e.cpm = `At most ${MAX_CPM.toLocaleString('en')} a minute`;
      if (!/^\d+$/.test(v.tries.trim()) || Number(v.tries) < 1 || Number(v.tries) > MAX_TRIES) e.tryAllowed = `Between 1 and ${MAX_TRIES} tries`;
    }
    if (s === 2) {
      if (v.when === 'at') {
        const t = new Date(v.at);
        if (!v.at || Number.isNaN(t.getTime())) e.at = 'Choose a date and time';
        else if (t.getTime() <= Date.now()) e.at = 'Must be in the future (or choose “Start now”)';
      }
      if (v.when === 'cron') {
        const p = cronPreview(v.cron);
        if ('error' in p) e.cron = p.error;
      }
    }
    return e;
  };

  // As in the app's other forms: a field showing a message is checked again as it changes (the message goes once the
  // value is right, or says what is still wrong), and leaving a field checks it; the whole step is checked on Next.
  const recheck = (key: keyof Errors, patch: Partial<Values> = {}, always = false) =>
    setErrors((e) => {
      if (!e[key] && !always) return e;
      const found = check(STEP_OF[key], { ...values, ...patch })[key];
      return found === e[key] ? e : { ...e, [key]: found };
    });
  const clear = (key: keyof Errors, patch: Partial<Values>) => recheck(key, patch);

  const focusFirst = (e: Errors) => {
    const first = Object.keys(e)[0];
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus());
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFailure(null);
    const e = check(step);
    setErrors(e);
    if (Object.keys(e).length > 0) return focusFirst(e);
    if (step < STEPS.length - 1) {
      setStep(step + 1);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[data-step-heading]')?.focus());
      return;
    }
    const input = { ...(name.trim() && { name: name.trim() }), programId, groupId, accountId: accountId || null, cpm: cpmNumber, tryAllowed: Number(tries), continuous };
    let id = createdId;
    try {
      if (id) await update.mutateAsync({ id, campaign: input });
      else {
        id = (await create.mutateAsync(input)).id;
        setCreatedId(id);
      }
      if (when === 'now') await start.mutateAsync({ id });
      if (when === 'at') await schedule.mutateAsync({ id, action: 'start', at: new Date(at).toISOString() });
      if (when === 'cron') await schedule.mutateAsync({ id, action: 'start', cron: cron.trim() });
      await queryClient.invalidateQueries(trpc.campaigns.pathFilter());
      toastAfterNavigation(when === 'now' ? 'Campaign started' : when === 'draft' ? 'Campaign saved as a draft' : 'Campaign scheduled');
      router.push(`/${organizationId}/campaigns/${id}`);
    } catch (err) {
      const read = readServerError(err);
      const fields: Errors = {};
      for (const f of read.fieldErrors) {
        const key = f.path.split('.').at(-1) as keyof Errors;
        fields[key] = f.message.charAt(0).toUpperCase() + f.message.slice(1);
      }
      // Send the user back to the step holding the field the server refused.
      const stepOf = (k: string) => STEP_OF[k as keyof Errors] ?? 2;
      const keys = Object.keys(fields);
      if (keys.length > 0) {
        setErrors(fields);
        setStep(stepOf(keys[0]!));
        focusFirst(fields);
      }
      setFailure(id && !createdId ? read.message : id ? `The campaign was saved as a draft, but: ${read.message}` : read.message);
    }
  };

  if (organization.data && !manage)
    return (
      <>
        <PageHeader eyebrow="Outreach" title="New campaign" breadcrumbs={[{ href: `/${organizationId}/campaigns`, label: 'Campaigns' }, { label: 'New campaign' }]} />
        <Alert tone="info">Your role cannot create campaigns. Ask an owner, admin or manager.</Alert>
      </>
    );

  const size = group?.contactCount ?? 0;
  const finishLabel = when === 'now' ? 'Create and start' : when === 'draft' ? 'Save as draft' : 'Create and schedule';
  return (
    <>
      <PageHeader eyebrow="Outreach" title="New campaign" breadcrumbs={[{ href: `/${organizationId}/campaigns`, label: 'Campaigns' }, { label: 'New campaign' }]} />
      <ol className="mb-6 grid grid-cols-3 gap-2" aria-label="Steps">
        {STEPS.map((label, i) => (
          <li key={label} aria-current={i === step ? 'step' : undefined} className={cx('rounded-lg border-t-4 px-1 pt-2 text-xs font-medium sm:text-sm', i < step ? 'border-accent-600 text-zinc-700' : i === step ? 'border-accent-600 text-accent-700' : 'border-zinc-200 text-zinc-500')}>
            <span className="block text-[11px] tracking-wide text-zinc-500 uppercase">Step {i + 1}</span>
            {label}
          </li>
        ))}
      </ol>
      <Card>
        <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${formId}-step`}>
          <CardBody className="space-y-5">
            <h2 id={`${formId}-step`} data-step-heading tabIndex={-1} className="text-base font-semibold text-zinc-900 outline-none">
              {STEPS[step]}
            </h2>
            {failure && <Alert tone="error">{failure}</Alert>}
            {step === 0 && (
              <div className="grid gap-5 sm:grid-cols-2">
                <FormField
                  id="campaign-program"
                  label="Program"
                  error={errors.programId}
                  hint={programs.data?.count === 0 ? <>No sending program yet: create one in <Link className="text-accent-700 underline underline-offset-2" href={`/${organizationId}/programs`}>Programs</Link>.</> : 'What every contact receives'}
                >
                  <Select id="campaign-program" data-field="programId" value={programId} onChange={(e) => { setProgramId(e.target.value); setAccountId(''); clear('programId', { programId: e.target.value }); }} {...describedBy('campaign-program', { hint: true, error: errors.programId })}>
                    <option value="">Choose…</option>
                    {(programs.data?.results ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                  </Select>
                </FormField>
                <FormField
                  id="campaign-group"
                  label="Group"
                  error={errors.groupId}
                  hint={group ? `${group.contactCount.toLocaleString('en')} ${group.contactCount === 1 ? 'contact' : 'contacts'} will receive it` : groups.data?.count === 0 ? <>No group yet: import contacts in <Link className="text-accent-700 underline underline-offset-2" href={`/${organizationId}/contacts/groups`}>Groups</Link>.</> : 'Who receives it'}
                >
                  <Select id="campaign-group" data-field="groupId" value={groupId} onChange={(e) => { setGroupId(e.target.value); clear('groupId', { groupId: e.target.value }); }} {...describedBy('campaign-group', { hint: true, error: errors.groupId })}>
                    <option value="">Choose…</option>
                    {(groups.data?.results ?? []).map((g) => <option key={g.id} value={g.id}>{g.name} ({g.contactCount.toLocaleString('en')})</option>)}
                  </Select>
                </FormField>
                <FormField id="campaign-name" label="Name" optional error={errors.name} hint="Defaults to the program’s name and today’s date" className="sm:col-span-2">
                  <Input id="campaign-name" data-field="name" value={name} maxLength={220} onChange={(e) => { setName(e.target.value); clear('name', { name: e.target.value }); }} onBlur={() => recheck('name', {}, true)} autoComplete="off" {...describedBy('campaign-name', { hint: true, error: errors.name })} />
                </FormField>
              </div>
            )}
            {step === 1 && (
              <div className="grid gap-5 sm:grid-cols-2">
                <FormField id="campaign-cpm" label="Messages per minute" error={errors.cpm} hint={cpmNumber >= 1 ? <>{size.toLocaleString('en')} {size === 1 ? 'message' : 'messages'} at {cpmNumber.toLocaleString('en')} a minute take <strong className="font-medium text-zinc-700" data-testid="campaign-duration">{durationText(size, cpmNumber)}</strong>{continuous ? ', then it keeps sending to new members' : ''}. Each gateway’s own limit applies on top.</> : 'Spread over every worker'}>
                  <Input id="campaign-cpm" data-field="cpm" inputMode="numeric" value={cpm} onChange={(e) => { setCpm(e.target.value); clear('cpm', { cpm: e.target.value }); }} onBlur={() => recheck('cpm', {}, true)} autoComplete="off" {...describedBy('campaign-cpm', { hint: true, error: errors.cpm })} />
                </FormField>
                <FormField id="campaign-tries" label="Tries per contact" error={errors.tryAllowed} hint="The first send included; failures retry with a growing delay">
                  <Input id="campaign-tries" data-field="tryAllowed" inputMode="numeric" value={tries} onChange={(e) => { setTries(e.target.value); clear('tryAllowed', { tries: e.target.value }); }} onBlur={() => recheck('tryAllowed', {}, true)} autoComplete="off" {...describedBy('campaign-tries', { hint: true, error: errors.tryAllowed })} />
                </FormField>
                <FormField id="campaign-account" label="Sender account" optional error={errors.accountId} hint={`Defaults to the program’s account, or the organization’s first ${accountType ?? ''} account`}>
                  <Select id="campaign-account" data-field="accountId" value={accountId} onChange={(e) => { setAccountId(e.target.value); setErrors((x) => (x.accountId ? { ...x, accountId: undefined } : x)); }} {...describedBy('campaign-account', { hint: true, error: errors.accountId })}>
                    <option value="">Default</option>
                    {(accounts.data?.results ?? []).map((a) => <option key={a.id} value={a.id}>{a.name} · {a.address}</option>)}
                  </Select>
                </FormField>
                <Checkbox id="campaign-continuous" className="sm:col-span-2" checked={continuous} onChange={(e) => setContinuous(e.target.checked)} label="Continuous" description="Keep sending to contacts added to the group while it runs (it never completes by itself)" />
              </div>
            )}
            {step === 2 && (
              <div className="space-y-5">
                <fieldset className="grid gap-2 sm:grid-cols-2">
                  <legend className="mb-2 text-sm font-medium text-zinc-800">Start</legend>
                  {(
                    [
                      ['now', 'Now', 'Sending begins as soon as you confirm'],
                      ['at', 'At a time', 'Once, at the date and time you choose'],
                      ['cron', 'On a schedule', 'Whenever a cron expression fires (UTC), resuming it if stopped'],
                      ['draft', 'Later', 'Keep it as a draft and start it from its page'],
                    ] as const
                  ).map(([value, label, hint]) => (
                    <label key={value} className="flex cursor-pointer items-start gap-3 rounded-lg p-3 ring-1 ring-zinc-200 has-checked:bg-accent-50 has-checked:ring-accent-300">
                      <input type="radio" name={`${formId}-when`} value={value} checked={when === value} onChange={() => { setWhen(value); setErrors((x) => (x.at || x.cron ? { ...x, at: undefined, cron: undefined } : x)); }} className="mt-0.5 accent-accent-600" />
                      <span className="text-sm">
                        <span className="block font-medium text-zinc-800">{label}</span>
                        <span className="block text-zinc-500">{hint}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
                {when === 'at' && (
                  <FormField id="campaign-at" label="Start at" error={errors.at} hint="Your local time">
                    <Input id="campaign-at" data-field="at" type="datetime-local" value={at} onChange={(e) => { setAt(e.target.value); clear('at', { at: e.target.value }); }} onBlur={() => recheck('at', {}, true)} className="sm:max-w-xs" {...describedBy('campaign-at', { hint: true, error: errors.at })} />
                  </FormField>
                )}
                {when === 'cron' && (
                  <FormField
                    id="campaign-cron"
                    label="Cron expression"
                    error={errors.cron}
                    hint={preview && 'next' in preview ? <>Next, in your time: {nextRunsText(preview.next)}</> : 'minute hour day-of-month month day-of-week, in UTC'}
                  >
                    <Input id="campaign-cron" data-field="cron" value={cron} onChange={(e) => { setCron(e.target.value); clear('cron', { cron: e.target.value }); }} onBlur={() => recheck('cron', {}, true)} className="font-mono sm:max-w-xs" autoComplete="off" spellCheck={false} {...describedBy('campaign-cron', { hint: true, error: errors.cron })} />
                  </FormField>
                )}
                <dl className="grid gap-x-6 gap-y-2 rounded-lg bg-zinc-50 p-4 text-sm sm:grid-cols-2" aria-label="Summary">
                  <div><dt className="text-zinc-500">Program</dt><dd className="font-medium break-words text-zinc-900">{program?.name}</dd></div>
                  <div><dt className="text-zinc-500">Group</dt><dd className="font-medium break-words text-zinc-900">{group?.name} · {size.toLocaleString('en')} contacts</dd></div>
                  <div><dt className="text-zinc-500">Pace</dt><dd className="font-medium text-zinc-900">{cpmNumber.toLocaleString('en')} a minute · {durationText(size, cpmNumber)}</dd></div>
                  <div><dt className="text-zinc-500">Tries</dt><dd className="font-medium text-zinc-900">{tries}{continuous ? ' · continuous' : ''}</dd></div>
                </dl>
              </div>
            )}
          </CardBody>
          <CardFooter className="flex-wrap justify-between gap-2">
            {step > 0 ? (
              <Button variant="ghost" onClick={() => { setErrors({}); setStep(step - 1); }} disabled={busy}>
                Back
              </Button>
            ) : (
              <Link href={`/${organizationId}/campaigns`} className="text-sm text-zinc-600 underline-offset-2 hover:underline">Cancel</Link>
            )}
            <Button type="submit" busy={busy}>
              {step < STEPS.length - 1 ? 'Next' : finishLabel}
            </Button>
          </CardFooter>
        </form>
      </Card>
    </>
  );
}
