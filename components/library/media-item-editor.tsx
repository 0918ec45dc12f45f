'use client';
// A voice recording (WAV, played here) or a fax document (PDF): its name and description, and its file — uploaded
// to the media store (checked by size and first bytes there) and replaced at will. 'new' creates one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
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
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { useToast } from '@/components/ui/toast';
import { mediaItemInput, type DocumentDto, type RecordingDto } from '@/server/domain/library/library.schema';

type Kind = 'recording' | 'document';
const SPEC = {
  recording: { tab: 'recordings', title: 'Voice recording', noun: 'recording', media: 'audio', accept: 'audio/wav,.wav', file: 'a WAV recording (up to 50 MB)' },
  document: { tab: 'documents', title: 'Fax document', noun: 'document', media: 'pdf', accept: 'application/pdf,.pdf', file: 'a PDF document (up to 20 MB)' },
} as const;

export function MediaItemEditorPage({ organizationId, kind, itemId }: { organizationId: string; kind: Kind; itemId: string }) {
  const trpc = useTRPC();
  const item = useQuery(trpc.library.item.queryOptions({ id: itemId, kind }, { enabled: itemId !== 'new' }));
  if (itemId === 'new') return <MediaItemEditor organizationId={organizationId} kind={kind} />;
  return <QueryState query={item} loadingLabel={`Loading the ${SPEC[kind].noun}`} frame="page">{(i) => <MediaItemEditor key={i.updatedAt} organizationId={organizationId} kind={kind} item={i} />}</QueryState>;
}

function MediaItemEditor({ organizationId, kind, item }: { organizationId: string; kind: Kind; item?: RecordingDto | DocumentDto }) {
  const spec = SPEC[kind];
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { can } = useOrganizationAccess();
  const manage = can('messages:manage');
  const create = useMutation(trpc.library.createItem.mutationOptions());
  const update = useMutation(trpc.library.updateItem.mutationOptions());
  const remove = useMutation(trpc.library.deleteItem.mutationOptions());
  const attach = useMutation(trpc.library.attachToItem.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const form = useZodForm({
    schema: mediaItemInput,
    initialValues: { name: item?.name ?? '', description: item?.description ?? '' },
    toInput: (v) => ({ name: v.name, description: v.description.trim() || null }),
    onSubmit: async (input) => {
      const saved = item ? await update.mutateAsync({ id: item.id, kind, item: input }) : await create.mutateAsync({ kind, item: input });
      await queryClient.invalidateQueries(trpc.library.pathFilter());
      if (!item) {
        toast(`${spec.title} “${saved.name}” created: now upload its file`);
        router.push(`/${organizationId}/messages/${spec.tab}/${saved.id}`);
      } else toast('Saved');
    },
  });
  const fileUrl = item ? `/${organizationId}/messages/${spec.tab}/${item.id}/file?v=${encodeURIComponent(item.updatedAt)}` : '';

  const choose = async (file: File | undefined) => {
    if (!file || !item) return;
    setUploadError(null);
    setProgress(0);
    try {
      const up = await uploadFile({ kind: spec.media, file: file.type ? file : new Blob([file], { type: kind === 'recording' ? 'audio/wav' : 'application/pdf' }), organizationId, onProgress: setProgress });
      await attach.mutateAsync({ id: item.id, kind, uploadId: up.uploadId });
      await queryClient.invalidateQueries(trpc.library.pathFilter());
      toast('File saved');
    } catch (e) {
      setUploadError(e instanceof UploadError ? e.message : readServerError(e).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <PageHeader
        eyebrow={spec.title}
        title={item ? item.name : `New ${spec.title.toLowerCase()}`}
        description={<Link href={`/${organizationId}/messages/${spec.tab}`} className="text-accent-700 underline underline-offset-2">All {spec.tab}</Link>}
        action={item && manage ? <Button variant="danger" onClick={() => setConfirming(true)}>Delete {spec.noun}</Button> : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Details" />
          <form noValidate onSubmit={form.handleSubmit}>
            <CardBody className="space-y-5">
              {form.formError && <Alert tone="error">{form.formError}</Alert>}
              <FormField id={form.id('name')} label="Name" error={form.error('name')}>
                <Input {...form.text('name')} autoComplete="off" readOnly={!manage} />
              </FormField>
              <FormField id={form.id('description')} label="Description" optional error={form.error('description')}>
                <Input {...form.text('description')} autoComplete="off" readOnly={!manage} />
              </FormField>
            </CardBody>
            {manage && <CardFooter><Button type="submit" busy={form.submitting}>{item ? 'Save' : `Create ${spec.noun}`}</Button></CardFooter>}
          </form>
        </Card>
        {item && (
          <Card aria-labelledby="file-title">
            <CardHeader id="file-title" title="File" description={`The ${spec.noun} itself: ${spec.file}.`} />
            <CardBody className="space-y-4">
              {uploadError && <Alert tone="error">{uploadError}</Alert>}
              {item.hasMedia ? (
                kind === 'recording' ? (
                  <div className="space-y-2">
                    <audio controls preload="metadata" src={fileUrl} className="w-full" aria-label={`Play ${item.name}`} />
                    <p className="text-xs text-zinc-500">{'duration' in item && item.duration ? `${item.duration} seconds · ` : ''}{Math.round((item.size ?? 0) / 1024).toLocaleString('en')} KB</p>
                  </div>
                ) : (
                  <p className="text-sm text-zinc-700">
                    <a href={fileUrl} download={`${item.name}.pdf`} className="font-medium text-accent-700 underline underline-offset-2">Download the PDF</a> · {Math.round((item.size ?? 0) / 1024).toLocaleString('en')} KB
                  </p>
                )
              ) : (
                <p className="text-sm text-zinc-500">No file yet: programs can send this {spec.noun} once it has one.</p>
              )}
              {progress !== null && <progress className="h-2 w-full accent-accent-600" value={progress} max={1} aria-label="Upload progress" />}
              {manage && (
                <label className={cx('inline-flex cursor-pointer items-center rounded-lg bg-white px-3 py-2 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50', progress !== null && 'opacity-60')}>
                  {item.hasMedia ? 'Replace the file' : 'Upload the file'}
                  <input type="file" accept={spec.accept} className="sr-only" disabled={progress !== null} aria-label={`${spec.title} file`} onChange={(e) => { void choose(e.target.files?.[0]); e.target.value = ''; }} />
                </label>
              )}
            </CardBody>
          </Card>
        )}
      </div>
      {item && (
        <ConfirmDialog
          open={confirming}
          title={`Delete “${item.name}”?`}
          description={item.programCount > 0 ? `${item.programCount} program(s) use it: delete them first.` : 'Its file goes with it. This cannot be undone.'}
          confirmLabel={`Delete ${spec.noun}`}
          busy={remove.isPending}
          error={remove.error ? readServerError(remove.error).message : null}
          onCancel={() => { setConfirming(false); remove.reset(); }}
          onConfirm={async () => {
            try {
              await remove.mutateAsync({ id: item.id, kind });
            } catch {
              return;
            }
            toast(`“${item.name}” deleted`);
            await queryClient.invalidateQueries(trpc.library.pathFilter());
            router.push(`/${organizationId}/messages/${spec.tab}`);
          }}
        />
      )}
    </>
  );
}
