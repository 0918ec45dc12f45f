// Issue 8.6: what the screens say is written for the person in front of them: validation from the shared schemas,
// refusals from the server, file problems, greetings and empty states.
import { bootstrapTenant } from '../fixtures/tenant';
import { signIn } from './sign-in';
import { expect, test } from './test';

test('forms, refusals and greetings speak to the person, not to a developer', async ({ page, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'copy');
  await signIn(page, tenant.email, tenant.password);
  // Someone who has just signed up is welcomed, not "welcomed back".
  await expect(page.getByRole('heading', { name: 'Welcome, Test', level: 1 })).toBeVisible();
  await expect(page.getByText('Welcome back')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account', exact: true }).click();
  const password = page.getByRole('region', { name: 'Password' });
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByText('Enter your current password')).toBeVisible();
  await expect(password.getByText('Use at least 8 characters')).toBeVisible();
  await password.getByLabel('Current password').fill('not my password at all');
  await password.getByLabel('New password', { exact: true }).fill('a brand new password');
  await password.getByLabel('Confirm new password').fill('a brand new password');
  await password.getByRole('button', { name: 'Change password' }).click();
  // The server's refusal lands under the field it is about, as a sentence.
  await expect(password.getByText('This is not your current password')).toBeVisible();
  await expect(password.getByLabel('Current password')).toBeFocused();

  // A file that claims to be a PNG but is not: the server says so plainly.
  const photo = page.getByRole('region', { name: 'Photo' });
  await photo.locator('input[type=file]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a not really a png') });
  await expect(photo.getByRole('alert')).toHaveText('This file is not really a PNG image, though it was sent as image/png. Choose a JPEG, PNG or BMP image.');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
  // The password form still holds what was typed; leaving says so in words too.
  const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(leave).toContainText('You have changes on this page that are not saved yet.');
  await leave.getByRole('button', { name: 'Discard changes' }).click();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Give the key a name')).toBeVisible();
  await expect(page.getByText('Choose at least one scope')).toBeVisible();
  for (const developerText of ['Is required', 'Validation failed', 'Missing permission', 'Invalid input']) await expect(page.getByText(developerText)).toHaveCount(0);
});
