import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemo } from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

const WIDTH = 375;

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await (await adminClient(server.url)).call(seedDemo, {});
  context = await browser.newContext({ viewport: { width: WIDTH, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

describe('phone-width layout (375 px)', () => {
  it('fits the sign-in page without horizontal scrolling', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('input[name=email]').waitFor({ state: 'visible' });
    expect(await scrollWidth()).toBeLessThanOrEqual(WIDTH);
  });

  it('collapses the navigation behind a menu button', async () => {
    await signIn(page, server.url);
    const toggle = page.locator('button[data-testid=nav-toggle]');
    // The menu may render its links in a drawer outside the bar, so look for any visible link.
    const directory = page.locator('a[data-nav=directory]').filter({ visible: true });
    await toggle.waitFor({ state: 'visible' });
    expect(await directory.count()).toBe(0);
    expect(await scrollWidth()).toBeLessThanOrEqual(WIDTH);

    await toggle.click();
    await directory.first().waitFor({ state: 'visible' });
    await directory.first().click();
    await page.waitForURL(/\/directory/);
  });

  it('shows the directory of the demo company without horizontal scrolling', async () => {
    await page.locator('[data-testid=dept-node]').first().waitFor({ state: 'visible' });
    await page
      .locator('[data-testid=person-row]')
      .first()
      .waitFor({ state: 'visible' })
      .catch(() => undefined);
    expect(await scrollWidth()).toBeLessThanOrEqual(WIDTH);
  });
});
