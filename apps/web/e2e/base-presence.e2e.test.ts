import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createBase, createPerson, createRecords, createTable, getTableRules, setBaseMembers, type ApiClient, type TableDto } from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { E2E_ADMIN, startServer, type ServerProcess } from './support/server.ts';

const ZHANG = { name: '张伟', email: 'zhangwei@example.com', password: 'zhangwei-pass-1' };

let server: ServerProcess;
let browser: Browser;
let api: ApiClient;
let table: TableDto;
let tablePath: string;
let owner: { context: BrowserContext; page: Page };
let member: { context: BrowserContext; page: Page };
const field = (name: string) => table.fields.find((f) => f.name === name)!.id;

async function openAs(creds: { email: string; password: string }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, server.url, creds);
  await page.goto(`${server.url}${tablePath}`);
  await page.locator('[data-testid=grid]').waitFor({ state: 'visible' });
  return { context, page };
}

const presentNames = (page: Page) =>
  page.locator('[data-testid=presence] [data-testid=presence-user]').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
const total = (page: Page) => page.locator('[data-testid=record-count]').getAttribute('data-total');

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await adminClient(server.url);
  const zhangId = (await api.call(createPerson, { body: { name: ZHANG.name, email: ZHANG.email, password: ZHANG.password } })).id;
  const base = await api.call(createBase, { body: { name: '销售线索' } });
  await api.call(setBaseMembers, { params: { baseId: base.id }, body: { members: [{ userId: zhangId, role: 'editor' }] } });
  table = await api.call(createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '客户名称', type: 'text', options: {} },
        { name: '负责人', type: 'person', options: { multiple: false } },
      ],
    },
  });
  await api.call(createRecords, {
    params: { tableId: table.id },
    body: {
      records: [
        { fields: { [field('客户名称')]: '深圳小马出行', [field('负责人')]: [zhangId] } },
        { fields: { [field('客户名称')]: '杭州云栖科技' } },
        { fields: { [field('客户名称')]: '北京字节跳动' } },
      ],
    },
  });
  tablePath = `/base/${base.id}/${table.id}`;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Base presence and permissions in the browser', () => {
  it('shows who else is looking at the table, and drops them when they leave', async () => {
    owner = await openAs(E2E_ADMIN);
    member = await openAs(ZHANG);
    await expect.poll(() => presentNames(owner.page)).toEqual([ZHANG.name]);
    await expect.poll(() => presentNames(member.page)).toEqual([E2E_ADMIN.name]);

    // Leaving inside the app (no reload, the socket stays open) is enough.
    await member.page.locator('.base-back').click();
    await member.page.waitForURL(`${server.url}/base`);
    await expect.poll(() => presentNames(owner.page)).toEqual([]);

    await member.page.goto(`${server.url}${tablePath}`);
    await expect.poll(() => presentNames(owner.page)).toEqual([ZHANG.name]);
  });

  it('lets the owner limit editors to their own records; the member then sees fewer rows', async () => {
    await expect.poll(() => total(member.page)).toBe('3');
    const { page } = owner;
    await page.locator('[data-testid=base-settings]').click();
    await page.locator('[data-testid=settings-tab-permissions]').click();
    const editor = page.locator('[data-testid=rule][data-role=editor]');
    await editor.locator('[data-testid=rule-enabled]').check();
    await editor.locator('[data-testid=rule-rows-field]').selectOption(field('负责人'));
    expect(await editor.locator('[data-testid=rule-include][data-kind=self]').isChecked()).toBe(true);
    await page.locator('[data-testid=rules-save]').click();
    await expect
      .poll(async () => (await api.call(getTableRules, { params: { tableId: table.id } })).rules)
      .toEqual([{ role: 'editor', access: 'edit', rows: { personFieldId: field('负责人'), include: ['self'] }, fields: {} }]);

    await member.page.reload();
    await expect.poll(() => total(member.page)).toBe('1');
    await member.page.locator('[data-testid=grid]', { hasText: '深圳小马出行' }).waitFor();
    // The owner is never restricted.
    expect(await total(page)).toBe('3');
  });
});
