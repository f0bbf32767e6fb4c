import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  expectText,
  launchBrowser,
  resultOf,
  selectOption,
  signIn,
  trpcMutation,
  trpcQuery,
} from './support';

// Issue 10, point 10: an admin invites by email and role; a new person chooses their own password through the
// link; someone with an account joins only by accepting after signing in.
describe('membership invitations', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const signInAs = async (page: Page, email: string, password: string) => {
    await page.getByTestId('sign-in-email').fill(email);
    await page.getByTestId('sign-in-password').fill(password);
    await page.getByTestId('sign-in-submit').click();
  };

  it('a new person joins through the link with their own password; an existing one accepts in the app', async () => {
    const email = `invitee-${Date.now()}@example.com`;
    const admin = await signIn(browser, 'ADMIN');
    await admin.page.goto('/members');
    await admin.page.getByTestId('member-invite').click();
    await admin.page.getByTestId('member-email').fill(email);
    await selectOption(admin.page, 'member-new-role', 'Analyst');
    await admin.page.getByTestId('member-invite-confirm').click();
    await admin.page.getByTestId('invite-sent').waitFor();
    const link = ((await admin.page.getByTestId('invite-link').textContent()) ?? '').trim();
    expect(link).toMatch(new RegExp(`^${BASE_URL}/invite/[\\w-]{43}$`));
    await admin.page.getByRole('button', { name: 'Done' }).click();
    await admin.page.locator(`[data-testid="invitation-row"][data-email="${email}"]`).waitFor();
    expect(await admin.page.locator(`[data-testid="member-row"][data-email="${email}"]`).count()).toBe(0);

    // The invitee, in their own browser profile, with no account yet.
    const context = await browser.newContext({ baseURL: BASE_URL });
    const page = await context.newPage();
    await page.goto(link);
    await expectText(page.getByTestId('invitation-summary'), email);
    await page.getByTestId('invitation-name').fill('Ivy Invitee');
    await page.getByTestId('invitation-password').fill('ivys-own-pass-1');
    await page.getByTestId('invitation-repeat').fill('ivys-own-pass-1');
    await page.getByTestId('invitation-claim').click();
    await page.getByTestId('sign-in-notice').waitFor();
    expect(await page.getByTestId('sign-in-email').inputValue()).toBe(email);
    await page.getByTestId('sign-in-password').fill('ivys-own-pass-1');
    await page.getByTestId('sign-in-submit').click();
    await expectText(page.getByTestId('user-name'), 'Ivy Invitee');
    await expectText(page.getByTestId('user-role'), /analyst/i);
    // The link worked once.
    await page.goto(link);
    await page.getByText('Invitation not available').waitFor();

    // Removed, then invited again: now an existing account, who must say yes after signing in.
    const members = await trpcQuery<{ id: string; user: { email: string } }[]>(admin.page, 'member.list');
    const membership = members.find((m) => m.user.email === email);
    if (!membership) throw new Error(`${email} is not in member.list`);
    resultOf(await trpcMutation(admin.page, 'member.remove', { membershipId: membership.id }), 'member.remove');
    resultOf(await trpcMutation(admin.page, 'member.invite', { email, role: 'MARKETER' }), 'member.invite');
    await context.clearCookies();
    await page.goto('/sign-in');
    await signInAs(page, email, 'ivys-own-pass-1');
    await page.getByTestId('invitation-offer').waitFor();
    await page.getByTestId('invitation-accept').click();
    await expectText(page.getByTestId('user-role'), /marketer/i);
    expect(await page.getByTestId('invitation-offer').count()).toBe(0);
    await context.close();
    await admin.context.close();
  });
});
