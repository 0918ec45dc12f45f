// Records a practice session: checks the module, analyzes the words against it and stores the scored session.
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { forbidden } from '../../errors';
import { findModule } from '../products/manage-modules';
import { actingUserId } from '../teams/team-access';
import { readTranscript } from './read-transcript';
import { scorePractice } from './score-practice';
import { toSessionDto, sessionUserSelect } from './session.dto';
import { createSessionInput, type SessionDto } from './session.schema';

export async function createSession(opts: { ctx: Ctx; input: unknown }): Promise<SessionDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:write');
  // Sessions belong to a person: an API key records for the user who created it.
  const userId = actingUserId(ctx);
  if (!userId) throw forbidden('This API key has no user to record sessions for; create a key as a user');
  if (!(await db.membership.findFirst({ where: { userId, organizationId: ctx.organizationId }, select: { id: true } }))) {
    throw forbidden('The user this API key records for is no longer a member of the organization');
  }
  const input = createSessionInput.parse(opts.input);
  const module = await findModule(ctx, input.moduleId);
  const words = readTranscript(input.transcript);
  const expectations = { keywords: module.keywords, targetTime: module.targetTime };
  // The engine is pure and fast (well under a second for an hour); it runs before the insert so nothing half-made is stored.
  const scored = scorePractice({ words, expectations });
  const row = await db.practiceSession.create({
    data: {
      organizationId: ctx.organizationId,
      userId,
      moduleId: module.id,
      productId: module.productId,
      moduleName: module.name,
      productName: module.product.name,
      expectations,
      opportunity: input.opportunity ?? null,
      recordedAt: input.recordedAt ? new Date(input.recordedAt) : new Date(),
      transcriptStatus: 'ready',
      transcriptSource: 'upload',
      ...scored,
    },
    include: { user: sessionUserSelect },
  });
  return toSessionDto(row);
}
