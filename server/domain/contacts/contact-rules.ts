// The rules every write of contacts follows, whichever path it takes (one contact over REST or tRPC, or a CSV import):
// phones in E.164 read in the organization's default country, and within an organization a phone number or an email
// address belongs to one contact — kept true under concurrency by one lock per organization.
import { db, type Tx } from '../../db';
import { AppError, validationFailed } from '../../errors';
import { PHONE_HINT, toE164 } from '../shared/phone';

/** Advisory-lock namespace of an organization's contact writes (second key: hash of the organization id). */
export const CONTACTS_LOCK = 720_707_372;
/** The same lock as SQL, for the import's own connection. */
export const CONTACTS_LOCK_SQL = `SELECT pg_advisory_xact_lock(${CONTACTS_LOCK}::int, hashtext($1::text))`;

/**
 * CONSISTENCY: every transaction that creates or changes a contact's phone or email takes this first, so the
 * "is it taken?" check and the write cannot interleave with another writer of the same organization.
 */
export async function lockContacts(tx: Tx, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${CONTACTS_LOCK}::int, hashtext(${organizationId}::text))::text`;
}

export async function defaultCountryOf(organizationId: string, tx: Tx = db): Promise<string> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { defaultCountry: true } });
  return org.defaultCountry;
}

/** The phone in E.164, or 422 on `phone`. */
export function normalizePhone(value: string, country: string): string {
  const e164 = toE164(value, country);
  if (!e164) throw validationFailed('phone', PHONE_HINT);
  return e164;
}

/** 409 naming the contact that already holds this phone or email (another than `exceptId`). */
export async function assertContactFree(tx: Tx, opts: { organizationId: string; phone: string; email: string | null; exceptId?: string }): Promise<void> {
  const taken = await tx.contact.findFirst({
    where: { organizationId: opts.organizationId, ...(opts.exceptId && { id: { not: opts.exceptId } }), OR: [{ phone: opts.phone }, ...(opts.email ? [{ email: opts.email }] : [])] },
    select: { id: true, phone: true },
  });
  if (!taken) return;
  const field = taken.phone === opts.phone ? 'phone' : 'email';
  throw new AppError('conflict', {
    message: `Contact ${taken.id} already has this ${field === 'phone' ? 'phone number' : 'email address'}`,
    errors: [{ path: field, message: `belongs to contact ${taken.id}` }],
  });
}
