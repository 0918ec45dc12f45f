// What an invite link shows when it cannot be used: unknown, expired (REST 410), withdrawn — clear pages, no errors.
import pg from 'pg';
import { firstLink, readMail } from '../fixtures/mail-sink';
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { expect, test } from './test';

test('unknown, expired and withdrawn invite links each get a clear page', async ({ page, baseURL, request }) => {
  const tenant = await bootstrapTenant(baseURL!, 'links');
  const headers = { 'x-api-key': tenant.apiKey };
  const team = await (await request.post('/api/v1/teams', { headers, data: { name: 'Link Testers' } })).json();

  await page.goto('/invite/inv_this-token-does-not-exist-anywhere');
  await expect(page.getByRole('heading', { name: 'Invite not found' })).toBeVisible();
  await snap(page, 'invite-01-not-found');

  const late = `late-${Date.now()}@example.test`;
  const gone = `gone-${Date.now()}@example.test`;
  const sent = await request.post('/api/v1/invites', { headers, data: [{ email: late, teamId: team.id }, { email: gone, teamId: team.id }] });
  expect(sent.status()).toBe(201);
  const [lateInvite, goneInvite] = await sent.json();
  const lateLink = firstLink(await readMail(late, { subject: /Join Link Testers/ }))!;
  const goneLink = firstLink(await readMail(gone, { subject: /Join Link Testers/ }))!;

  // Seven days later: the invite's expiry is moved into the past.
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  await db.query(`UPDATE "Invite" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [lateInvite.id]);
  await db.end();
  await page.goto(lateLink);
  await expect(page.getByRole('heading', { name: 'This invite has expired' })).toBeVisible();
  await expect(page.getByText(/Ask your manager to invite you again/)).toBeVisible();
  await snap(page, 'invite-02-expired');
  const token = new URL(lateLink).pathname.split('/').pop()!;
  const rest = await request.get(`/api/v1/invites/${token}`);
  expect(rest.status()).toBe(410);
  expect((await rest.json()).code).toBe('gone');

  expect((await request.delete(`/api/v1/invites/${goneInvite.id}`, { headers })).status()).toBe(204);
  await page.goto(goneLink);
  await expect(page.getByRole('heading', { name: 'This invite was withdrawn' })).toBeVisible();
});
