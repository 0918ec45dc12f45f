'use client';
// Uploads, previews and removes the signed-in user's profile photo (JPEG, PNG or BMP up to 5 MB).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { uploadFile } from '@/components/media/upload-file';
import { useTRPC } from '@/components/providers/trpc';
import { Avatar } from '@/components/shell/avatar';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import type { MeDto } from '@/server/domain/identity/user.schema';

const TYPES = ['image/jpeg', 'image/png', 'image/bmp'];
const MAX_BYTES = 5 * 1024 * 1024;

export function ProfilePhoto({ me }: { me: MeDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const updated = (image: string | null) => {
    queryClient.setQueryData(trpc.account.me.queryKey(), { ...me, image });
    setError(null);
  };
  const upload = useMutation(trpc.account.setImage.mutationOptions({ onSuccess: (r) => (updated(r.image), toast('Photo updated')) }));
  const remove = useMutation(trpc.account.removeImage.mutationOptions({ onSuccess: () => (updated(null), toast('Photo removed')) }));
  const name = `${me.firstName} ${me.lastName}`.trim();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again still triggers a change
    if (!file) return;
    // Checked here for a quick answer; the server checks the bytes themselves.
    if (!TYPES.includes(file.type)) return setError('Choose a JPEG, PNG or BMP image.');
    if (file.size > MAX_BYTES) return setError('Images are limited to 5 MB.');
    setSending(true);
    try {
      const { uploadId } = await uploadFile({ kind: 'image', file });
      await upload.mutateAsync({ uploadId });
    } catch (err) {
      setError(err instanceof Error && !('data' in err) ? err.message : readServerError(err).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Card aria-labelledby="photo-title">
      <CardHeader id="photo-title" title="Photo" description="Shown to your teammates beside your name." />
      <CardBody className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex items-center gap-5">
          <Avatar name={name} image={me.image} className="size-16 text-lg" />
          <div className="flex flex-wrap gap-3">
            <input ref={input} id={inputId} type="file" accept={TYPES.join(',')} className="peer sr-only" onChange={(e) => void onFile(e)} />
            <label htmlFor={inputId} className={buttonClass('secondary', 'md', `peer-focus-visible:ring-2 peer-focus-visible:ring-accent-500 ${sending ? 'pointer-events-none opacity-60' : 'cursor-pointer'}`)} aria-busy={sending || undefined}>
              {sending ? 'Uploading…' : me.image ? 'Change photo' : 'Upload photo'}
            </label>
            {me.image && (
              <Button variant="ghost" busy={remove.isPending} onClick={() => remove.mutate(undefined, { onError: (err) => setError(readServerError(err).message) })}>
                Remove photo
              </Button>
            )}
          </div>
        </div>
        <p className="text-xs text-zinc-500">JPEG, PNG or BMP, up to 5 MB. A square picture looks best.</p>
      </CardBody>
    </Card>
  );
}
