// Campaigns: create and edit (checking the program, group and account in the caller's organization — another's is
// 404 like a missing one), list and read with counts that come from the transmissions themselves, delete a campaign
// that never started. Running them lives in run-campaign.ts, schedules in schedule-campaign.ts.
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { conflict, notFound, validationFailed } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { isSendingProgram, SERVICE_OF } from '../transmissions/manage-transmissions';
import { campaignInput, campaignPatch, STARTED_STATUSES, type CampaignCounts, type CampaignDto, type CampaignOrderingField, type CampaignStatus } from './campaign.schema';

const include = {
  program: { select: { id: true, name: true, type: true } },
  group: { select: { id: true, name: true, _count: { select: { members: true } } } },
  account: { select: { id: true, name: true, address: true } },
  schedules: { where: { status: 'scheduled' }, orderBy: { nextAt: 'asc' } },
} as const satisfies Prisma.CampaignInclude;
type Row = Prisma.CampaignGetPayload<{ include: typeof include }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const EMPTY: CampaignCounts = { total: 0, pending: 0, processing: 0, sent: 0, failed: 0, invalid: 0, retrying: 0 };

/**
 * Counts per state, straight from the campaign's transmissions (so they always reconcile with the spools): a failed
 * transmission with tries left is `retrying` and still `pending`; one with none left is `failed`.
 */
export async function campaignCounts(ids: string[], tx: Pick<Tx, '$queryRaw'> = db): Promise<Map<string, CampaignCounts>> {
  const out = new Map<string, CampaignCounts>(ids.map((id) => [id, { ...EMPTY }]));
  if (ids.length === 0) return out;
  const rows = await tx.$queryRaw<{ campaignId: string; status: string; retrying: boolean; n: bigint }[]>`
    SELECT t."campaignId", t.status::text AS status,
           (t.status = 'failed' AND (SELECT count(*) FROM "Spool" s WHERE s."transmissionId" = t.id) < c."tryAllowed") AS retrying,
           count(*) AS n
    FROM "Transmission" t JOIN "Campaign" c ON c.id = t."campaignId"
    WHERE t."campaignId" = ANY(${ids}::uuid[])
    GROUP BY 1, 2, 3`;
  for (const r of rows) {
    const c = out.get(r.campaignId)!;
    const n = Number(r.n);
    c.total += n;
    if (r.status === 'pending') c.pending += n;
    else if (r.status === 'processing') c.processing += n;
    else if (r.status === 'completed') c.sent += n;
    else if (r.status === 'invalid') c.invalid += n;
    else if (r.retrying) {
      c.retrying += n;
      c.pending += n;
    } else c.failed += n;
  }
  return out;
}

