// Practice sessions: record, review, list with filters, the score trend, one person's history, fix the transcript.
import { z } from 'zod';
import { createSession, recordSession } from '../../domain/sessions/create-session';
import { deleteSession, getSession, listSessions, listUserSessions, sessionScoreTrend } from '../../domain/sessions/read-sessions';
import { replaceTranscript } from '../../domain/sessions/replace-transcript';
import { retryTranscription } from '../../domain/sessions/transcribe-session';
import { transcriptionService } from '../../domain/sessions/transcription-service';
import { createSessionInput, SESSION_ORDERING, sessionDurationInput, sessionFieldsInput, transcriptInput } from '../../domain/sessions/session.schema';
import { orderingInput, pageInput } from '../../domain/shared/list';
import { orgProcedure, router } from '../init';

const id = z.object({ id: z.string() }).strict();
// The filters travel as the list's URL holds them; the domain's strict schema reads them.
const query = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});
const ordering = orderingInput(SESSION_ORDERING, { field: 'recordedAt', direction: 'desc' });

export const sessionsRouter = router({
  list: orgProcedure('sessions:read')
    .input(z.object({ ...pageInput, ordering, query }).strict())
    .query(({ ctx, input }) => listSessions({ ctx: ctx.app, page: input, ordering: input.ordering, query: input.query })),
  trend: orgProcedure('sessions:read').input(z.object({ query }).strict()).query(({ ctx, input }) => sessionScoreTrend({ ctx: ctx.app, query: input.query })),
  get: orgProcedure('sessions:read').input(id).query(({ ctx, input }) => getSession({ ctx: ctx.app, id: input.id })),
  create: orgProcedure('sessions:write').input(createSessionInput).mutation(({ ctx, input }) => createSession({ ctx: ctx.app, input })),
  // The recorder: the browser has already streamed the WAV to /api/uploads/audio; this attaches it by id.
  record: orgProcedure('sessions:write')
    .input(sessionFieldsInput.extend({ audioUploadId: z.uuid(), transcript: transcriptInput.optional(), transcriptSource: z.enum(['upload', 'browser']).optional() }).strict())
    .mutation(({ ctx, input }) => {
      const { audioUploadId, transcript, transcriptSource, ...fields } = input;
      return recordSession({ ctx: ctx.app, fields, transcript, transcriptSource, audioUploadId });
    }),
  // Whether a recording without typed words is transcribed here (STT_URL), for the recorders' notes.
  transcription: orgProcedure('sessions:write').query(({ ctx }) => transcriptionService({ ctx: ctx.app })),
  retryTranscription: orgProcedure('sessions:write').input(id).mutation(({ ctx, input }) => retryTranscription({ ctx: ctx.app, id: input.id })),
  delete: orgProcedure('sessions:write').input(id).mutation(({ ctx, input }) => deleteSession({ ctx: ctx.app, id: input.id })),
  replaceTranscript: orgProcedure('sessions:write')
    .input(z.object({ id: z.string(), transcript: transcriptInput, duration: sessionDurationInput.optional() }).strict())
    .mutation(({ ctx, input }) => replaceTranscript({ ctx: ctx.app, id: input.id, transcript: input.transcript, duration: input.duration })),
  ofUser: orgProcedure('sessions:read')
    .input(z.object({ userId: z.string(), ...pageInput, ordering }).strict())
    .query(({ ctx, input }) => listUserSessions({ ctx: ctx.app, userId: input.userId, page: input, ordering: input.ordering })),
});
