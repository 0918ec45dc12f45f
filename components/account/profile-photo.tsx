'use client';
// Uploads, previews and removes the signed-in user's profile photo (JPEG, PNG or BMP up to 5 MB).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { ImageChooser } from '@/components/media/image-chooser';
import { writeQueryData } from '@/components/providers/query-data';
import { useTRPC } from '@/components/providers/trpc';
import { Avatar } from '@/components/shell/avatar';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import type { MeDto } from '@/server/domain/identity/user.schema';

export function ProfilePhoto({ me }: { me: MeDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const updated = async (image: string | null, message: string) => {
    await writeQueryData(queryClient, trpc.account.me.queryKey(), (old) => ({ ...(old ?? me), image }));
    setError(null);
    toast(message);
  };
  const upload = useMutation(trpc.account.setImage.mutationOptions({ onSuccess: (r) => updated(r.image, 'Photo updated') }));
  const remove = useMutation(trpc.account.removeImage.mutationOptions({ onSuccess: () => updated(null, 'Photo removed') }));
  const name = `${me.firstName} ${me.lastName}`.trim();

  return (
    <Card aria-labelledby="photo-title">
      <CardHeader id="photo-title" title="Photo" description="Shown to your teammates beside your name." />
      <CardBody className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex items-center gap-5">
          <Avatar name={name} image={me.image} className="size-16 text-lg" />
          <div className="flex flex-wrap gap-3">
            <ImageChooser label={me.image ? 'Change photo' : 'Upload photo'} attach={(uploadId) => upload.mutateAsync({ uploadId })} onError={setError} />
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
