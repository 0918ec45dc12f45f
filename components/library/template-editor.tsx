'use client';
// An email template: subject and HTML body with a live preview in a sandboxed frame (no script can run in it), the
// plain-text version (generated when left empty), merge fields checked, and an attachment. 'new' creates one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useDeferredValue, useEffect, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useZodForm } from '@/components/forms/use-zod-form';
import { uploadFile, UploadError } from '@/components/media/upload-file';
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
import { useToast } from '@/components/ui/toast';
import { emailTemplateInput, type EmailTemplateDto } from '@/server/domain/library/library.schema';
import { MERGE_FIELDS, unknownMergeFields } from '@/server/domain/library/message-text';

export function TemplateEditorPage({ organizationId, templateId }: { organizationId: string; templateId: string }) {
  const trpc = useTRPC();
  const template = useQuery(trpc.library.template.queryOptions({ id: templateId }, { enabled: templateId !== 'new' }));
  if (templateId === 'new') return <TemplateEditor organizationId={organizationId} />;
  return <QueryState query={template} loadingLabel="Loading the template" frame="page">{(t) => <TemplateEditor key={t.updatedAt} organizationId={organizationId} template={t} />}</QueryState>;
}

// The preview shows the message as a reader's mail program would, with sample values in the merge fields.
const SAMPLE: Record<string, string> = { firstName: 'Ada', lastName: 'Lovelace', phone: '+15125550142', email: 'ada@example.com', address: '12 Main St', custom1: 'VIP', custom2: '', custom3: '', description: '' };
const fill = (html: string) => html.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, f: string) => SAMPLE[f] ?? m);

/**
 * The body as the frame shows it: scripts and event handlers dropped, as the server's sanitizer will drop them on
 * save. The empty sandbox already keeps them from running; dropping them first keeps the browser from logging each
 * refusal as the person types. (DOMParser runs nothing it parses.)
 */
function previewDocument(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, iframe, object, embed').forEach((el) => el.remove());
  doc.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
  });
  return doc.body.innerHTML;
}

