// Ends every way a user is signed in: refresh tokens are revoked, and browser sessions and access tokens issued before
// now are refused from now on (they are stateless, so the cut-off time is what makes them invalid).
import type { Tx } from '../../db';
import { publishAccessChange } from '../../realtime/access-changes';
import { revokeAllRefreshTokens } from './refresh-tokens';

export async function endAllSessions(tx: Tx, userId: string, at: Date = new Date()): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { credentialsChangedAt: at } });
  await revokeAllRefreshTokens(userId, tx);
  // Streams opened with an earlier session or token, on every instance, end within moments.
  await publishAccessChange(tx, { kind: 'credentials', userId });
}

/** SECURITY: a session or access token issued at `issuedAt` (ms) is valid only if issued after the last credential change. */
export const issuedAfterCredentialChange = (issuedAt: number | null | undefined, credentialsChangedAt: Date | null): boolean =>
  credentialsChangedAt === null || (typeof issuedAt === 'number' && issuedAt >= credentialsChangedAt.getTime());
