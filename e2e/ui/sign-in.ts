// Signs in through the login form and waits for the dashboard.
import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email or username').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signing in loads the app afresh; on a busy machine that can take a while.
  await expect(page.getByRole('heading', { name: /^Welcome/, level: 1 })).toBeVisible({ timeout: 20_000 });
}
