import type { DepartmentDto } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import { publish } from '../platform/events.ts';
import * as repo from './department.repo.ts';

type Change = 'created' | 'updated' | 'moved' | 'deactivated' | 'reactivated';

const notFound = (id: string) => new AppError('not_found', 'org.department.not_found', { en: `Department not found: ${id}`, zh: `找不到部门：${id}` });

/** Depth-first: each parent followed by its children in `order`, so a flat list reads like the tree. */
export function treeOrder(items: DepartmentDto[]): DepartmentDto[] {
  const ids = new Set(items.map((d) => d.id));
  const children = new Map<string | null, DepartmentDto[]>();
  for (const d of items) {
    const key = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    children.set(key, [...(children.get(key) ?? []), d]);
  }
  const out: DepartmentDto[] = [];
  const visit = (parent: string | null) => {
    for (const d of children.get(parent) ?? []) {
      out.push(d);
      visit(d.id);
    }
  };
  visit(null);
  return out;
}

export async function listDepartments(deps: Deps, includeInactive: boolean): Promise<DepartmentDto[]> {
  return treeOrder(await repo.listDtos(deps.db, includeInactive));
}

export function assertDepartmentName(name: string): void {
  if (name.includes('/')) {
    throw new AppError('validation', 'org.department.invalid_name', {
      en: 'A department name cannot contain "/" (it separates levels in paths such as 技术中心/平台部)',
      zh: '部门名称不能包含 “/”（它用于分隔层级，如 技术中心/平台部）',
    });
  }
}

async function assertParentUsable(trx: Db, parentId: string | null): Promise<void> {
  if (parentId === null) return;
  const parent = await repo.findById(trx, parentId);
  if (!parent)
    throw new AppError('validation', 'org.department.parent_not_found', { en: `Parent department not found: ${parentId}`, zh: `找不到上级部门：${parentId}` });
  if (!parent.active) {
    throw new AppError('validation', 'org.department.parent_inactive', {
      en: `The parent department “${parent.name}” is deactivated`,
      zh: `上级部门“${parent.name}”已停用`,
    });
  }
}

async function assertHeadUsable(trx: Db, headId: string | null): Promise<void> {
  if (headId === null) return;
  const head = await trx.selectFrom('users').select(['id', 'active']).where('id', '=', headId).executeTakeFirst();
  if (!head?.active)
    throw new AppError('validation', 'org.department.head_not_found', {
      en: `Head not found or deactivated: ${headId}`,
      zh: `负责人不存在或已停用：${headId}`,
    });
}

async function assertUniqueName(trx: Db, parentId: string | null, name: string, exceptId: string | null): Promise<void> {
  if (await repo.findSiblingByName(trx, parentId, name, exceptId)) {
    throw new AppError('conflict', 'org.department.duplicate_name', {
      en: `A department named “${name}” already exists at this level`,
      zh: `同一层级已有名为“${name}”的部门`,
    });
  }
}

async function record(trx: Db, ctx: RequestContext | null, id: string, change: Change, details: Record<string, unknown>): Promise<void> {
  await audit(trx, ctx, change === 'created' ? 'org.department.create' : 'org.department.update', { type: 'department', id }, { change, ...details });
  await publish(trx, ['org'], { type: 'org.department.changed', departmentId: id, change });
}

export async function createDepartment(
  deps: Deps,
  ctx: RequestContext,
  input: { name: string; parentId?: string | null; headId?: string | null; order?: number },
): Promise<DepartmentDto> {
  assertDepartmentName(input.name);
  const id = newId('od-');
  return deps.db.transaction().execute(async (trx) => {
    await repo.lockTree(trx);
    const parentId = input.parentId ?? null;
    await assertParentUsable(trx, parentId);
    await assertHeadUsable(trx, input.headId ?? null);
    await assertUniqueName(trx, parentId, input.name, null);
    const sort = input.order ?? (await repo.nextSort(trx, parentId));
    await repo.insert(trx, { id, name: input.name, parent_id: parentId, head_id: input.headId ?? null, sort });
    await record(trx, ctx, id, 'created', { name: input.name, parentId });
    return (await repo.findDto(trx, id))!;
  });
}

export interface DepartmentPatch {
  name?: string;
  parentId?: string | null;
  headId?: string | null;
  order?: number;
  active?: boolean;
}

/** Rename, move, change head or order, deactivate or reactivate; one audit entry and one event for the whole patch. */
export async function updateDepartment(deps: Deps, ctx: RequestContext, id: string, patch: DepartmentPatch): Promise<DepartmentDto> {
  if (patch.name !== undefined) assertDepartmentName(patch.name);
  return deps.db.transaction().execute(async (trx) => {
    await repo.lockTree(trx);
    const cur = await repo.findById(trx, id);
    if (!cur) throw notFound(id);
    const name = patch.name ?? cur.name;
    const parentId = patch.parentId === undefined ? cur.parent_id : patch.parentId;
    const active = patch.active ?? cur.active;
    const moved = parentId !== cur.parent_id;
    const fields: string[] = [];

    if (moved) {
      if (parentId !== null && (await repo.subtreeIds(trx, id)).includes(parentId)) {
        throw new AppError('validation', 'org.department.cycle', {
          en: 'A department cannot be moved under itself or one of its sub-departments',
          zh: '不能把部门移动到它自己或它的下级部门之下',
        });
      }
      fields.push('parentId');
    }
    if (moved || (active && !cur.active)) await assertParentUsable(trx, parentId);
    if (name !== cur.name) fields.push('name');
    if (active && (name !== cur.name || moved || !cur.active)) await assertUniqueName(trx, parentId, name, id);
    if (patch.headId !== undefined && patch.headId !== cur.head_id) {
      await assertHeadUsable(trx, patch.headId);
      fields.push('headId');
    }
    if (patch.order !== undefined && patch.order !== cur.sort) fields.push('order');
    if (active !== cur.active) fields.push('active');
    if (!active && cur.active) await assertCanDeactivate(trx, cur.name, id);
    if (fields.length === 0) return (await repo.findDto(trx, id))!;

    await repo.update(trx, id, {
      name,
      parent_id: parentId,
      ...(patch.headId !== undefined ? { head_id: patch.headId } : {}),
      ...(patch.order !== undefined ? { sort: patch.order } : {}),
      active,
      updated_at: deps.clock.now(),
    });
    const change: Change = active !== cur.active ? (active ? 'reactivated' : 'deactivated') : moved ? 'moved' : 'updated';
    const details: Record<string, unknown> = { fields };
    if (name !== cur.name) details.name = { from: cur.name, to: name };
    if (moved) details.parentId = { from: cur.parent_id, to: parentId };
    await record(trx, ctx, id, change, details);
    return (await repo.findDto(trx, id))!;
  });
}

async function assertCanDeactivate(trx: Db, name: string, id: string): Promise<void> {
  const members = await repo.countActiveMembers(trx, id);
  const children = await repo.countActiveChildren(trx, id);
  if (members === 0 && children === 0) return;
  throw new AppError(
    'conflict',
    'org.department.not_empty',
    {
      en: `“${name}” still has ${members} active member(s) and ${children} active sub-department(s); move or deactivate them first`,
      zh: `“${name}”仍有 ${members} 名在职成员和 ${children} 个启用中的下级部门，请先移走或停用`,
    },
    { members, children },
  );
}
