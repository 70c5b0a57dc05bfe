import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createBase, createRecords, createTable, type TableDto } from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

let server: ServerProcess;
let browser: Browser;
let a: Page;
let b: Page;
let table: TableDto;
let tablePath: string;
const field = (name: string) => table.fields.find((f) => f.name === name)!.id;

/** The text of one grid cell by row index and field. */
const cellText = (page: Page, row: number, fieldName: string) =>
  page.locator(`[data-testid=grid] [data-testid=cell][data-row-index="${row}"][data-field-id="${field(fieldName)}"]`).innerText();

async function expectCell(page: Page, row: number, fieldName: string, text: string): Promise<void> {
  await expect.poll(() => cellText(page, row, fieldName), { timeout: 5_000 }).toBe(text);
}

async function openTable(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, server.url);
  await page.goto(`${server.url}${tablePath}`);
  await page.locator('[data-testid=cell][data-row-index="0"]').first().waitFor();
  return page;
}

/** A spreadsheet paste: the grid reads the clipboard event's text, as when Ctrl/Cmd+V comes from Excel or WPS. */
async function pasteTsv(page: Page, text: string): Promise<void> {
  await page.evaluate((tsv) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const api = await adminClient(server.url);
  const base = await api.call(createBase, { body: { name: 'E2E 销售' } });
  table = await api.call(createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: 'Name', type: 'text', options: {} },
        { name: 'Qty', type: 'number', options: { precision: 0, thousandsSeparator: true } },
        {
          name: 'Stage',
          type: 'singleSelect',
          options: {
            choices: [
              { name: '线索', color: 'blue', aliases: [] },
              { name: '赢单', color: 'green', aliases: [] },
            ],
          },
        },
      ],
    },
  });
  await api.call(createRecords, {
    params: { tableId: table.id },
    body: { records: ['甲', '乙', '丙', '丁'].map((name, i) => ({ fields: { [field('Name')]: name, [field('Qty')]: i + 1, [field('Stage')]: '线索' } })) },
  });
  tablePath = `/base/${base.id}/${table.id}`;
  [a, b] = await Promise.all([openTable(), openTable()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Base grid, two people on one table', () => {
  it('shows an edit made in one browser in the other without a reload', async () => {
    await a.locator(`[data-testid=cell][data-row-index="0"][data-field-id="${field('Name')}"]`).click();
    await a.keyboard.press('Enter');
    const editor = a.locator('[data-testid=cell-editor] input');
    await editor.fill('Alpha 公司');
    await editor.press('Enter');
    await expectCell(a, 0, 'Name', 'Alpha 公司');
    await expectCell(b, 0, 'Name', 'Alpha 公司');
  });

  it('shows a row added in one browser in the other, with the new count', async () => {
    await a.locator('[data-testid=add-record]').click();
    await expect.poll(() => a.locator('[data-testid=record-count]').getAttribute('data-total')).toBe('5');
    await expect.poll(() => b.locator('[data-testid=record-count]').getAttribute('data-total'), { timeout: 5_000 }).toBe('5');
    await b.locator('[data-testid=cell][data-row-index="4"]').first().waitFor();
  });

  it('pastes a 2×2 block from a spreadsheet as one change, seen by the other browser, and undoes it', async () => {
    await a.locator(`[data-testid=cell][data-row-index="1"][data-field-id="${field('Name')}"]`).click();
    await pasteTsv(a, 'Beta\t1,200\r\nGamma\t35\r\n');
    await expectCell(a, 1, 'Name', 'Beta');
    await expectCell(b, 1, 'Name', 'Beta');
    await expectCell(b, 1, 'Qty', '1,200');
    await expectCell(b, 2, 'Name', 'Gamma');
    await expectCell(b, 2, 'Qty', '35');

    await a.locator('[data-testid=undo]').click();
    for (const page of [a, b]) {
      await expectCell(page, 1, 'Name', '乙');
      await expectCell(page, 1, 'Qty', '2');
      await expectCell(page, 2, 'Name', '丙');
      await expectCell(page, 2, 'Qty', '3');
    }
    // Only the paste was undone: the first edit stays.
    await expectCell(b, 0, 'Name', 'Alpha 公司');
  });
});
