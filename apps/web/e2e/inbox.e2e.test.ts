import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addComment, createBase, createPerson, createRecords, createTable, setBaseMembers, type ApiClient, type TableDto } from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

const HER = { name: '韩梅梅', email: 'hanmeimei@example.com', password: 'hanmeimei-pass-1' };

let server: ServerProcess;
let browser: Browser;
let page: Page;
let api: ApiClient;
let table: TableDto;
let recordId: string;
let herId: string;

/** The badge's text, or null while it is hidden (no unread notifications). */
const badge = async () => {
  const el = page.locator('[data-testid=inbox-unread]');
  return (await el.count()) > 0 ? el.innerText() : null;
};

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await adminClient(server.url);
  herId = (await api.call(createPerson, { body: { name: HER.name, email: HER.email, password: HER.password } })).id;
  const base = await api.call(createBase, { body: { name: '客户管理' } });
  await api.call(setBaseMembers, { params: { baseId: base.id }, body: { members: [{ userId: herId, role: 'commenter' }] } });
  table = await api.call(createTable, { params: { baseId: base.id }, body: { name: '客户', fields: [{ name: '客户名称', type: 'text', options: {} }] } });
  const created = await api.call(createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [table.primaryFieldId]: '滴滴出行' } }] } });
  recordId = created.items[0]!.id;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('inbox', () => {
  it('shows a mention on the bell without reload, and opening it marks it read and goes to the record', async () => {
    // Act only once her tab has joined her own room, so the badge can only change through a live event.
    let joined = false;
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        if (String(f.payload).includes('"subscribed"') && String(f.payload).includes(`user:${herId}`)) joined = true;
      }),
    );
    await signIn(page, server.url, HER);
    await page.locator('[data-testid=inbox-bell]').waitFor();
    await expect.poll(() => joined, { timeout: 10_000 }).toBe(true);
    expect(await badge()).toBeNull();
    // A marker that a reload would wipe.
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    await api.call(addComment, { params: { tableId: table.id, recordId }, body: { body: '请跟进滴滴出行的报价 @韩梅梅', mentions: [herId] } });
    await expect.poll(badge, { timeout: 10_000, interval: 100 }).toBe('1');
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    await page.locator('[data-testid=inbox-bell]').click();
    const item = page.locator('[data-testid=inbox-item]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.innerText()).toContain('请跟进滴滴出行的报价');
    expect(await item.innerText()).toContain('管理员');

    await item.click();
    await page.waitForURL(new RegExp(`/base/[^/]+/${table.id}/${recordId}$`));
    await expect.poll(badge, { timeout: 5_000, interval: 100 }).toBeNull();

    await page.locator('[data-testid=inbox-bell]').click();
    await expect.poll(() => item.getAttribute('data-unread')).toBe('false');
  });
});
