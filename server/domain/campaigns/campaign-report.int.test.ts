// The campaign pages' reads against a real PostgreSQL: the delivery report (each transmission with every attempt,
// filtered by status and contact, the same rows as CSV through the one export path, times in the asked zone), the
// sends per minute with the quiet minutes as zeros, and another organization's campaign answered as a missing one.
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../auth/permissions';
import type { Ctx } from '../../context';
import { db } from '../../db';
import { AppError } from '../../errors';
import { csvStream } from '../../rest/csv';
import { api } from '../../test/api-client';
import { newTenant, type Tenant } from '../../test/factories';
import { campaignSendRate, DELIVERY_EXPORT_COLUMNS, exportCampaignDeliveries, listCampaignDeliveries } from './campaign-report';
import { createCampaign } from './manage-campaigns';

let t: Tenant;
let other: Tenant;
let ctx: Ctx;
let otherCtx: Ctx;
let campaignId: string;
let names: string[];
const ctxOf = (tenant: Tenant, permissions: Iterable<string> = PERMISSIONS): Ctx => ({ organizationId: tenant.organizationId, actor: { kind: 'apiKey', id: tenant.apiKeyId, createdById: null }, permissions: new Set(permissions), requestId: 'test' }) as Ctx;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'ok';
}

const base = new Date('2026-03-02T09:00:00Z').getTime();
const at = (minute: number, second = 0) => new Date(base + minute * 60_000 + second * 1000);

beforeAll(async () => {
  [t, other] = await Promise.all([newTenant('report'), newTenant('report-other')]);
  [ctx, otherCtx] = [ctxOf(t), ctxOf(other)];
  const text = (await api('POST', '/messages/texts', { headers: t.keyHeaders, json: { name: 'Hi', data: 'Hi {{firstName}}' } })).body as { id: string };
  const programId = ((await api('POST', '/programs/sendsms', { headers: t.keyHeaders, json: { textId: text.id } })).body as { programId: string }).programId;
  const provider = await db.provider.create({ data: { organizationId: t.organizationId, name: 'Sink', type: 'twilio', serviceFlags: ['sms'], host: 'http://127.0.0.1:9' } });
  const group = await db.contactGroup.create({ data: { organizationId: t.organizationId, name: 'Report group' } });
  names = ['Ada', 'Grace', 'Edsger', '=cmd'];
  const contacts = await db.contact.createManyAndReturn({ data: names.map((firstName, i) => ({ organizationId: t.organizationId, firstName, lastName: 'Test', phone: `+1512555${String(7000 + i)}` })), select: { id: true, firstName: true } });
  await db.contactGroupMember.createMany({ data: contacts.map((c) => ({ groupId: group.id, contactId: c.id })) });
  campaignId = (await createCampaign({ ctx, input: { programId, groupId: group.id, cpm: 2 } })).id;
  await db.campaign.update({ where: { id: campaignId }, data: { status: 'completed', startedAt: at(0), completedAt: at(5) } });
  // Ada: sent at minute 0; Grace: failed at 0, sent at 3 (nothing in 1 and 2); Edsger: failed for good at 3; =cmd: never tried.
  const outcomes: { status: 'completed' | 'failed' | 'pending'; spools: { minute: number; ok: boolean }[] }[] = [
    { status: 'completed', spools: [{ minute: 0, ok: true }] },
    { status: 'completed', spools: [{ minute: 0, ok: false }, { minute: 3, ok: true }] },
    { status: 'failed', spools: [{ minute: 3, ok: false }] },
    { status: 'pending', spools: [] },
  ];
  for (const [i, c] of contacts.entries()) {
    const o = outcomes[i]!;
    const tr = await db.transmission.create({ data: { organizationId: t.organizationId, contactId: c.id, programId, campaignId, status: o.status, createdAt: at(0, i) } });
    for (const [n, s] of o.spools.entries()) {
      await db.spool.create({ data: { organizationId: t.organizationId, transmissionId: tr.id, providerId: provider.id, status: s.ok ? 'completed' : 'failed', startedAt: at(s.minute, 10 + n), endedAt: at(s.minute, 11 + n), createdAt: at(s.minute, 10 + n), error: s.ok ? null : 'Twilio answered 503', providerMessageId: s.ok ? `SM${i}${n}` : null } });
    }
  }
}, 60_000);

