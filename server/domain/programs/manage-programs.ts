// Programs: what a transmission does (send a text, template, document or recording, speak a text, handle an account's
// inbound traffic). Each keeps its reference in a typed column, checked on the way in: missing is 422, another
// organization's is 404, an unknown type is 404. A program in use cannot be deleted (409): `programUses` lists what
// may use one (accounts' subscriptions, campaigns).
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { conflict, notFound, validationFailed } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { ACCOUNT_TYPE_OF, PROGRAM_INPUTS, PROGRAM_LABELS, PROGRAM_TYPES, type ProgramDto, type ProgramOrderingField, type ProgramType } from './program.schema';

const include = {
  text: { select: { name: true } },
  template: { select: { name: true } },
  document: { select: { name: true } },
  recording: { select: { name: true } },
  account: { select: { name: true, address: true } },
  _count: { select: { subscribers: true } },
} as const satisfies Prisma.ProgramInclude;
type Row = Prisma.ProgramGetPayload<{ include: typeof include }>;

function usesOf(p: Row): ProgramDto['uses'] {
  if (p.textId) return { kind: 'text', id: p.textId, name: p.text?.name ?? '' };
  if (p.templateId) return { kind: 'template', id: p.templateId, name: p.template?.name ?? '' };
  if (p.documentId) return { kind: 'document', id: p.documentId, name: p.document?.name ?? '' };
  if (p.recordingId) return { kind: 'recording', id: p.recordingId, name: p.recording?.name ?? '' };
  if (p.accountId) return { kind: 'account', id: p.accountId, name: p.account ? `${p.account.name} (${p.account.address})` : '' };
  return { kind: 'speech', id: null, name: (p.ttsText ?? '').slice(0, 80) };
}

const toDto = (p: Row): ProgramDto => ({
  id: p.id,
  name: p.name,
  type: p.type,
  textId: p.textId,
  templateId: p.templateId,
  documentId: p.documentId,
  recordingId: p.recordingId,
  accountId: p.accountId,
  text: p.ttsText,
  uses: usesOf(p),
  subscribers: p._count.subscribers,
  createdAt: p.createdAt.toISOString(),
});

export async function findProgram(ctx: OrgCtx, id: string, tx: Tx = db) {
  if (!isUuid(id)) throw notFound('Program');
  const program = await tx.program.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!program) throw notFound('Program');
  return program;
}

/**
 * What may hold on to a program; each answers with a reason it is in use, or null. Part of the rule "a program in use
 * cannot be deleted".
 */
export const programUses: Array<(tx: Tx, programId: string) => Promise<string | null>> = [
  async (tx, programId) => {
    const accounts = await tx.accountProgram.count({ where: { programId } });
    return accounts > 0 ? `${accounts} ${accounts === 1 ? 'account is' : 'accounts are'} subscribed to it: unsubscribe ${accounts === 1 ? 'it' : 'them'} first` : null;
  },
  async (tx, programId) => {
    const campaigns = await tx.campaign.count({ where: { programId } });
    return campaigns > 0 ? `${campaigns} ${campaigns === 1 ? 'campaign sends' : 'campaigns send'} it` : null;
  },
];

export async function assertProgramUnused(tx: Tx, programId: string): Promise<void> {
  for (const use of programUses) {
    const reason = await use(tx, programId);
    if (reason) throw conflict(`This program is in use: ${reason}`);
  }
}

export function parseProgramType(value: string): ProgramType {
  if (!(PROGRAM_TYPES as readonly string[]).includes(value)) throw notFound(`Program type “${value}” (one of ${PROGRAM_TYPES.join(', ')})`);
  return value as ProgramType;
}