const toDto = (c: Row, counts: CampaignCounts): CampaignDto => ({
  id: c.id,
  name: c.name,
  programId: c.programId,
  groupId: c.groupId,
  accountId: c.accountId,
  program: c.program,
  group: { id: c.group.id, name: c.group.name, size: c.group._count.members },
  account: c.account,
  cpm: c.cpm,
  tryAllowed: c.tryAllowed,
  continuous: c.continuous,
  status: c.status,
  counts,
  progress: counts.total === 0 ? (c.status === 'completed' ? 1 : 0) : (counts.sent + counts.failed + counts.invalid) / counts.total,
  schedules: c.schedules.map((s) => ({ id: s.id, action: s.action, at: iso(s.at), cron: s.cron, nextAt: s.nextAt.toISOString() })),
  startedAt: iso(c.startedAt),
  stoppedAt: iso(c.stoppedAt),
  completedAt: iso(c.completedAt),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export async function campaignDto(id: string, tx: Tx = db): Promise<CampaignDto> {
  const row = await tx.campaign.findUniqueOrThrow({ where: { id }, include });
  return toDto(row, (await campaignCounts([id], tx)).get(id)!);
}

/** Loads a campaign of the caller's organization (another's is 404); `lock` serialises its state changes. */
export async function findCampaign(ctx: OrgCtx, id: string, tx: Tx = db, opts: { lock?: boolean } = {}) {
  if (!isUuid(id)) throw notFound('Campaign');
  if (opts.lock) {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Campaign" WHERE id = ${id}::uuid AND "organizationId" = ${ctx.organizationId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw notFound('Campaign');
  }
  const c = await tx.campaign.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!c) throw notFound('Campaign');
  return c;
}

export type CampaignFilters = { status?: string; search?: string };

export async function listCampaigns(opts: { ctx: Ctx; page: Page; ordering?: Ordering<CampaignOrderingField>; filters?: CampaignFilters }) {
  const ctx = requirePermission(opts.ctx, 'campaigns:read');
  const o = opts.ordering ?? { field: 'createdAt', direction: 'desc' };
  const where: Prisma.CampaignWhereInput = { organizationId: ctx.organizationId };
  const statuses = opts.filters?.status?.split(',').map((s) => s.trim()).filter(Boolean);
  if (statuses?.length) {
    const allowed = ['draft', 'scheduled', 'running', 'stopped', 'completed', 'cancelled'];
    if (statuses.some((s) => !allowed.includes(s))) throw validationFailed('status', `must be one of ${allowed.join(', ')}`);
    where.status = { in: statuses as CampaignStatus[] };
  }
  const q = opts.filters?.search?.trim();
  if (q) where.name = { contains: q, mode: 'insensitive' };
  const [count, rows] = await Promise.all([db.campaign.count({ where }), db.campaign.findMany({ where, include, orderBy: [{ [o.field]: o.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit })]);
  const counts = await campaignCounts(rows.map((r) => r.id));
  return { count, results: rows.map((r) => toDto(r, counts.get(r.id)!)) };
}

export async function getCampaign(opts: { ctx: Ctx; id: string }): Promise<CampaignDto> {
  const ctx = requirePermission(opts.ctx, 'campaigns:read');
  const c = await findCampaign(ctx, opts.id);
  return campaignDto(c.id);
}

/**
 * The program, group and account, each in the caller's organization (another's is 404). The program must send
 * something, and an account must be of the type the program sends from.
 */
async function checkedReferences(tx: Tx, ctx: OrgCtx, input: { programId: string; groupId: string; accountId?: string | null }) {
  const program = await tx.program.findFirst({ where: { id: input.programId, organizationId: ctx.organizationId }, select: { id: true, name: true, type: true } });
  if (!program) throw notFound('Program');
  if (!isSendingProgram(program.type)) throw validationFailed('programId', `a ${program.type} program handles inbound traffic and sends nothing: choose a sendsms, sendemail, sendfax, voicemessage or voicetts program`);
  const group = await tx.contactGroup.findFirst({ where: { id: input.groupId, organizationId: ctx.organizationId }, select: { id: true } });
  if (!group) throw notFound('Group');
  if (input.accountId) {
    const account = await tx.account.findFirst({ where: { id: input.accountId, organizationId: ctx.organizationId }, select: { id: true, type: true } });
    if (!account) throw notFound('Account');
    const spec = SERVICE_OF[program.type];
    if (account.type !== spec.account) throw validationFailed('accountId', `a ${program.type} program sends from ${spec.account === 'email' ? 'an email' : 'a phone'} account`);
  }
  return { program };
}

export async function createCampaign(opts: { ctx: Ctx; input: unknown }): Promise<CampaignDto> {
  const ctx = requirePermission(opts.ctx, 'campaigns:manage');
  const input = campaignInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const { program } = await checkedReferences(tx, ctx, input);
    const created = await tx.campaign.create({
      data: {
        organizationId: ctx.organizationId,
        name: input.name || `${program.name} — ${new Date().toISOString().slice(0, 10)}`,
        programId: input.programId,
        groupId: input.groupId,
        accountId: input.accountId ?? null,
        cpm: input.cpm,
        tryAllowed: input.tryAllowed,
        continuous: input.continuous,
        createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      },
    });
    return campaignDto(created.id, tx);
  });
}

/**
 * PUT (whole) or PATCH (some fields). Pace, tries and name may change at any time (a running campaign takes a new cpm
 * at its next send); the program, group and account only before it starts: its transmissions are made from them.
 */
export async function updateCampaign(opts: { ctx: Ctx; id: string; input: unknown; partial: boolean }): Promise<CampaignDto> {
  const ctx = requirePermission(opts.ctx, 'campaigns:manage');
  const input = opts.partial ? campaignPatch.parse(opts.input) : campaignInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const c = await findCampaign(ctx, opts.id, tx, { lock: true });
    const started = STARTED_STATUSES.includes(c.status);
    const next = { programId: input.programId ?? c.programId, groupId: input.groupId ?? c.groupId, accountId: input.accountId === undefined ? (opts.partial ? c.accountId : null) : input.accountId };
    if (started) {
      for (const key of ['programId', 'groupId', 'accountId'] as const) {
        if (next[key] !== c[key]) throw conflict(`This campaign has started: its ${key === 'programId' ? 'program' : key === 'groupId' ? 'group' : 'sender account'} can no longer change (clone it into a new campaign instead)`);
      }
    } else {
      await checkedReferences(tx, ctx, next);
    }
    await tx.campaign.update({
      where: { id: c.id },
      data: {
        ...(input.name !== undefined && { name: input.name || c.name }),
        ...next,
        ...(input.cpm !== undefined && { cpm: input.cpm }),
        ...(input.tryAllowed !== undefined && { tryAllowed: input.tryAllowed }),
        ...(input.continuous !== undefined && { continuous: input.continuous }),
      },
    });
    return campaignDto(c.id, tx);
  });
}

/** Only a campaign that never started (draft or scheduled) may be deleted; a started one keeps its record (409). */
export async function deleteCampaign(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'campaigns:manage');
  await db.$transaction(async (tx) => {
    const c = await findCampaign(ctx, opts.id, tx, { lock: true });
    if (STARTED_STATUSES.includes(c.status)) throw conflict(`This campaign has started (${c.status}): it cannot be deleted, its deliveries are on record`);
    await tx.campaign.delete({ where: { id: c.id } });
  });
}
