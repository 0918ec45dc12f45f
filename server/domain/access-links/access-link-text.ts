// The text message that carries an access link, composed when it is delivered: the link's secret is opened from its
// sealed copy then, so the transmission keeps no readable URL (its list and detail show where it went, not the link).
import type { Tx } from '../../db';
import { open } from '../../auth/sealed-secrets';
import { appUrl } from '../../mail/app-url';

const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

export const accessLinkUrl = (token: string) => appUrl(`/access/${token}`);

export type AccessLinkText = { ok: true; text: string } | { ok: false; reason: string };

export async function accessLinkText(tx: Pick<Tx, 'accessLink'>, accessLinkId: string): Promise<AccessLinkText> {
  const link = await tx.accessLink.findUnique({ where: { id: accessLinkId }, select: { tokenSealed: true, expiresAt: true, organization: { select: { name: true } } } });
  if (!link) return { ok: false, reason: 'Its access link was deleted' };
  const token = open(link.tokenSealed, 'access-link');
  if (!token) return { ok: false, reason: 'Its access link can no longer be read (the app secret changed): ask for a new link' };
  return { ok: true, text: `${link.organization.name}: continue your conversation with us here: ${accessLinkUrl(token)} (valid until ${DAY.format(link.expiresAt)})` };
}
