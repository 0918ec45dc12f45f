import { replaceTranscript } from '@/server/domain/sessions/replace-transcript';
import { durationFromText } from '@/server/domain/sessions/read-transcript';
import { transcriptInput } from '@/server/domain/sessions/session.schema';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';
import { AppError } from '@/server/errors';

// PUT /api/v1/sessions/{id}/transcript – add or replace the words (JSON words, verbose_json, text/vtt or text/plain) and re-score (?duration= times plain text without a recording)
export const PUT = withApi<'sessions:write', { id: string }>({ access: 'sessions:write', maxBodyBytes: 4 * 1024 * 1024 }, async ({ ctx, params, body, url }) => {
  const type = body.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  let transcript: unknown;
  if (type === 'text/vtt' || type === 'text/plain') transcript = new TextDecoder().decode(body.bytes);
  else if (type === '' || /^application\/(.+\+)?json$/.test(type)) transcript = body.json(transcriptInput);
  else throw new AppError('unsupported_media_type', { message: `Send the transcript as application/json, text/vtt or text/plain, not ${type}` });
  const rawDuration = url.searchParams.get('duration');
  const duration = rawDuration === null ? undefined : durationFromText(rawDuration);
  return ok(await replaceTranscript({ ctx, id: params.id, transcript, duration, path: '(body)' }));
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
