import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createBase, createRecords, createTable, getRecord, getTable, updateRecords, type ApiClient, type TableDto } from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

// Stage: 线索 ×4 (two in 北京, two in 上海), 赢单 ×2 (上海).
const ROWS = [
  ['甲', '线索', '北京'],
  ['乙', '赢单', '上海'],
  ['丙', '线索', '上海'],
  ['丁', '线索', '北京'],
  ['戊', '赢单', '上海'],
  ['己', '线索', '上海'],
] as const;

let server: ServerProcess;
let browser: Browser;
let api: ApiClient;
let page: Page;
let table: TableDto;
const ids: string[] = [];
/** Bodies of record page requests the grid sent. */
const pageRequests: { groupBy?: unknown[]; groupSpans?: { key: string; start: number; count: number }[] }[] = [];
const field = (name: string) => table.fields.find((f) => f.name === name)!.id;
const cell = (row: number, name: string) => page.locator(`[data-testid=grid] [data-testid=cell][data-row-index="${row}"][data-field-id="${field(name)}"]`);
const headers = () => page.locator('[data-testid=grid] [data-testid=group-header]');
/** File names stored in a record's Files cell, by the record's Name. */
const filesOf = async (name: string) =>
  (
    (await api.call(getRecord, { params: { tableId: table.id, recordId: ids[ROWS.findIndex((r) => r[0] === name)]! } })).fields[field('Files')] as
      { name: string }[] | undefined
  )?.map((a) => a.name) ?? [];

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await adminClient(server.url);
  const base = await api.call(createBase, { body: { name: 'E2E 分组' } });
  table = await api.call(createTable, {
    params: { baseId: base.id },
    body: {
      name: '商机',
      fields: [
        { name: 'Name', type: 'text', options: {} },
        { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: '线索' }, { name: '赢单' }] } },
        { name: 'City', type: 'text', options: {} },
        { name: 'Files', type: 'attachment', options: {} },
      ],
    },
  });
  const created = await api.call(createRecords, {
    params: { tableId: table.id },
    body: { records: ROWS.map(([name, stage, city]) => ({ fields: { [field('Name')]: name, [field('Stage')]: stage, [field('City')]: city } })) },
  });
  ids.push(...created.items.map((r) => r.id));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/records/query')) pageRequests.push(r.postDataJSON() as (typeof pageRequests)[number]);
  });
  await signIn(page, server.url);
  await page.goto(`${server.url}/base/${base.id}/${table.id}`);
  await cell(0, 'Name').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Base grid: grouping, nested filters, attachments', () => {
  it('groups records under headers with counts, nests a second level, collapses a group and saves the grouping', async () => {
    await page.locator('[data-testid=toolbar-group]').click();
    await page.locator('[data-testid=group-add]').click();
    await page.locator('[data-testid=group-row] [data-testid=group-field]').selectOption(field('Stage'));
    await expect.poll(() => headers().count()).toBe(2);
    expect(await headers().locator('[data-testid=group-value]').allInnerTexts()).toEqual(['线索', '赢单']);
    expect(
      await headers()
        .locator('[data-testid=group-count]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-count'))),
    ).toEqual(['4', '2']);
    // Records come in group order: the four 线索 first.
    await expect.poll(() => cell(4, 'Name').innerText()).toBe('乙');
    expect(await cell(0, 'Name').innerText()).toBe('甲');

    await page.locator('[data-testid=group-add]').click();
    await page.locator('[data-testid=group-row]').nth(1).locator('[data-testid=group-field]').selectOption(field('City'));
    await expect.poll(() => headers().count()).toBe(2 + 3);
    expect(
      await headers().evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-depth')}:${e.querySelector('[data-testid=group-count]')?.getAttribute('data-count')}`),
      ),
    ).toEqual(['0:4', '1:2', '1:2', '0:2', '1:2']);
    // Grouped pages name the innermost groups they overlap, so the server reads each group by its value.
    await expect.poll(() => pageRequests.some((b) => b.groupBy?.length === 2 && b.groupSpans?.length === 3)).toBe(true);
    // Text groups sort by code point, so 上海 comes before 北京.
    expect(await headers().locator('[data-testid=group-value]').allInnerTexts()).toEqual(['线索', '上海', '北京', '赢单', '上海']);
    await page.keyboard.press('Escape');

    await headers().first().locator('[data-testid=group-toggle]').click();
    await expect.poll(() => page.locator('[data-testid=grid] [data-testid=grid-row]').count()).toBe(2);
    expect(await headers().count()).toBe(3);
    expect(await cell(4, 'Stage').innerText()).toBe('赢单');
    await headers().first().locator('[data-testid=group-toggle]').click();
    await expect.poll(() => page.locator('[data-testid=grid] [data-testid=grid-row]').count()).toBe(6);

    await page.locator('[data-testid=view-save]').click();
    await expect
      .poll(async () => (await api.call(getTable, { params: { tableId: table.id } })).views[0]!.config.groupBy.map((g) => g.fieldId))
      .toEqual([field('Stage'), field('City')]);
  });

  it('recounts the groups when someone else moves a record to another group', async () => {
    await api.call(updateRecords, {
      params: { tableId: table.id },
      body: { records: [{ id: ids[ROWS.findIndex((r) => r[0] === '乙')]!, fields: { [field('Stage')]: '线索' } }] },
    });
    const counts = () =>
      headers().evaluateAll((els) =>
        els.filter((e) => e.getAttribute('data-depth') === '0').map((e) => e.querySelector('[data-testid=group-count]')?.getAttribute('data-count')),
      );
    await expect.poll(counts, { timeout: 5_000 }).toEqual(['5', '1']);
    await api.call(updateRecords, {
      params: { tableId: table.id },
      body: { records: [{ id: ids[ROWS.findIndex((r) => r[0] === '乙')]!, fields: { [field('Stage')]: '赢单' } }] },
    });
    await expect.poll(counts, { timeout: 5_000 }).toEqual(['4', '2']);
  });

  it('nests condition groups three levels deep and filters by the innermost condition', async () => {
    await page.locator('[data-testid=toolbar-filter]').click();
    const panel = page.locator('[data-testid=panel-filter]');
    await panel.locator('[data-testid=filter-add-group]').click();
    await panel.locator('[data-testid=filter-group][data-depth="1"] [data-testid=filter-add-group]').click();
    await panel.locator('[data-testid=filter-group][data-depth="2"]').waitFor();
    // The third level is the deepest: it offers conditions but no further groups.
    expect(await panel.locator('[data-testid=filter-group][data-depth="2"] [data-testid=filter-add-group]').count()).toBe(0);
    await panel.locator('[data-testid=filter-group][data-depth="2"] [data-testid=filter-value]').fill('丙');
    await expect.poll(() => page.locator('[data-testid=record-count]').getAttribute('data-total')).toBe('1');
    await panel.locator('button', { hasText: /清除筛选|Clear filter/ }).click();
    await expect.poll(() => page.locator('[data-testid=record-count]').getAttribute('data-total')).toBe('6');
    await page.keyboard.press('Escape');
  });

  // Grouped by Stage, then City (上海 sorts before 北京 by code point): rows are 丙, 己, 甲, 丁, 乙, 戊.
  it('uploads into a cell with the button or by dropping a file, and removes a file', async () => {
    await cell(0, 'Files').click();
    await cell(0, 'Files')
      .locator('[data-testid=attachment-input]')
      .setInputFiles({ name: '合同.txt', mimeType: 'text/plain', buffer: Buffer.from('合同内容') });
    await expect.poll(() => cell(0, 'Files').locator('[data-testid=attachment-chip] a').allInnerTexts()).toEqual(['📎 合同.txt']);
    await expect.poll(() => filesOf('丙')).toEqual(['合同.txt']);

    // Dropped on a cell that is not selected.
    const data = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['%PDF-1.4'], 'quote.pdf', { type: 'application/pdf' }));
      return d;
    });
    await cell(1, 'Files').locator('[data-testid=attachment-cell]').dispatchEvent('drop', { dataTransfer: data });
    await expect.poll(() => filesOf('己')).toEqual(['quote.pdf']);

    await cell(0, 'Files').click();
    await cell(0, 'Files').locator('[data-testid=attachment-remove]').click();
    await expect.poll(() => filesOf('丙')).toEqual([]);
  });

  it('uploads from the expanded record', async () => {
    await page.locator('[data-testid=grid-row][data-row-index="0"] [data-testid=row-expand]').click();
    const files = page.locator(`[data-testid=record-field][data-field-id="${field('Files')}"]`);
    await files.locator('[data-testid=attachment-input]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) });
    await expect.poll(() => filesOf('丙')).toEqual(['photo.png']);
    await expect.poll(() => cell(0, 'Files').innerText()).toContain('photo.png');
  });
});
