'use client';
// The "Upload picture" button of the profile photo and the organization logo: picks a JPEG, PNG or BMP of at most
// 5 MB (checked here for a quick answer; the server checks the bytes), streams it to the media store and hands the
// upload to `attach`, the mutation that puts it to use. Errors come back as one sentence for the person.
import { useId, useState, type ChangeEvent } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { buttonClass } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { uploadFile } from './upload-file';

const TYPES = ['image/jpeg', 'image/png', 'image/bmp'];
const MAX_BYTES = 5 * 1024 * 1024;

export function ImageChooser(props: { label: string; organizationId?: string | null; attach: (uploadId: string) => Promise<unknown>; onError: (message: string | null) => void }) {
  const inputId = useId();
  const [sending, setSending] = useState(false);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again still triggers a change
    if (!file) return;
    if (!TYPES.includes(file.type)) return props.onError('Choose a JPEG, PNG or BMP image.');
    if (file.size > MAX_BYTES) return props.onError('This picture is larger than 5 MB. Choose a smaller one.');
    props.onError(null);
    setSending(true);
    try {
      const { uploadId } = await uploadFile({ kind: 'image', file, organizationId: props.organizationId });
      await props.attach(uploadId);
    } catch (err) {
      // An upload refused by the server explains itself; a failed mutation goes through the shared wording.
      props.onError(err instanceof Error && !('data' in err) ? err.message : readServerError(err).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <input id={inputId} type="file" accept={TYPES.join(',')} className="peer sr-only" onChange={(e) => void onFile(e)} />
      <label
        htmlFor={inputId}
        className={buttonClass('secondary', 'md', cx('peer-focus-visible:ring-2 peer-focus-visible:ring-accent-500', sending ? 'pointer-events-none opacity-60' : 'cursor-pointer'))}
        aria-busy={sending || undefined}
      >
        {sending ? 'Uploading…' : props.label}
      </label>
    </>
  );
}
