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

const nameCell = (page: Page, row: number) =>
  page.locator(`[data-testid=grid] [data-testid=cell][data-row-index="${row}"][data-field-id="${table.fields[0]!.id}"]`);

/** The Name column from the top, as shown. */
async function names(page: Page, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await nameCell(page, i).innerText()).trim());
  return out;
}

async function openTable(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, server.url);
  await page.goto(`${server.url}${tablePath}`);
  await nameCell(page, 3).waitFor();
  return page;
}

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const api = await adminClient(server.url);
  const base = await api.call(createBase, { body: { name: 'E2E 顺序' } });
  table = await api.call(createTable, {
    params: { baseId: base.id },
    body: { name: '任务', fields: [{ name: 'Name', type: 'text', options: {} }] },
  });
  await api.call(createRecords, {
    params: { tableId: table.id },
    body: { records: ['甲', '乙', '丙', '丁'].map((name) => ({ fields: { [table.fields[0]!.id]: name } })) },
  });
  tablePath = `/base/${base.id}/${table.id}`;
  [a, b] = await Promise.all([openTable(), openTable()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Base grid, manual record order', () => {
  it('inserts a record above another from the row menu, in place for both viewers', async () => {
    await nameCell(a, 1).click({ button: 'right' });
    await a.locator('[data-testid=row-insert-above]').click();
    await expect.poll(() => names(a, 5), { timeout: 5_000 }).toEqual(['甲', '', '乙', '丙', '丁']);
    // The new row is selected: type into it.
    await a.keyboard.press('Enter');
    const editor = a.locator('[data-testid=cell-editor] input');
    await editor.fill('新任务');
    await editor.press('Enter');
    await expect.poll(() => names(a, 5), { timeout: 5_000 }).toEqual(['甲', '新任务', '乙', '丙', '丁']);
    await expect.poll(() => names(b, 5), { timeout: 5_000 }).toEqual(['甲', '新任务', '乙', '丙', '丁']);
  });

  it('moves a row by dragging its number, and the other viewer sees the new order', async () => {
    const handle = a.locator('[data-testid=grid-row][data-row-index="4"] [data-testid=row-number]');
    const from = (await handle.boundingBox())!;
    const target = (await a.locator('[data-testid=grid-row][data-row-index="0"]').boundingBox())!;
    await a.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await a.mouse.down();
    await a.mouse.move(target.x + 200, target.y + 3, { steps: 8 });
    await a.locator('[data-testid=row-drop-marker]').waitFor();
    await a.mouse.up();
    await expect.poll(() => names(a, 5), { timeout: 5_000 }).toEqual(['丁', '甲', '新任务', '乙', '丙']);
    await expect.poll(() => names(b, 5), { timeout: 5_000 }).toEqual(['丁', '甲', '新任务', '乙', '丙']);
  });
});
