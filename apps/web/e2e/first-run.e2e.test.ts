import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt, launchBrowser, signIn, signOut } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

const OWNER = { name: '王芳', email: 'owner@example.com', password: 'owner-password-1' };

let server: ServerProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer({ admin: false }), launchBrowser()]);
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('first run', () => {
  it('shows the setup page on an empty instance and creates the administrator', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('input[name=name]').fill(OWNER.name);
    await page.locator('input[name=email]').fill(OWNER.email);
    await page.locator('input[name=password]').fill(OWNER.password);
    await page.locator('button[type=submit]').click();
    await page.locator('nav[data-testid=top-nav]').waitFor({ state: 'visible' });
    // The administrator sees the admin area.
    expect(await page.locator('a[data-nav=admin]').count()).toBeGreaterThan(0);
  });

  it('signs out, refuses a wrong password, and signs in again', async () => {
    await signOut(page);
    // Setup is done: the sign-in form has no name field any more.
    expect(await page.locator('input[name=name]').count()).toBe(0);

    await page.locator('input[name=email]').fill(OWNER.email);
    await page.locator('input[name=password]').fill('not-the-password');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.locator('button[type=submit]').click();
    expect((await refused).status()).toBe(401);
    expect(await page.locator('nav[data-testid=top-nav]').isVisible()).toBe(false);

    await signIn(page, server.url, OWNER);
    await page.reload();
    await page.locator('nav[data-testid=top-nav]').waitFor({ state: 'visible' });
  });
});
