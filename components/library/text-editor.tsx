'use client';
// An SMS text: as you type, its characters, encoding (GSM-7 or UCS-2) and SMS parts are counted — with the server's
// own calculator — and merge fields are listed (click to insert) and checked. `textId` 'new' creates one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cx } from '@/components/ui/cx';
import { FormField } from '@/components/ui/form-field';
import { controlClass, Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { smsTextInput, type SmsTextDto } from '@/server/domain/library/library.schema';
import { MERGE_FIELDS, smsShape, unknownMergeFields } from '@/server/domain/library/message-text';
import { readServerError } from '@/components/forms/server-error';

export function TextEditorPage({ organizationId, textId }: { organizationId: string; textId: string }) {
  const trpc = useTRPC();
  const text = useQuery(trpc.library.text.queryOptions({ id: textId }, { enabled: textId !== 'new' }));
  if (textId === 'new') return <TextEditor organizationId={organizationId} />;
  return <QueryState query={text} loadingLabel="Loading the text" frame="page">{(t) => <TextEditor key={t.updatedAt} organizationId={organizationId} text={t} />}</QueryState>;
}

function TextEditor({ organizationId, text }: { organizationId: string; text?: SmsTextDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { can } = useOrganizationAccess();
  const manage = can('messages:manage');
  const create = useMutation(trpc.library.createText.mutationOptions());
  const update = useMutation(trpc.library.updateText.mutationOptions());
  const remove = useMutation(trpc.library.deleteText.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const form = useZodForm({
    schema: smsTextInput,
    initialValues: { name: text?.name ?? '', type: text?.type ?? 'plain', data: text?.data ?? '', description: text?.description ?? '' },
    toInput: (v) => ({ ...v, description: v.description.trim() || null }),
    check: (v): Record<string, string> => {
      const unknown = v.type === 'binary' ? [] : unknownMergeFields('data', v.data);
      const shape = smsShape(v.data, v.type as 'plain');
      if (unknown[0]) return { data: unknown[0].message };
      if (v.type === 'plain' && shape.nonGsm.length > 0) return { data: `${[...new Set(shape.nonGsm)].join(' ')} cannot be sent in a plain (GSM-7) text: choose Unicode, or remove them` };
      return {};
    },
    onSubmit: async (input) => {
      const saved = text ? await update.mutateAsync({ id: text.id, text: input }) : await create.mutateAsync(input);
      await queryClient.invalidateQueries(trpc.library.pathFilter());
      if (!text) {
        toast(`Text “${saved.name}” created`);
        router.push(`/${organizationId}/messages/texts/${saved.id}`);
      } else toast('Text saved');
    },
  });
  const type = form.values.type as 'plain' | 'unicode' | 'binary';
  const shape = smsShape(form.values.data, type);
  const insert = (field: string) => {
    const el = area.current;
    const token = `{{${field}}}`;
    const at = el?.selectionStart ?? form.values.data.length;
    const end = el?.selectionEnd ?? at;
    form.setValue('data', form.values.data.slice(0, at) + token + form.values.data.slice(end));
    requestAnimationFrame(() => el?.setSelectionRange(at + token.length, at + token.length));
    el?.focus();
  };

  return (
    <>
      <PageHeader
        eyebrow="SMS text"
        title={text ? text.name : 'New SMS text'}
        description={<Link href={`/${organizationId}/messages/texts`} className="text-accent-700 underline underline-offset-2">All texts</Link>}
        action={text && manage ? <Button variant="danger" onClick={() => setConfirming(true)}>Delete text</Button> : undefined}
      />
      <Card>
        <CardHeader title="Message" description="Merge fields are filled in for each contact when it is sent." />
        <form noValidate onSubmit={form.handleSubmit}>
          <CardBody className="grid gap-5 sm:grid-cols-2">
            {form.formError && <Alert tone="error" className="sm:col-span-2">{form.formError}</Alert>}
            <FormField id={form.id('name')} label="Name" error={form.error('name')}>
              <Input {...form.text('name')} autoComplete="off" readOnly={!manage} />
            </FormField>
            <FormField id={form.id('type')} label="Encoding" hint="Plain fits 160 characters per SMS; Unicode (for emoji and most alphabets) 70." error={form.error('type')}>
              <Select {...form.text('type', { hint: true })} disabled={!manage}>
                <option value="plain">Plain (GSM-7)</option>
                <option value="unicode">Unicode (UCS-2)</option>
                <option value="binary">Binary (hexadecimal)</option>
              </Select>
            </FormField>
            <div className="sm:col-span-2">
              <FormField id={form.id('data')} label="Text" error={form.error('data')}>
                <textarea ref={area} {...form.text('data')} rows={5} readOnly={!manage} className={cx(controlClass, 'py-2 font-mono')} />
              </FormField>
              <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-600" aria-live="polite" data-testid="sms-counter">
                <span><span className="font-semibold text-zinc-900 tabular-nums">{shape.characters}</span> {type === 'binary' ? 'octets' : 'characters'}</span>
                <span>Encoding <span className="font-semibold text-zinc-900">{shape.encoding}</span></span>
                <span><span className="font-semibold text-zinc-900 tabular-nums">{shape.segments}</span> {shape.segments === 1 ? 'SMS part' : 'SMS parts'}</span>
              </p>
              {type !== 'binary' && manage && (
                <div className="mt-3 flex flex-wrap items-center gap-1.5">
                  <span className="text-xs font-medium text-zinc-600">Insert:</span>
                  {MERGE_FIELDS.map((f) => (
                    <button key={f} type="button" onClick={() => insert(f)} className="rounded-md bg-zinc-100 px-2 py-1 font-mono text-xs text-zinc-700 ring-1 ring-zinc-200 ring-inset hover:bg-zinc-200">
                      {`{{${f}}}`}
                    </button>
                  ))}
                </div>
              )}
            </div>
            <FormField id={form.id('description')} label="Description" optional error={form.error('description')} className="sm:col-span-2">
              <Input {...form.text('description')} autoComplete="off" readOnly={!manage} />
            </FormField>
          </CardBody>
          {manage && (
            <CardFooter>
              <Button type="submit" busy={form.submitting}>{text ? 'Save' : 'Create text'}</Button>
            </CardFooter>
          )}
        </form>
      </Card>
      {text && (
        <ConfirmDialog
          open={confirming}
          title={`Delete the text “${text.name}”?`}
          description={text.programCount > 0 ? `${text.programCount} program(s) send it: delete them first.` : 'This cannot be undone.'}
          confirmLabel="Delete text"
          busy={remove.isPending}
          error={remove.error ? readServerError(remove.error).message : null}
          onCancel={() => { setConfirming(false); remove.reset(); }}
          onConfirm={async () => {
            try {
              await remove.mutateAsync({ id: text.id });
            } catch {
              return;
            }
            toast(`Text “${text.name}” deleted`);
            await queryClient.invalidateQueries(trpc.library.pathFilter());
            router.push(`/${organizationId}/messages/texts`);
          }}
        />
      )}
    </>
  );
}
