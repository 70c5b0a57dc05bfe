import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt, launchBrowser, signIn, switchLocale } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

const CJK = /[\u4e00-\u9fff]/;

let server: ServerProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const navLabel = () => page.locator('nav[data-testid=top-nav] a[data-nav=directory]').first().innerText();
const htmlLang = () => page.evaluate(() => document.documentElement.lang);

describe('language switch', () => {
  it('switches the interface between English and Chinese', async () => {
    await signIn(page, server.url);

    await switchLocale(page, 'en');
    await expect.poll(htmlLang).toBe('en');
    await expect.poll(navLabel).toMatch(/^[\x20-\x7e]+$/);

    await switchLocale(page, 'zh-CN');
    await expect.poll(htmlLang).toBe('zh-CN');
    await expect.poll(navLabel).toMatch(CJK);
  });

  it('keeps the chosen language after a reload', async () => {
    await switchLocale(page, 'en');
    await expect.poll(htmlLang).toBe('en');
    const english = await navLabel();

    await page.reload();
    await page.locator('nav[data-testid=top-nav]').waitFor({ state: 'visible' });
    await expect.poll(htmlLang).toBe('en');
    expect(await navLabel()).toBe(english);
  });
});
