import type { ImportRun, RowResult, SourceRow } from './import-row.ts';
import { attempt, failed } from './import-row.ts';
import { DepartmentIndex, nameKey, splitPath } from './department-index.ts';
import { parseNumberText } from '@concord/table-engine';
import { newId } from '../../platform/ids.ts';
import * as departments from '../department.repo.ts';
import { findPersonByNameEmailOrPhone } from '../person.service.ts';

type Field = 'name' | 'parent' | 'head' | 'order';

interface Parsed {
  row: number;
  name: string;
  parent: string[];
  head: string;
  order: number | undefined;
}

type Parent = { kind: 'root' } | { kind: 'found'; id: string } | { kind: 'wait' } | { kind: 'error'; message: string };

/**
 * Upserts departments by path. Parents may come after their children in the file: rows are applied in passes,
 * each taking the rows whose parent is now known, until nothing more can be placed.
 */
export async function importDepartmentRows(run: ImportRun, rows: SourceRow<Field>[]): Promise<RowResult[]> {
  const { t } = run;
  const index = new DepartmentIndex(await departments.listAll(run.trx));
  const results: RowResult[] = [];
  let pending: Parsed[] = [];
  for (const r of rows) {
    const parsed = parse(r, t);
    if (typeof parsed === 'string') results.push(failed(r.row, parsed));
    else pending.push(parsed);
  }

  const placedPaths = new Map<string, number>();
  const resolveParent = (p: Parsed): Parent => {
    if (p.parent.length === 0) return { kind: 'root' };
    const last = nameKey(p.parent[p.parent.length - 1]!);
    // A row still waiting could be this parent: wait for it before looking it up.
    if (pending.some((o) => o !== p && nameKey(o.name) === last)) return { kind: 'wait' };
    const found = index.resolve(p.parent.join('/'), false);
    const shown = p.parent.join('/');
    if (found.kind === 'found') return { kind: 'found', id: found.node.id };
    if (found.kind === 'ambiguous') {
      return {
        kind: 'error',
        message: t({
          en: `Several departments are named “${shown}” (${found.paths.join(', ')}); write the parent as a path`,
          zh: `有多个名为“${shown}”的部门（${found.paths.join('、')}），请填写完整路径`,
        }),
      };
    }
    return { kind: 'error', message: t({ en: `Parent department not found: ${shown}`, zh: `找不到上级部门：${shown}` }) };
  };

  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    for (const p of [...pending]) {
      const parent = resolveParent(p);
      if (parent.kind === 'wait') continue;
      pending = pending.filter((o) => o !== p);
      progress = true;
      if (parent.kind === 'error') results.push(failed(p.row, parent.message));
      else results.push(await place(run, index, placedPaths, p, parent.kind === 'root' ? null : parent.id));
    }
  }
  for (const p of pending) {
    results.push(
      failed(p.row, t({ en: `Parent department not found or circular: ${p.parent.join('/')}`, zh: `上级部门不存在或形成循环：${p.parent.join('/')}` })),
    );
  }
  return results;
}

function parse(r: SourceRow<Field>, t: ImportRun['t']): Parsed | string {
  const segments = splitPath(r.cells.name ?? '');
  const parentCell = splitPath(r.cells.parent ?? '');
  if (segments.length === 0) return t({ en: 'The department name is empty', zh: '部门名称为空' });
  if (segments.length > 1 && parentCell.length > 0) {
    return t({ en: 'Give either a path in the name column or a parent, not both', zh: '部门名称中填写了路径，又填写了上级部门，请只保留一种' });
  }
  const name = segments[segments.length - 1]!;
  if (name.length > 100) return t({ en: 'The department name is longer than 100 characters', zh: '部门名称超过 100 个字符' });
  const orderText = (r.cells.order ?? '').trim();
  const order = orderText === '' ? undefined : parseNumberText(orderText);
  if (order === null || (order !== undefined && !Number.isInteger(order))) {
    return t({ en: `Order must be a whole number: ${orderText}`, zh: `排序必须是整数：${orderText}` });
  }
  return { row: r.row, name, parent: segments.length > 1 ? segments.slice(0, -1) : parentCell, head: (r.cells.head ?? '').trim(), order };
}

async function place(run: ImportRun, index: DepartmentIndex, placed: Map<string, number>, p: Parsed, parentId: string | null): Promise<RowResult> {
  const { t, trx } = run;
  const pathKey = [parentId ? index.pathKey(parentId) : '', nameKey(p.name)].filter(Boolean).join('/');
  const earlier = placed.get(pathKey);
  if (earlier !== undefined) return failed(p.row, t({ en: `Same department as row ${earlier}`, zh: `与第 ${earlier} 行是同一个部门` }));
  placed.set(pathKey, p.row);

  const warnings: string[] = [];
  let headId: string | undefined;
  if (p.head) {
    const match = await findPersonByNameEmailOrPhone(trx, p.head);
    if (match.kind === 'found') headId = match.person.id;
    else if (match.kind === 'none') warnings.push(t({ en: `Head not found, left empty: ${p.head}`, zh: `找不到负责人“${p.head}”，已留空` }));
    else warnings.push(t({ en: `Several people match head “${p.head}”; use an email`, zh: `有多人匹配负责人“${p.head}”，请改用邮箱` }));
  }

  const existing = index.byPath(pathKey.split('/'));
  if (existing) {
    const cur = (await departments.findById(trx, existing.id))!;
    const set = {
      ...(headId !== undefined && headId !== cur.head_id ? { head_id: headId } : {}),
      ...(p.order !== undefined && p.order !== cur.sort ? { sort: p.order } : {}),
      ...(!cur.active ? { active: true } : {}),
    };
    if (Object.keys(set).length === 0) return { row: p.row, action: 'skipped', id: existing.id, warnings, error: null };
    await departments.update(trx, existing.id, { ...set, updated_at: run.now });
    index.setActive(existing.id);
    return { row: p.row, action: 'updated', id: existing.id, warnings, error: null };
  }

  if (parentId && !index.get(parentId)?.active) {
    return failed(
      p.row,
      t({ en: `The parent department ${index.displayPath(parentId)} is deactivated`, zh: `上级部门“${index.displayPath(parentId)}”已停用` }),
      warnings,
    );
  }
  const id = newId('od-');
  const created = await attempt(run, async () => {
    const sort = p.order ?? (await departments.nextSort(trx, parentId));
    await departments.insert(trx, { id, name: p.name, parent_id: parentId, head_id: headId ?? null, sort });
  });
  if (!created.ok) return failed(p.row, created.error, warnings);
  index.add({ id, name: p.name, parentId, active: true });
  return { row: p.row, action: 'created', id, warnings, error: null };
}