describe('delivery report', () => {
  it('lists each transmission with every attempt, filtered by status and contact', async () => {
    const all = await listCampaignDeliveries({ ctx, id: campaignId, page: { limit: 50, offset: 0 } });
    expect(all.count).toBe(4);
    expect(all.results.map((r) => [r.contact?.name, r.status, r.spools.map((s) => s.status)])).toEqual([
      ['Ada Test', 'completed', ['completed']],
      ['Grace Test', 'completed', ['failed', 'completed']],
      ['Edsger Test', 'failed', ['failed']],
      ['=cmd Test', 'pending', []],
    ]);
    expect((await listCampaignDeliveries({ ctx, id: campaignId, page: { limit: 50, offset: 0 }, filters: { status: 'failed,pending' } })).results.map((r) => r.contact?.name)).toEqual(['Edsger Test', '=cmd Test']);
    expect((await listCampaignDeliveries({ ctx, id: campaignId, page: { limit: 50, offset: 0 }, filters: { search: 'grac' } })).results.map((r) => r.contact?.name)).toEqual(['Grace Test']);
    const page2 = await listCampaignDeliveries({ ctx, id: campaignId, page: { limit: 2, offset: 2 } });
    expect([page2.count, page2.results.length]).toEqual([4, 2]);
  });

  it('refuses a bad filter, another organization’s campaign and a role without campaigns:read', async () => {
    expect(await code(listCampaignDeliveries({ ctx, id: campaignId, page: { limit: 5, offset: 0 }, filters: { status: 'sent' } }))).toBe('validation_failed');
    expect(await code(listCampaignDeliveries({ ctx: otherCtx, id: campaignId, page: { limit: 5, offset: 0 } }))).toBe('not_found');
    expect(await code(listCampaignDeliveries({ ctx, id: 'not-a-uuid', page: { limit: 5, offset: 0 } }))).toBe('not_found');
    expect(await code(exportCampaignDeliveries({ ctx: otherCtx, id: campaignId }))).toBe('not_found');
    expect(await code(exportCampaignDeliveries({ ctx, id: campaignId, filters: { tz: 'Mars/Olympus' } }))).toBe('validation_failed');
    expect(await code(campaignSendRate({ ctx: otherCtx, id: campaignId }))).toBe('not_found');
    expect(await code(listCampaignDeliveries({ ctx: ctxOf(t, ['transmissions:read']), id: campaignId, page: { limit: 5, offset: 0 } }))).toBe('forbidden');
  });

  it('exports one row per attempt (and one for the untried), formula-safe, in the asked zone, with the page’s filters', async () => {
    const read = async (filters?: Parameters<typeof exportCampaignDeliveries>[0]['filters']) => {
      const text = Buffer.from(await new Response(await csvStream(await exportCampaignDeliveries({ ctx, id: campaignId, filters }))).arrayBuffer()).toString('utf8');
      return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    };
    const rows = await read({ tz: 'Europe/Paris' });
    expect(Object.keys(rows[0]!)).toEqual(DELIVERY_EXPORT_COLUMNS);
    expect(rows.map((r) => [r['First name'], r.Attempt, r['Attempt status']])).toEqual([
      ['Ada', '1', 'completed'],
      ['Grace', '1', 'failed'],
      ['Grace', '2', 'completed'],
      ['Edsger', '1', 'failed'],
      ["'=cmd", '', ''],
    ]);
    expect(rows[0]!['Started at']).toBe('2026-03-02T10:00:10+01:00');
    expect(rows[0]!.Provider).toBe('Sink');
    expect((await read({ status: 'failed' })).map((r) => r['First name'])).toEqual(['Edsger']);
    expect((await read({ search: 'ada' })).map((r) => r['First name'])).toEqual(['Ada']);
  });
});

describe('sends per minute', () => {
  it('counts attempts per minute, sent and failed, with quiet minutes as zeros, and the cpm to draw against', async () => {
    const rate = await campaignSendRate({ ctx, id: campaignId });
    expect(rate.cpm).toBe(2);
    expect(rate.points).toEqual([
      { minute: at(0).getTime(), sent: 1, failed: 1 },
      { minute: at(1).getTime(), sent: 0, failed: 0 },
      { minute: at(2).getTime(), sent: 0, failed: 0 },
      { minute: at(3).getTime(), sent: 1, failed: 1 },
    ]);
  });
});