export async function listPrograms(opts: { ctx: Ctx; page: Page; ordering?: Ordering<ProgramOrderingField>; type?: string }) {
  const ctx = requirePermission(opts.ctx, 'programs:read');
  const o = opts.ordering ?? { field: 'createdAt', direction: 'desc' };
  const types = opts.type?.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = types?.filter((t) => !(PROGRAM_TYPES as readonly string[]).includes(t)) ?? [];
  if (unknown.length > 0) throw validationFailed('type', `must be one of ${PROGRAM_TYPES.join(', ')}`);
  const where: Prisma.ProgramWhereInput = { organizationId: ctx.organizationId, ...(types?.length && { type: { in: types as ProgramType[] } }) };
  const [count, rows] = await Promise.all([db.program.count({ where }), db.program.findMany({ where, include, orderBy: [{ [o.field]: o.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit })]);
  return { count, results: rows.map(toDto) };
}

export async function getProgram(opts: { ctx: Ctx; id: string }): Promise<ProgramDto> {
  const ctx = requirePermission(opts.ctx, 'programs:read');
  const program = await findProgram(ctx, opts.id);
  return toDto(await db.program.findUniqueOrThrow({ where: { id: program.id }, include }));
}

/** POST /programs/{type}: the reference checked in the caller's organization (another's is 404, like an unknown id). */
export async function createProgram(opts: { ctx: Ctx; type: string; input: unknown }): Promise<ProgramDto> {
  const ctx = requirePermission(opts.ctx, 'programs:manage');
  const type = parseProgramType(opts.type);
  const input = PROGRAM_INPUTS[type].parse(opts.input) as { name?: string; textId?: string; templateId?: string; documentId?: string; recordingId?: string; accountId?: string; text?: string };
  const org = ctx.organizationId;
  return db.$transaction(async (tx) => {
    let data: Omit<Prisma.ProgramUncheckedCreateInput, 'organizationId' | 'type' | 'name'>;
    let named: string;
    if (input.textId) {
      const text = await tx.smsText.findFirst({ where: { id: input.textId, organizationId: org }, select: { id: true, name: true } });
      if (!text) throw notFound('Text');
      data = { textId: text.id };
      named = text.name;
    } else if (input.templateId) {
      const template = await tx.emailTemplate.findFirst({ where: { id: input.templateId, organizationId: org }, select: { id: true, name: true } });
      if (!template) throw notFound('Template');
      data = { templateId: template.id };
      named = template.name;
    } else if (input.documentId) {
      const doc = await tx.faxDocument.findFirst({ where: { id: input.documentId, organizationId: org }, select: { id: true, name: true, mediaId: true } });
      if (!doc) throw notFound('Document');
      if (!doc.mediaId) throw validationFailed('documentId', 'this document has no PDF yet: upload it first (PUT /messages/documents/{id}/media)');
      data = { documentId: doc.id };
      named = doc.name;
    } else if (input.recordingId) {
      const rec = await tx.voiceRecording.findFirst({ where: { id: input.recordingId, organizationId: org }, select: { id: true, name: true, mediaId: true } });
      if (!rec) throw notFound('Recording');
      if (!rec.mediaId) throw validationFailed('recordingId', 'this recording has no audio yet: upload it first (PUT /messages/recordings/{id}/media)');
      data = { recordingId: rec.id };
      named = rec.name;
    } else if (input.accountId) {
      const account = await tx.account.findFirst({ where: { id: input.accountId, organizationId: org }, select: { id: true, name: true, type: true } });
      if (!account) throw notFound('Account');
      const needs = ACCOUNT_TYPE_OF[type];
      if (needs && account.type !== needs) throw validationFailed('accountId', `${PROGRAM_LABELS[type]} needs ${needs === 'email' ? 'an email' : 'a phone'} account; “${account.name}” is ${account.type === 'email' ? 'an email' : `a${account.type === 'extension' ? 'n' : ''} ${account.type}`} account`);
      data = { accountId: account.id };
      named = account.name;
    } else {
      data = { ttsText: input.text! };
      named = input.text!.slice(0, 40);
    }
    const created = await tx.program.create({ data: { organizationId: org, type, name: input.name ?? `${PROGRAM_LABELS[type]}: ${named}`.slice(0, 120), ...data }, include });
    return toDto(created);
  });
}

export async function deleteProgram(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'programs:manage');
  await db.$transaction(async (tx) => {
    const program = await findProgram(ctx, opts.id, tx);
    await assertProgramUnused(tx, program.id);
    await tx.program.delete({ where: { id: program.id } });
  });
}
