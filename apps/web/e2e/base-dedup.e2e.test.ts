import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import {
  createBase,
  createRecords,
  createTable,
  createView,
  listDuplicatePairs,
  queryRecords,
  setDedupRule,
  updateView,
  type ApiClient,
  type TableDto,
} from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

let server: ServerProcess;
let browser: Browser;
let api: ApiClient;
let table: TableDto;
const field = (name: string) => table.fields.find((f) => f.name === name)!.id;
/** Set E2E_SHOTS=/some/dir to keep screenshots of each step. */
const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage: true });
};

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await adminClient(server.url);
  const base = await api.call(createBase, { body: { name: '客户管理' } });
  table = await api.call(createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '客户名称', type: 'text', options: {} },
        { name: '手机', type: 'phone', options: {} },
        { name: '邮箱', type: 'email', options: {} },
        { name: '城市', type: 'text', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: [{ name: '线索' }, { name: '成交' }] } },
      ],
    },
  });
  await api.call(createRecords, {
    params: { tableId: table.id },
    body: {
      records: [
        { fields: { [field('客户名称')]: '广州小马智行科技有限公司', [field('手机')]: '13800138000' } },
        { fields: { [field('客户名称')]: '北京极速出行有限公司', [field('邮箱')]: 'bd@jisu.example' } },
      ],
    },
  });
  const rule = {
    fields: [
      { fieldId: field('客户名称'), comparator: 'company' as const, weight: 0.8 },
      { fieldId: field('手机'), comparator: 'phone' as const, weight: 0.7, group: 'contact' },
      { fieldId: field('邮箱'), comparator: 'email' as const, weight: 0.7, group: 'contact' },
    ],
    high: 0.9,
    low: 0.65,
  };
  await api.call(setDedupRule, { params: { tableId: table.id }, body: { rule } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Base import and duplicates in the browser', () => {
  it('imports a GBK CSV through the wizard (merged + created), then merges a flagged pair side by side', async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, server.url);
    await page.goto(`${server.url}/base/${table.baseId}/${table.id}`);
    await page.locator('[data-testid=record-count][data-total="2"]').waitFor();

    // A GBK file as Excel in China saves it: the same customer in traditional characters with a bracketed city, a new one, a sister company.
    const csv = [
      '公司名,联系电话,Email,城市',
      '小馬智行科技（廣州）有限公司,138-0013-8000,,广州',
      '上海云途物流有限公司,021-61234567,ops@yuntu.example,上海',
      '深圳小马智行科技有限公司,,,深圳',
    ].join('\r\n');
    await page.locator('[data-testid=toolbar-import]').click();
    await page.locator('[data-testid=import-file]').setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'gbk') });
    await page.locator('[data-testid=import-preview]').waitFor();
    // Columns are mapped by name and synonyms; the preview shows the decoded Chinese.
    expect(await page.locator('[data-testid=import-map][data-header="公司名"]').inputValue()).toBe(field('客户名称'));
    expect(await page.locator('[data-testid=import-map][data-header="联系电话"]').inputValue()).toBe(field('手机'));
    await expect.poll(() => page.locator('[data-testid=import-preview] tbody').innerText()).toContain('上海云途物流有限公司');
    await shot(page, '1-preview');

    await page.locator('[data-testid=import-dry-run]').click();
    await page.locator('[data-testid=import-summary]').waitFor();
    expect(await page.locator('[data-testid=import-count-merged]').getAttribute('data-count')).toBe('1');
    expect(await page.locator('[data-testid=record-count]').getAttribute('data-total')).toBe('2'); // a dry run writes nothing
    await page.locator('[data-testid=import-run]').click();
    await page.locator('[data-testid=import-report]').waitFor();
    await shot(page, '2-report');
    const actions = await page.locator('[data-testid=import-report-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(['merged', 'created', 'flagged']);
    expect(await page.locator('[data-testid=import-count-created]').getAttribute('data-count')).toBe('1');
    await page.locator('[data-testid=import-close]').click();
    await page.locator('[data-testid=record-count][data-total="4"]').waitFor();

    // The flagged sister company waits in the duplicates review; compare side by side and merge it anyway.
    const pairs = await api.call(listDuplicatePairs, { params: { tableId: table.id }, query: { limit: 50 } });
    expect(pairs.total).toBeGreaterThan(0);
    await page.locator(`[data-testid=toolbar-duplicates][data-count="${pairs.total}"]`).click();
    await page.locator('[data-testid=duplicate-pair]').first().locator('[data-testid=pair-compare]').click();
    const dialog = page.locator('[data-testid=merge-dialog]');
    await dialog.waitFor();
    await expect.poll(() => dialog.innerText()).toContain('深圳小马智行科技有限公司');
    await shot(page, '3-merge');
    const pair = pairs.items[0]!;
    await page.locator('[data-testid=merge-submit]').click();
    await page.locator('[data-testid=merge-done]').waitFor();
    await page.locator('[data-testid=merge-undo]').waitFor();
    await shot(page, '4-merged');
    const left = await api.call(queryRecords, { params: { tableId: table.id }, body: { offset: 0, limit: 50, withTotal: true } });
    expect(left.total).toBe(3);
    expect(left.items.some((r) => r.id === pair.a.id)).toBe(true);
    expect(left.items.some((r) => r.id === pair.b.id)).toBe(false);

    // Undo brings the merged-away record back.
    await page.locator('[data-testid=merge-undo]').click();
    await page.locator('[data-testid=record-count][data-total="4"]').waitFor();
    await context.close();
  });

  it('warns about likely duplicates while a form is filled in and in the kanban quick-add', async () => {
    const formView = async (access: 'public' | 'internal') => {
      const view = await api.call(createView, { params: { tableId: table.id }, body: { name: `登记 ${access}`, type: 'form', config: {} } });
      await api.call(updateView, { params: { viewId: view.id }, body: { config: { form: { ...view.config.form!, access } } } });
      return view.config.form!.token!;
    };
    const company = (page: Page) => page.locator(`[data-testid=form-field][data-field-id="${field('客户名称')}"] input`);

    // An anonymous visitor learns only that a matching record may exist: no title, no link.
    const visitor = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const anon = await visitor.newPage();
    anon.setDefaultTimeout(15_000);
    await anon.goto(`${server.url}/forms/${await formView('public')}`);
    await company(anon).fill('小马智行科技（广州）');
    const notice = anon.locator('[data-testid=form-duplicate-warning]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('可能已有相同信息的记录');
    expect(await anon.locator('[data-testid=duplicate-match]').count()).toBe(0);
    expect(await anon.locator('body').innerText()).not.toContain('广州小马智行科技有限公司');
    await shot(anon, '5-public-form-duplicate');
    await company(anon).fill('杭州云栖数据有限公司');
    await notice.waitFor({ state: 'detached' });
    await visitor.close();

    // A signed-in reader filling an internal form sees which record, why, and a link to it.
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, server.url);
    await page.goto(`${server.url}/forms/${await formView('internal')}`);
    await page.locator(`[data-testid=form-field][data-field-id="${field('手机')}"] input`).fill('138 0013 8000');
    const match = page.locator('[data-testid=form-duplicate-warning] [data-testid=duplicate-match]');
    await match.first().waitFor();
    expect(await match.first().locator('a').innerText()).toContain('小马智行');
    expect(await match.first().locator('a').getAttribute('href')).toContain(`/base/${table.baseId}/${table.id}/`);

    // Kanban quick-add: typing a known company name shows the match before the card is added.
    const kanban = await api.call(createView, { params: { tableId: table.id }, body: { name: '看板', type: 'kanban', config: {} } });
    await page.goto(`${server.url}/base/${table.baseId}/${table.id}?view=${kanban.id}`);
    const lead = page.locator('[data-testid=kanban-column][data-option="线索"]');
    await lead.locator('[data-testid=kanban-add]').click();
    await lead.locator('[data-testid=kanban-add-title]').fill('北京极速出行');
    const warning = lead.locator('[data-testid=duplicate-warning]');
    await warning.waitFor();
    expect(await warning.locator('[data-testid=duplicate-match]').first().innerText()).toContain('北京极速出行有限公司');
    await shot(page, '6-kanban-duplicate');
    await context.close();
  });
});
