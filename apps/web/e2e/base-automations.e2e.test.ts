import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createBase, createPerson, createRecords, createTable, setBaseMembers, updateRecords, type ApiClient, type TableDto } from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

const OWNER = { name: '李娜', email: 'lina@example.com', password: 'lina-password-1' };

let server: ServerProcess;
let browser: Browser;
let admin: Page;
let owner: Page;
let api: ApiClient;
let baseId: string;
let table: TableDto;
let recordId: string;
let ownerId: string;
const field = (name: string) => table.fields.find((f) => f.name === name)!.id;

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await adminClient(server.url);
  ownerId = (await api.call(createPerson, { body: OWNER })).id;
  const base = await api.call(createBase, { body: { name: '自动化' } });
  baseId = base.id;
  await api.call(setBaseMembers, { params: { baseId }, body: { members: [{ userId: ownerId, role: 'editor' }] } });
  table = await api.call(createTable, {
    params: { baseId },
    body: {
      name: '客户',
      fields: [
        { name: '公司', type: 'text', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: [{ name: '线索' }, { name: '方案报价' }] } },
        { name: '阶段负责人', type: 'person', options: { multiple: false } },
      ],
    },
  });
  const created = await api.call(createRecords, {
    params: { tableId: table.id },
    body: { records: [{ fields: { [field('公司')]: '滴滴出行', [field('阶段')]: '线索', [field('阶段负责人')]: [ownerId] } }] },
  });
  recordId = created.items[0]!.id;
  const [a, b] = await Promise.all([
    browser.newContext({ viewport: { width: 1280, height: 900 } }),
    browser.newContext({ viewport: { width: 1280, height: 800 } }),
  ]);
  [admin, owner] = await Promise.all([a.newPage(), b.newPage()]);
  admin.setDefaultTimeout(10_000);
  owner.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('automations', () => {
  it('is set up in the toolbar dialog, notifies the stage owner live, and shows the run in the log', async () => {
    await signIn(admin, server.url);
    await signIn(owner, server.url, OWNER);
    await owner.locator('[data-testid=inbox-bell]').waitFor();

    await admin.goto(`${server.url}/base/${baseId}/${table.id}`);
    await admin.locator('[data-testid=toolbar-automations]').click();
    await admin.locator('[data-testid=automation-new]').click();
    await admin.locator('[data-testid=auto-name]').fill('方案报价提醒');
    // A new automation starts as "a select field changes" and "notify the people in the first person field".
    await admin.locator('[data-testid=auto-trigger-to] label', { hasText: '方案报价' }).locator('input').check();
    await admin.locator('[data-testid=auto-action-0] input[type=text]').first().fill('客户进入方案报价：{{公司}}');
    await admin.locator('[data-testid=auto-save]').click();
    const item = admin.locator('[data-testid=automation-item]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute('data-name')).toBe('方案报价提醒');

    const moved = performance.now();
    await api.call(updateRecords, { params: { tableId: table.id }, body: { records: [{ id: recordId, fields: { [field('阶段')]: '方案报价' } }] } });
    const badge = owner.locator('[data-testid=inbox-unread]');
    await expect.poll(async () => ((await badge.count()) ? badge.innerText() : null), { timeout: 10_000, interval: 100 }).toBe('1');
    // Stage owners hear about it within a couple of seconds (worker woken by NOTIFY, then the inbox's live event).
    expect(performance.now() - moved).toBeLessThan(4000);
    await owner.locator('[data-testid=inbox-bell]').click();
    expect(await owner.locator('[data-testid=inbox-item]').first().innerText()).toContain('客户进入方案报价：滴滴出行');

    await admin.locator('[data-testid=automation-runs-open]').click();
    const row = admin.locator('[data-testid=automation-runs] tbody tr');
    await expect.poll(() => row.first().getAttribute('data-status'), { timeout: 10_000 }).toBe('succeeded');
    expect(await row.first().innerText()).toContain('阶段 → 方案报价');
  });

  it('adds runs to an open log as they happen, re-reading on the server’s event rather than on a timer', async () => {
    const page = await admin.context().newPage();
    page.setDefaultTimeout(10_000);
    const seen: ('event' | 'read')[] = [];
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        if (String(payload).includes('"base.automation.runs"')) seen.push('event');
      }),
    );
    page.on('request', (req) => {
      if (req.method() === 'GET' && /\/automations\/[^/?]+\/runs/.test(req.url())) seen.push('read');
    });
    await page.goto(`${server.url}/base/${baseId}/${table.id}`);
    await page.locator('[data-testid=toolbar-automations]').click();
    await page.locator('[data-testid=automation-runs-open]').click();
    const rows = page.locator('[data-testid=automation-runs] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);

    const move = (stage: string) =>
      api.call(updateRecords, { params: { tableId: table.id }, body: { records: [{ id: recordId, fields: { [field('阶段')]: stage } }] } });
    await move('线索');
    await move('方案报价');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => rows.first().getAttribute('data-status'), { timeout: 10_000 }).toBe('succeeded');
    // Opening the log reads it (twice at most: once more if its room was joined just then); after that, each read
    // answers an event (queued, then finished), never a timer.
    const firstEvent = seen.indexOf('event');
    expect(firstEvent).toBeGreaterThan(0);
    expect(seen.slice(0, firstEvent).length).toBeLessThanOrEqual(2);
    const later = seen.slice(firstEvent);
    expect(later.filter((x) => x === 'read').length).toBeLessThanOrEqual(later.filter((x) => x === 'event').length);
    await page.close();
  });
});
