import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import {
  createBase,
  createDashboard,
  getDashboard,
  createRecords,
  createTable,
  deleteRecords,
  type ApiClient,
  type DashboardDto,
  type TableDto,
} from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

let server: ServerProcess;
let browser: Browser;
let api: ApiClient;
let table: TableDto;
let board: DashboardDto;
const field = (name: string) => table.fields.find((f) => f.name === name)!.id;

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await adminClient(server.url);
  const base = await api.call(createBase, { body: { name: 'E2E 看板' } });
  table = await api.call(createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '公司', type: 'text', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: [{ name: '线索' }, { name: '洽谈' }, { name: '成交' }] } },
        { name: '金额', type: 'currency', options: {} },
        { name: '签约日期', type: 'date', options: {} },
      ],
    },
  });
  await api.call(createRecords, {
    params: { tableId: table.id },
    body: {
      records: [
        { fields: { [field('公司')]: '深圳小马出行', [field('阶段')]: '线索', [field('金额')]: 1000, [field('签约日期')]: '2026-01-10' } },
        { fields: { [field('公司')]: '杭州云栖科技', [field('阶段')]: '洽谈', [field('金额')]: 2500, [field('签约日期')]: '2026-03-10' } },
      ],
    },
  });
  const tableId = table.id;
  const stages = (table.fields.find((f) => f.name === '阶段')!.options as { choices: { id: string }[] }).choices.map((c) => c.id);
  board = await api.call(createDashboard, {
    params: { baseId: base.id },
    body: {
      name: '销售看板',
      widgets: [
        { kind: 'number', title: '客户总数', tableId, agg: 'count', layout: { x: 0, y: 0, w: 3, h: 2 } },
        { kind: 'number', title: '金额合计', tableId, agg: 'sum', fieldId: field('金额'), layout: { x: 3, y: 0, w: 3, h: 2 } },
        { kind: 'funnel', title: '阶段漏斗', tableId, fieldId: field('阶段'), steps: stages, layout: { x: 0, y: 2, w: 6, h: 5 } },
        {
          kind: 'bar',
          title: '各阶段金额',
          tableId,
          groupBy: { fieldId: field('阶段') },
          measure: { agg: 'sum', fieldId: field('金额') },
          layout: { x: 6, y: 2, w: 6, h: 5 },
        },
      ],
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in page on the dashboard, and its 客户总数 number; extra options for the browser context (a time zone). */
async function openBoard(options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, server.url);
  await page.goto(`${server.url}/base/${board.baseId}/dashboards/${board.id}`);
  return { context, page, count: page.locator('[data-widget-title="客户总数"] [data-value]') };
}

describe('Base dashboards in the browser', () => {
  it('shows numbers and charts, and a number widget follows records created and deleted elsewhere without a reload', async () => {
    const { context, page, count } = await openBoard();
    const sum = page.locator('[data-widget-title="金额合计"] [data-value]');
    await expect.poll(() => count.getAttribute('data-value')).toBe('2');
    expect(await sum.getAttribute('data-value')).toBe('3500');
    // ECharts drew the funnel and the bars on canvases; the funnel lists its steps with counts.
    await page.locator('[data-widget-title="各阶段金额"] canvas').waitFor({ state: 'attached' });
    expect(
      await page.locator('[data-widget-title="阶段漏斗"] [data-testid=funnel-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-count'))),
    ).toEqual(['2', '1', '0']);

    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    const created = await api.call(createRecords, {
      params: { tableId: table.id },
      body: { records: [{ fields: { [field('公司')]: '广州天河餐饮', [field('阶段')]: '成交', [field('金额')]: 500 } }] },
    });
    await expect.poll(() => count.getAttribute('data-value'), { timeout: 5_000 }).toBe('3');
    await expect.poll(() => sum.getAttribute('data-value'), { timeout: 5_000 }).toBe('4000');
    await api.call(deleteRecords, { params: { tableId: table.id }, body: { ids: created.items.map((r) => r.id) } });
    await expect.poll(() => count.getAttribute('data-value'), { timeout: 5_000 }).toBe('2');
    expect(navigations).toBe(0);
    await context.close();
  });

  it('in a background tab, waits until shown to refetch, then shows the latest numbers', async () => {
    const { context, page, count } = await openBoard();
    await expect.poll(() => count.getAttribute('data-value')).toBe('2');
    // Headless pages are always visible: pretend the tab went to the background, as the browser would report it.
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    let dataRequests = 0;
    page.on('request', (r) => void (r.url().includes(`/dashboards/${board.id}/data`) && dataRequests++));
    const created = await api.call(createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [field('公司')]: '成都天府物流' } }] } });
    try {
      await page.waitForTimeout(1_500);
      expect(dataRequests).toBe(0);
      expect(await count.getAttribute('data-value')).toBe('2');
      await setVisibility('visible');
      await expect.poll(() => count.getAttribute('data-value'), { timeout: 5_000 }).toBe('3');
      expect(dataRequests).toBe(1);
    } finally {
      // The later tests count the table's records.
      await api.call(deleteRecords, { params: { tableId: table.id }, body: { ids: created.items.map((r) => r.id) } });
      await context.close();
    }
  });

  it('lets an editor add a number widget through the dialog', async () => {
    const { context, page } = await openBoard();
    await page.locator('[data-testid=widget-add]').click();
    await page.locator('select[name=kind]').selectOption('number');
    await page.locator('input[data-testid=widget-title]').fill('最大金额');
    await page.locator('select[name=agg]').selectOption('max');
    await page.locator('select[name=field]').selectOption(field('金额'));
    await page.locator('[data-testid=widget-save]').click();
    await expect.poll(() => page.locator('[data-widget-title="最大金额"] [data-value]').getAttribute('data-value')).toBe('2500');

    // Dragging a card by its title onto another swaps their places, and the layout is saved.
    await page.locator('[data-widget-title="金额合计"] header').dragTo(page.locator('[data-widget-title="客户总数"]'));
    await expect
      .poll(async () => (await api.call(getDashboard, { params: { dashboardId: board.id } })).widgets.find((w) => w.title === '金额合计')?.layout.x)
      .toBe(0);
    await context.close();
  });

  it('lets an editor add a date-range filter, and a viewer narrowing it changes the numbers', async () => {
    const { context, page, count } = await openBoard({ timezoneId: 'Asia/Shanghai' });
    await expect.poll(() => count.getAttribute('data-value')).toBe('2');
    await page.locator('[data-testid=filters-edit]').click();
    await page.locator('[data-testid=filter-add]').click();
    await page.locator('select[name=kind-f1]').selectOption('date');
    await page.locator('[data-testid=filters-save]').click();
    const from = page.locator('[data-testid=dashboard-filter-date] input[type=date]').first();
    await from.fill('2026-02-01');
    await expect.poll(() => count.getAttribute('data-value')).toBe('1');
    await from.fill('');
    await expect.poll(() => count.getAttribute('data-value')).toBe('2');
    await context.close();
  });
});
