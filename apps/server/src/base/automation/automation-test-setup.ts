import * as c from '@concord/contracts';
import { type injectClient, startTestApp, type TestApp } from '../../../test/harness.ts';
import { drainOutbox } from '../../platform/outbox-consumer.ts';
import { OUTBOX_CONSUMERS } from '../../app.ts';
import { runDueAutomations } from './automation-runs.ts';

/** A test clock the suite moves by hand. */
export class TestClock {
  constructor(private at: Date) {}
  now = () => new Date(this.at);
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface CrmFixture {
  t: TestApp;
  clock: TestClock;
  baseId: string;
  table: c.TableDto;
  followUps: c.TableDto;
  fid: (name: string) => string;
  option: (name: string) => string;
  people: Record<'a' | 'b' | 'viewer' | 'editor', { person: c.PersonDto; client: ReturnType<typeof injectClient> }>;
  salesDeptId: string;
}

/** A customer table (阶段, 阶段负责人, 邮箱, 下次跟进时间 …) with a linked follow-up table, and people with base roles. */
export async function crmFixture(start = new Date('2026-11-24T02:00:00Z')): Promise<CrmFixture> {
  const clock = new TestClock(start);
  const t = await startTestApp({ clock });
  const dept = await t.admin.call(c.createDepartment, { body: { name: '销售部' } });
  const person = async (key: string, name: string, departmentIds: string[] = []) => {
    const p = await t.admin.call(c.createPerson, { body: { name, email: `${key}@example.com`, password: 'pass-word-123', departmentIds } });
    const client = t.anon();
    await client.call(c.login, { body: { email: `${key}@example.com`, password: 'pass-word-123' } });
    return { person: p, client };
  };
  const people = {
    a: await person('a', '安娜', [dept.id]),
    b: await person('b', '贝拉', [dept.id]),
    viewer: await person('viewer', '观察员'),
    editor: await person('editor', '编辑'),
  };
  const base = await t.admin.call(c.createBase, { body: { name: 'CRM' } });
  const followUps = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: { name: '跟进记录', fields: [{ name: '内容', type: 'text', options: {} }] },
  });
  const table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '名称', type: 'text', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: ['线索', '方案报价', '赢单'].map((name) => ({ name })) } },
        { name: '阶段负责人', type: 'person', options: { multiple: false } },
        { name: '邮箱', type: 'email', options: {} },
        { name: '下次跟进时间', type: 'date', options: { includeTime: true } },
        { name: '备注', type: 'text', options: {} },
        { name: '金额', type: 'number', options: {} },
        { name: '跟进', type: 'link', options: { tableId: followUps.id } },
      ],
    },
  });
  await t.admin.call(c.setBaseMembers, {
    params: { baseId: base.id },
    body: {
      members: [
        { userId: people.a.person.id, role: 'editor' },
        { userId: people.b.person.id, role: 'editor' },
        { userId: people.editor.person.id, role: 'editor' },
        { userId: people.viewer.person.id, role: 'commenter' },
      ],
    },
  });
  const fid = (name: string) => table.fields.find((f) => f.name === name)!.id;
  const stage = table.fields.find((f) => f.name === '阶段')!;
  const option = (name: string) => (stage.options as { choices: { id: string; name: string }[] }).choices.find((ch) => ch.name === name)!.id;
  return { t, clock, baseId: base.id, table, followUps, fid, option, people, salesDeptId: dept.id };
}

/** Runs queued automations until none is due (chains included). */
export async function runAll(t: TestApp, fetchImpl?: typeof fetch): Promise<number> {
  let total = 0;
  for (let i = 0; i < 20; i++) {
    const n = await runDueAutomations(t.deps, fetchImpl ? { fetch: fetchImpl } : {});
    total += n;
    if (n === 0) break;
  }
  return total;
}

/** Delivers published events to the notify slice (inbox). */
export async function drain(t: TestApp): Promise<void> {
  const { errors } = await drainOutbox(t.deps, OUTBOX_CONSUMERS);
  if (errors.length) throw new Error(String(errors[0]));
}
