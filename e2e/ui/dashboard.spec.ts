// Issue 8.11: the dashboard shows what an owner checks first (members, API keys, recent security events) and the
// seeded demo organization fills it; a plain member sees only what their role may read.
import { DEMO_LOGIN } from '../../prisma/seed';
import { signIn } from './sign-in';
import { expect, test } from './test';

test('the demo owner sees the team, the keys and the latest security events', async ({ page }) => {
  await signIn(page, DEMO_LOGIN.email, DEMO_LOGIN.password);
  const org = new URL(page.url()).pathname.split('/')[1]!;

  const members = page.getByRole('region', { name: 'Members' });
  await expect(members).toContainText('7 people in this organization.');
  // The first five people, then "and 2 more".
  await expect(members.getByRole('listitem')).toHaveCount(6);
  for (const role of ['Owner', 'Admin', 'Manager', 'Member']) await expect(members.getByText(role, { exact: true }).first()).toBeVisible();

  const keys = page.getByRole('region', { name: 'API keys' });
  await expect(keys).toContainText('3 active, 1 revoked or expired.');
  await expect(keys.getByRole('listitem')).toHaveCount(3);
  await expect(keys).toContainText('CRM sync');
  await expect(keys).not.toContainText('Website lead form');

  const events = page.getByRole('region', { name: 'Recent security events' });
  await expect(events.getByRole('listitem')).toHaveCount(5);
  // The demo owner's own sign-in just now leads the log.
  await expect(events.getByRole('listitem').first()).toContainText('Signed in');
  await events.getByRole('link', { name: 'Security log' }).click();
  await expect(page).toHaveURL(new RegExp(`/${org}/settings/security$`));
  const log = page.getByRole('region', { name: 'Events' });
  for (const label of ['API key revoked', 'Member role changed', 'Member removed', 'Organization created']) await expect(log.getByRole('cell', { name: label }).first()).toBeVisible();
});

test('a demo rep, a plain member, sees members and details but no keys or security events', async ({ page }) => {
  await signIn(page, 'sofia.hernandez@demo-motors.example', DEMO_LOGIN.password);
  await expect(page.getByRole('region', { name: 'Members' })).toContainText('7 people in this organization.');
  await expect(page.getByRole('region', { name: 'Organization' })).toContainText('Austin, TX');
  await expect(page.getByRole('region', { name: 'API keys' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Recent security events' })).toHaveCount(0);
});
