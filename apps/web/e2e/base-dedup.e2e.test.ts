import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { createBase, createRecords, createTable, listDuplicatePairs, queryRecords, setDedupRule, type ApiClient, type TableDto } from '@concord/contracts';
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
});
