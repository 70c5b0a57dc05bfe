import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDepartment, listDepartments, updateDepartment, type ApiClient, type DepartmentDto } from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, revealDepartment, signIn } from './support/browser.ts';
import { createPgDatabase, pgReachable, startServer, type PgDatabase, type ServerProcess } from './support/server.ts';

// Needs PostgreSQL (TEST_DATABASE_URL or the local default). CI sets TEST_DATABASE_URL, so there it fails instead of skipping.
const enabled = Boolean(process.env.TEST_DATABASE_URL) || (await pgReachable());

let db: PgDatabase;
let a: ServerProcess;
let b: ServerProcess;
let browser: Browser;
let page: Page;
let apiA: ApiClient;
let dept: DepartmentDto;
let ancestorIds: string[] = [];

beforeAll(async () => {
  if (!enabled) return;
  ensureWebBuilt();
  db = await createPgDatabase();
  browser = await launchBrowser();
  // One after the other: the first migrates and creates the administrator, the second finds both done.
  a = await startServer({ databaseUrl: db.url });
  b = await startServer({ databaseUrl: db.url });
  apiA = await adminClient(a.url);
  const { items } = await apiA.call(listDepartments, { query: {} });
  const root = items.find((d) => d.parentId === null);
  dept = await apiA.call(createDepartment, { body: { name: '市场部', parentId: root?.id ?? null } });
  ancestorIds = root ? [root.id] : [];
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

describe.skipIf(!enabled)('two instances on one PostgreSQL database', () => {
  it('shows a department renamed through instance A on a page served by instance B, without reload', async () => {
    await signIn(page, b.url);
    await page.locator('a[data-nav=directory]').first().click();
    await page.waitForURL(/\/directory/);
    const name = await revealDepartment(page, ancestorIds, dept.id);
    expect(await name.innerText()).toContain('市场部');
    // A marker that a reload would wipe.
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    const renamed = `市场与品牌部 ${Date.now() % 10_000}`;
    await apiA.call(updateDepartment, { params: { id: dept.id }, body: { name: renamed } });

    await expect.poll(() => name.innerText(), { timeout: 5_000, interval: 100 }).toContain(renamed);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });
});
