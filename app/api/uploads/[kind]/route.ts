import { parseMediaKind, receiveUpload } from '@/server/domain/media/receive-upload';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// PUT /api/uploads/{kind} – the browser's uploads (image, audio, pdf, csv), streamed into the media store as a pending
// file that a following tRPC mutation attaches; signed-in session only, not part of the public API
export const PUT = withApi<'user', { kind: string }>({ access: 'user', credentials: 'session', streamBody: true }, async ({ ctx, params, upload }) =>
  ok(await receiveUpload({ ctx, kind: parseMediaKind(params.kind), file: await upload.file() })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
