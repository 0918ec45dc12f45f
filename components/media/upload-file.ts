// Streams a file from the browser to the media store (PUT /api/uploads/{kind}) with progress, and returns the
// pending upload's id for the mutation that attaches it. XMLHttpRequest, because fetch reports no upload progress.
import type { MediaKind } from '@/server/media/media-kinds';

export type UploadResult = { uploadId: string; contentType: string; size: number };

export class UploadError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export function uploadFile(opts: { kind: MediaKind; file: Blob; organizationId?: string | null; onProgress?: (fraction: number) => void; signal?: AbortSignal }): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/uploads/${opts.kind}`);
    xhr.setRequestHeader('content-type', opts.file.type || 'application/octet-stream');
    xhr.setRequestHeader('x-pitchcraft-csrf', '1');
    if (opts.organizationId) xhr.setRequestHeader('x-organization-id', opts.organizationId);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && opts.onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status === 200) return resolve(xhr.response as UploadResult);
      const problem = xhr.response as { detail?: string } | null;
      reject(new UploadError(problem?.detail ?? `The upload failed (${xhr.status}); try again.`, xhr.status));
    };
    xhr.onerror = () => reject(new UploadError('The upload failed: check your connection and try again.', 0));
    xhr.onabort = () => reject(new UploadError('The upload was cancelled.', 0));
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(opts.file);
  });
}