function TemplateEditor({ organizationId, template }: { organizationId: string; template?: EmailTemplateDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { can } = useOrganizationAccess();
  const manage = can('messages:manage');
  const create = useMutation(trpc.library.createTemplate.mutationOptions());
  const update = useMutation(trpc.library.updateTemplate.mutationOptions());
  const remove = useMutation(trpc.library.deleteTemplate.mutationOptions());
  const attach = useMutation(trpc.library.attachToTemplate.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const form = useZodForm({
    schema: emailTemplateInput,
    initialValues: { name: template?.name ?? '', subject: template?.subject ?? '', body: template?.body ?? '', bodyAlt: template && !template.bodyAltGenerated ? template.bodyAlt : '', description: template?.description ?? '' },
    toInput: (v) => ({ ...v, bodyAlt: v.bodyAlt.trim() || null, description: v.description.trim() || null }),
    check: (v): Record<string, string> => Object.fromEntries([...unknownMergeFields('subject', v.subject), ...unknownMergeFields('body', v.body), ...unknownMergeFields('bodyAlt', v.bodyAlt)].map((e) => [e.path, e.message])),
    onSubmit: async (input) => {
      const saved = template ? await update.mutateAsync({ id: template.id, template: input }) : await create.mutateAsync(input);
      await queryClient.invalidateQueries(trpc.library.pathFilter());
      if (!template) {
        toast(`Template “${saved.name}” created`);
        router.push(`/${organizationId}/messages/templates/${saved.id}`);
      } else toast('Template saved');
    },
  });
  const preview = useDeferredValue(form.values.body);
  // Parsed in the browser only (there is no DOMParser on the server); the first render shows the frame empty.
  const [previewHtml, setPreviewHtml] = useState('');
  useEffect(() => setPreviewHtml(previewDocument(fill(preview))), [preview]);

  const chooseAttachment = async (file: File | undefined) => {
    if (!file || !template) return;
    setUploadError(null);
    setUploading(true);
    try {
      const kind = file.type === 'application/pdf' ? 'pdf' : file.type.startsWith('image/') ? 'image' : null;
      if (!kind) throw new UploadError('Attach a PDF document or an image (JPEG or PNG).', 415);
      const up = await uploadFile({ kind, file, organizationId });
      await attach.mutateAsync({ id: template.id, uploadId: up.uploadId, fileName: file.name });
      await queryClient.invalidateQueries(trpc.library.pathFilter());
      toast('Attachment saved');
    } catch (e) {
      setUploadError(e instanceof UploadError ? e.message : readServerError(e).message);
    } finally {
      setUploading(false);
    }
  };

  return (
    <>
      <PageHeader
        eyebrow="Email template"
        title={template ? template.name : 'New email template'}
        description={<Link href={`/${organizationId}/messages/templates`} className="text-accent-700 underline underline-offset-2">All templates</Link>}
        action={template && manage ? <Button variant="danger" onClick={() => setConfirming(true)}>Delete template</Button> : undefined}
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Message" description={<>Merge fields: {MERGE_FIELDS.map((f) => `{{${f}}}`).join(' ')}</>} />
          <form noValidate onSubmit={form.handleSubmit}>
            <CardBody className="space-y-5">
              {form.formError && <Alert tone="error">{form.formError}</Alert>}
              <FormField id={form.id('name')} label="Name" error={form.error('name')}>
                <Input {...form.text('name')} autoComplete="off" readOnly={!manage} />
              </FormField>
              <FormField id={form.id('subject')} label="Subject" error={form.error('subject')}>
                <Input {...form.text('subject')} autoComplete="off" readOnly={!manage} />
              </FormField>
              <FormField id={form.id('body')} label="Body (HTML)" hint="Scripts, event handlers and javascript: links are removed when it is saved." error={form.error('body')}>
                <textarea {...form.text('body', { hint: true })} rows={10} readOnly={!manage} className={cx(controlClass, 'py-2 font-mono text-xs')} />
              </FormField>
              <FormField id={form.id('bodyAlt')} label="Plain-text version" optional hint={template?.bodyAltGenerated ? 'Left empty, it is made from the body (now shown below the preview).' : 'Left empty, it is made from the body.'} error={form.error('bodyAlt')}>
                <textarea {...form.text('bodyAlt', { hint: true })} rows={4} readOnly={!manage} className={cx(controlClass, 'py-2')} />
              </FormField>
              <FormField id={form.id('description')} label="Description" optional error={form.error('description')}>
                <Input {...form.text('description')} autoComplete="off" readOnly={!manage} />
              </FormField>
            </CardBody>
            {manage && <CardFooter><Button type="submit" busy={form.submitting}>{template ? 'Save' : 'Create template'}</Button></CardFooter>}
          </form>
        </Card>
        <div className="space-y-6">
          <Card aria-labelledby="preview-title">
            <CardHeader id="preview-title" title="Preview" description={<>As a reader sees it, with sample values. Subject: <span className="font-medium text-zinc-700">{fill(form.values.subject) || '—'}</span></>} />
            <CardBody>
              {/* SECURITY: an empty sandbox: no script, form, popup or same-origin access, whatever the body holds. */}
              <iframe title="Email preview" sandbox="" srcDoc={`<!doctype html><meta charset="utf-8"><body style="font-family:system-ui,sans-serif;margin:12px;color:#18181b">${previewHtml}</body>`} className="h-80 w-full rounded-lg border border-zinc-200 bg-white" />
              {template?.bodyAltGenerated && <pre className="mt-4 max-h-40 overflow-auto rounded-lg bg-zinc-50 p-3 text-xs whitespace-pre-wrap text-zinc-700">{template.bodyAlt}</pre>}
            </CardBody>
          </Card>
          {template && (
            <Card aria-labelledby="attachment-title">
              <CardHeader id="attachment-title" title="Attachment" description="A PDF (up to 20 MB) or an image (up to 5 MB) sent with the email." />
              <CardBody className="space-y-3">
                {uploadError && <Alert tone="error">{uploadError}</Alert>}
                {template.attachment ? (
                  <p className="text-sm break-words text-zinc-700">
                    <a href={`/${organizationId}/messages/templates/${template.id}/attachment`} download={template.attachment.name} className="font-medium text-accent-700 underline underline-offset-2">{template.attachment.name}</a>{' '}
                    · {Math.max(1, Math.round(template.attachment.size / 1024)).toLocaleString('en')} KB
                  </p>
                ) : (
                  <p className="text-sm text-zinc-500">No attachment.</p>
                )}
                {manage && (
                  <label className={cx('inline-flex cursor-pointer items-center rounded-lg bg-white px-3 py-2 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50', uploading && 'opacity-60')}>
                    {uploading ? 'Uploading…' : template.attachment ? 'Replace attachment' : 'Attach a file'}
                    <input type="file" accept="application/pdf,image/png,image/jpeg" className="sr-only" disabled={uploading} onChange={(e) => { void chooseAttachment(e.target.files?.[0]); e.target.value = ''; }} />
                  </label>
                )}
              </CardBody>
            </Card>
          )}
        </div>
      </div>
      {template && (
        <ConfirmDialog
          open={confirming}
          title={`Delete the template “${template.name}”?`}
          description={template.programCount > 0 ? `${template.programCount} program(s) send it: delete them first.` : 'Its attachment goes with it. This cannot be undone.'}
          confirmLabel="Delete template"
          busy={remove.isPending}
          error={remove.error ? readServerError(remove.error).message : null}
          onCancel={() => { setConfirming(false); remove.reset(); }}
          onConfirm={async () => {
            try {
              await remove.mutateAsync({ id: template.id });
            } catch {
              return;
            }
            toast(`Template “${template.name}” deleted`);
            await queryClient.invalidateQueries(trpc.library.pathFilter());
            router.push(`/${organizationId}/messages/templates`);
          }}
        />
      )}
    </>
  );
}
