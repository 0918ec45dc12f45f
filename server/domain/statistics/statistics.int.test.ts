// GET /statistics: counts scoped to the organization and to a date range read in a time zone.
import { describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { newTenant } from '../../test/factories';

describe('GET /statistics', () => {
  it('counts members and keys of this organization only, within from/to', async () => {
    const t = await newTenant('stats');
    await newTenant('noise');
    const all = await api('GET', '/statistics', { headers: t.keyHeaders });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ members: 1, apiKeys: { total: 1, active: 1 }, range: { from: null, to: null } });

    await db.apiKey.updateMany({ where: { organizationId: t.organizationId }, data: { createdAt: new Date('2024-03-10T23:30:00Z') } });
    // 23:30 UTC on the 10th is already the 11th in GMT+7 (timezoneoffset=-420).
    const utcDay = await api('GET', '/statistics?from=2024-03-10&to=2024-03-10', { headers: t.keyHeaders });
    expect(utcDay.body.apiKeys.total).toBe(1);
    const bangkok = await api('GET', '/statistics?from=2024-03-10&to=2024-03-10&timezoneoffset=-420', { headers: t.keyHeaders });
    expect(bangkok.body.apiKeys.total).toBe(0);
    expect(bangkok.body.range.from).toBe('2024-03-09T17:00:00.000Z');
    const tz = await api('GET', '/statistics?from=2024-03-11&to=2024-03-11&tz=Asia/Bangkok', { headers: t.keyHeaders });
    expect(tz.body.apiKeys.total).toBe(1);
    expect((await api('GET', '/statistics?from=yesterday', { headers: t.keyHeaders })).status).toBe(422);
    expect((await api('GET', '/statistics?tz=Mars/Olympus', { headers: t.keyHeaders })).status).toBe(422);
  });
});
