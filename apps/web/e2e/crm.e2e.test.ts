import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createRecords,
  getTable,
  initCrm,
  listAutomations,
  listPeople,
  seedDemo,
  setBaseMembers,
  type ApiClient,
  type AutomationAction,
  type PersonDto,
  type TableDto,
} from '@concord/contracts';
import { adminClient } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type ServerProcess } from './support/server.ts';

const DEMO_PASSWORD = 'concord-demo';
const COMPANY = '上海云帆信息科技有限公司';

let server: ServerProcess;
let browser: Browser;
let api: ApiClient;
let crm: { appToken: string; tables: { customers: string }; dashboardUrl: string };
let customers: TableDto;
let salesperson: PersonDto;
let engineer: PersonDto;
let manager: PersonDto;
const contexts: BrowserContext[] = [];
const field = (name: string) => customers.fields.find((f) => f.name === name)!.id;

async function pageAs(person: PersonDto, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await signIn(page, server.url, { email: person.email, password: DEMO_PASSWORD });
  return page;
}

beforeAll(async () => {
  ensureWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await adminClient(server.url);
  await api.call(seedDemo, {});
  const people = (await api.call(listPeople, { query: { pageSize: 500 } })).items;
  crm = await api.call(initCrm, { body: { locale: 'zh-CN' } });
  customers = await api.call(getTable, { params: { tableId: crm.tables.customers } });
  // The 方案报价 owner is the first of its pool (round robin starts there).
  const proposal = (await api.call(listAutomations, { params: { tableId: crm.tables.customers } })).items.find((a) => a.name.includes('方案报价'))!;
  const pool = (proposal.actions[0] as Extract<AutomationAction, { kind: 'assign' }>).pool.userIds;
  engineer = people.find((p) => p.id === pool[0])!;
  salesperson = people.find((p) => p.title === '大客户经理')!;
  manager = people.find((p) => p.title === '销售副总裁')!;
  await api.call(setBaseMembers, {
    params: { baseId: crm.appToken },
    body: {
      members: [
        { userId: salesperson.id, role: 'editor' },
        { userId: engineer.id, role: 'editor' },
        { userId: manager.id, role: 'viewer' },
      ],
    },
  });
  const row = (company: string, stage: string) => ({
    fields: { [field('客户名称')]: company, [field('阶段')]: stage, [field('负责人')]: [salesperson.id], [field('预计月金额')]: 80_000 },
  });
  // Stages whose owners are not the engineer: creating a customer in a stage assigns that stage's owner too.
  await api.call(createRecords, {
    params: { tableId: crm.tables.customers },
    body: { records: [row(COMPANY, '线索'), row('北京星图数字科技有限公司', '线索'), row('深圳瑞航物流有限公司', '初步接洽')] },
  });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('CRM in the browser', () => {
  it('a salesperson drags a customer to 方案报价: the stage owner is told, the manager’s dashboard moves, nobody reloads', async () => {
    const board = await pageAs(manager);
    await board.goto(`${server.url}${crm.dashboardUrl}`);
    const inProposal = board.locator('[data-widget-title="报价中客户"] [data-value]');
    const total = board.locator('[data-widget-title="客户总数"] [data-value]');
    const steps = board.locator('[data-widget-title="客户阶段漏斗"] [data-testid=funnel-step]');
    const counts = () => steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-count')));
    await expect.poll(() => inProposal.getAttribute('data-value')).toBe('0');
    expect(await total.getAttribute('data-value')).toBe('3');
    // Cumulative funnel: 线索 3, 初步接洽 1, 需求确认 0, 方案报价 0, 商务谈判 0, 赢单 0.
    await expect.poll(counts).toEqual(['3', '1', '0', '0', '0', '0']);

    const inbox = await pageAs(engineer);
    const badge = inbox.locator('[data-testid=inbox-unread]');
    await inbox.locator('[data-testid=inbox-bell]').waitFor();
    expect(await badge.count()).toBe(0);
    for (const p of [board, inbox]) await p.evaluate(() => Object.assign(window, { __noReload: true }));

    const sales = await pageAs(salesperson, 2200);
    const byStage = customers.views.find((v) => v.name === '按阶段')!;
    await sales.goto(`${server.url}/base/${crm.appToken}/${crm.tables.customers}?view=${byStage.id}`);
    const card = sales.locator('[data-testid=kanban-column][data-option="线索"] [data-testid=kanban-card]', { hasText: COMPANY });
    const target = sales.locator('[data-testid=kanban-column][data-option="方案报价"]');
    await card.waitFor({ state: 'visible' });
    await card.dragTo(target);
    await target.locator('[data-testid=kanban-card]', { hasText: COMPANY }).waitFor({ state: 'visible' });

    await expect.poll(() => inProposal.getAttribute('data-value'), { timeout: 15_000 }).toBe('1');
    await expect.poll(counts, { timeout: 15_000 }).toEqual(['3', '2', '1', '1', '0', '0']);
    expect(await total.getAttribute('data-value')).toBe('3');

    await expect.poll(() => badge.count().then((n) => (n ? badge.innerText() : null)), { timeout: 20_000, interval: 200 }).toBe('1');
    await inbox.locator('[data-testid=inbox-bell]').click();
    const item = inbox.locator('[data-testid=inbox-item]').first();
    await expect.poll(() => item.innerText()).toContain(COMPANY);
    expect(await item.innerText()).toContain('方案报价');
    for (const p of [board, inbox]) expect(await p.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    await item.click();
    await inbox.waitForURL(new RegExp(`/base/${crm.appToken}/${crm.tables.customers}/rec`));
  });

  it('the CRM page lists the CRM, shows and changes its stage owners, and links to its dashboard', async () => {
    const page = await pageAs(salesperson);
    await page.goto(`${server.url}/crm`);
    const card = page.locator(`[data-testid=crm-card][data-base-id="${crm.appToken}"]`);
    await card.waitFor({ state: 'visible' });
    await card.locator('[data-testid=crm-toggle-owners]').click();
    const proposal = card.locator('[data-testid=crm-stage-owners] tr[data-stage="方案报价"]');
    await expect.poll(() => proposal.innerText()).toContain(engineer.name);
    const won = card.locator('[data-testid=crm-stage-owners] tr[data-stage="赢单"]');
    await won.locator('select').selectOption({ label: '大客户部' });
    await expect.poll(() => won.locator('td').nth(1).innerText()).toBe('大客户部');
    await card.locator('[data-testid=crm-open-dashboard]').click();
    await page.waitForURL(new RegExp(`${crm.dashboardUrl}$`));
  });
});
