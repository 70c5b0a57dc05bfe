import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDepartment, createPerson, listDepartments, listPeople, seedDemo, type ApiClient, type DepartmentDto, type PersonDto } from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { departmentName, ensureWebBuilt, launchBrowser, revealDepartment, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

let server: ServerProcess;
let browser: Browser;
let page: Page;
let api: ApiClient;
let dept: DepartmentDto;
let person: PersonDto;
let ancestors: DepartmentDto[];

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await adminClient(server.url);
  await api.call(seedDemo, {});
  const { items } = await api.call(listDepartments, { query: {} });
  const root = items.find((d) => d.parentId === null);
  dept = await api.call(createDepartment, { body: { name: '质量保障部', parentId: root?.id ?? null } });
  // 祝婉琪 → pinyin initials "zwq"
  person = await api.call(createPerson, { body: { name: '祝婉琪', email: 'zhu.wanqi@example.com', title: '测试工程师', departmentIds: [dept.id] } });
  ancestors = root ? [root] : [];
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const deptName = (id: string) => departmentName(page, id);
const personRow = (id: string) => page.locator(`[data-testid=person-row][data-person-id="${id}"]`);

describe('directory', () => {
  it('shows the department tree of the demo company', async () => {
    await signIn(page, server.url);
    await page.locator('a[data-nav=directory]').first().click();
    await page.waitForURL(/\/directory/);
    await page.locator('[data-testid=dept-node]').first().waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid=dept-node]').count()).toBeGreaterThan(1);
  });

  it('opens a department and lists its people', async () => {
    await revealDepartment(
      page,
      ancestors.map((a) => a.id),
      dept.id,
    );
    await expect.poll(() => deptName(dept.id).textContent()).toContain('质量保障部');
    await deptName(dept.id).click();
    await personRow(person.id).waitFor({ state: 'visible' });
    expect(await personRow(person.id).textContent()).toContain('祝婉琪');
  });

  it('finds a person by pinyin initials and shows their details', async () => {
    const everyone = await api.call(listPeople, { query: { pageSize: 200 } });
    const matches = await api.call(listPeople, { query: { q: 'zwq', pageSize: 200 } });
    expect(matches.items.map((p) => p.id)).toContain(person.id);
    expect(everyone.total).toBeGreaterThan(matches.total);

    // From the whole company (the root department lists everyone below it)…
    const rows = page.locator('[data-testid=person-row]');
    if (ancestors[0]) await deptName(ancestors[0].id).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(matches.total);
    // …the search narrows the list to the matches.
    await page.locator('input[data-testid=people-search]').fill('zwq');
    await personRow(person.id).waitFor({ state: 'visible' });
    await expect.poll(() => rows.count()).toBeLessThanOrEqual(matches.total);

    await personRow(person.id).click();
    const detail = page.locator('[data-testid=person-detail]');
    await detail.waitFor({ state: 'visible' });
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain('祝婉琪');
    expect(text).toContain('zhu.wanqi@example.com');
  });
});
