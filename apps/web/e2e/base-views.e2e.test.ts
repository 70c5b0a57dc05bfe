import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  createBase,
  createRecords,
  createTable,
  createView,
  getRecord,
  queryRecords,
  updateView,
  type ApiClient,
  type TableDto,
  type ViewDto,
} from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

let server: ServerProcess;
let browser: Browser;
let api: ApiClient;
let table: TableDto;
let kanban: ViewDto;
let token: string;
const field = (name: string) => table.fields.find((f) => f.name === name)!.id;

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await adminClient(server.url);
  const base = await api.call(createBase, { body: { name: 'E2E 线索' } });
  table = await api.call(createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '公司', type: 'text', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: [{ name: '线索' }, { name: '洽谈' }, { name: '成交' }] } },
        { name: '手机', type: 'phone', options: {} },
      ],
    },
  });
  await api.call(createRecords, {
    params: { tableId: table.id },
    body: {
      records: [
        { fields: { [field('公司')]: '深圳小马出行', [field('阶段')]: '线索' } },
        { fields: { [field('公司')]: '杭州云栖科技', [field('阶段')]: '洽谈' } },
      ],
    },
  });
  kanban = await api.call(createView, { params: { tableId: table.id }, body: { name: '看板', type: 'kanban', config: {} } });
  const form = await api.call(createView, { params: { tableId: table.id }, body: { name: '客户登记', type: 'form', config: {} } });
  await api.call(updateView, {
    params: { viewId: form.id },
    body: { config: { form: { ...form.config.form!, access: 'public', submitMessage: '感谢登记，我们会尽快联系您。' } } },
  });
  token = form.config.form!.token!;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Base views in the browser', () => {
  it('lets an anonymous visitor on a phone submit a public form, and the record exists', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/forms/${token}`);
    const company = page.locator(`[data-testid=form-field][data-field-id="${field('公司')}"]`);
    await company.waitFor({ state: 'visible' });

    // The primary field is required: submitting without it says so beside the field, and nothing is sent.
    await page.locator('[data-testid=form-submit]').click();
    await company.locator('[data-testid=form-field-error]').waitFor({ state: 'visible' });

    await company.locator('input').fill('广州天河餐饮');
    await page.locator(`[data-testid=form-field][data-field-id="${field('阶段')}"] label`, { hasText: '洽谈' }).click();
    await page.locator(`[data-testid=form-field][data-field-id="${field('手机')}"] input`).fill('138 0013 8000');
    await page.locator('[data-testid=form-submit]').click();
    await expect.poll(() => page.locator('[data-testid=form-success]').innerText()).toContain('感谢登记');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const found = await api.call(queryRecords, {
      params: { tableId: table.id },
      body: { filter: { kind: 'condition', fieldId: field('公司'), operator: 'is', values: ['广州天河餐饮'] }, offset: 0, limit: 10, withTotal: true },
    });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]!.fields[field('阶段')]).toBe('洽谈');
    expect(found.items[0]!.fields[field('手机')]).toBe('+8613800138000');
    await context.close();
  });

  it('moves a kanban card to another column by dragging, and the record changes stage', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, server.url);
    await page.goto(`${server.url}/base/${table.baseId}/${table.id}?view=${kanban.id}`);
    const lead = page.locator('[data-testid=kanban-column][data-option="线索"]');
    const deal = page.locator('[data-testid=kanban-column][data-option="成交"]');
    const card = lead.locator('[data-testid=kanban-card]', { hasText: '深圳小马出行' });
    await card.waitFor({ state: 'visible' });
    const recordId = (await card.getAttribute('data-record-id'))!;

    await card.dragTo(deal);
    await deal.locator(`[data-testid=kanban-card][data-record-id="${recordId}"]`).waitFor({ state: 'visible' });
    await expect
      .poll(async () => (await api.call(getRecord, { params: { tableId: table.id, recordId } })).fields[field('阶段')], { timeout: 5_000 })
      .toBe('成交');
    expect(await lead.locator('[data-testid=kanban-card]').count()).toBe(0);
    await expect.poll(() => deal.locator('[data-testid=kanban-count]').innerText()).toBe('1');
    await context.close();
  });
});
