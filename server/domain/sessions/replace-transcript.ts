// Adds or replaces the words of a session (one recorded without a transcript, or with a wrong one) and re-scores it.
import type { ModuleExpectations } from '../../analysis';
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { readTranscript, timeWords } from './read-transcript';
import { findVisibleSession } from './read-sessions';
import { auditOthersSession } from './session-audit';
import { publishSessionEvent } from './session-events';
import { readSessionRecording } from './session-recording';
import { scorePractice } from './score-practice';
import { sessionUserSelect, toSessionDto } from './session.dto';
import type { SessionDto } from './session.schema';

/**
 * `path` names where the transcript was in the request, for error paths (`(body)` when it is the whole body);
 * `duration` (seconds) times plain text on a session without a recording.
 */
export async function replaceTranscript(opts: { ctx: Ctx; id: string; transcript: unknown; duration?: number | null; path?: string }): Promise<SessionDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:write');
  const session = await findVisibleSession(ctx, opts.id);
  const parsed = readTranscript(opts.transcript, opts.path ?? 'transcript');
  const audio = session.audioMediaId ? (await readSessionRecording(session.audioMediaId)).audio : null;
  const transcript = timeWords(parsed, { audio, duration: opts.duration });
  // Scored against what the module asked for when it was recorded, so later edits of the module change nothing here.
  const scored = scorePractice({ transcript, audio, expectations: session.expectations as unknown as ModuleExpectations });
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.practiceSession.update({
      where: { id: session.id },
      data: { ...scored, transcriptStatus: 'ready', transcriptSource: 'upload', transcriptError: null },
      include: { user: sessionUserSelect },
    });
    await auditOthersSession(tx, ctx, session, 'session.transcript_replaced');
    await publishSessionEvent(tx, { organizationId: updated.organizationId, type: 'session.updated', sessionId: updated.id, userId: updated.userId, status: 'ready' });
    return updated;
  });
  return toSessionDto(row);
}
