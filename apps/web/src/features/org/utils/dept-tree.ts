import type { DepartmentDto } from '@concord/contracts';

export interface DeptNode {
  dept: DepartmentDto;
  children: DeptNode[];
  /** Direct members of this department and all departments below it. */
  totalMembers: number;
  depth: number;
}

/** Nests the flat department list by `parentId`, keeping the server's order; orphans (parent not listed) become roots. */
export function buildDeptTree(depts: readonly DepartmentDto[]): DeptNode[] {
  const byId = new Map<string, DeptNode>();
  for (const d of depts) byId.set(d.id, { dept: d, children: [], totalMembers: d.memberCount, depth: 0 });
  const roots: DeptNode[] = [];
  for (const d of depts) {
    const node = byId.get(d.id);
    if (!node) continue;
    const parent = d.parentId ? byId.get(d.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortNodes = (nodes: DeptNode[]) => nodes.sort((a, b) => a.dept.order - b.dept.order);
  const visit = (node: DeptNode, depth: number, seen: Set<string>): number => {
    // A cycle in bad data must not hang the page.
    if (seen.has(node.dept.id)) return 0;
    seen.add(node.dept.id);
    node.depth = depth;
    sortNodes(node.children);
    node.totalMembers = node.dept.memberCount + node.children.reduce((sum, c) => sum + visit(c, depth + 1, seen), 0);
    return node.totalMembers;
  };
  const seen = new Set<string>();
  for (const r of sortNodes(roots)) visit(r, 0, seen);
  return roots;
}

/** Every department in tree order (parents before children, siblings by `order`), with its depth. */
export function flattenDeptTree(depts: readonly DepartmentDto[]): DeptNode[] {
  const out: DeptNode[] = [];
  const walk = (nodes: DeptNode[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(buildDeptTree(depts));
  return out;
}

/** Ids of `id`'s ancestors, nearest first. */
export function ancestorIds(depts: readonly DepartmentDto[], id: string): string[] {
  const byId = new Map(depts.map((d) => [d.id, d]));
  const out: string[] = [];
  let cur = byId.get(id)?.parentId ?? null;
  while (cur && !out.includes(cur)) {
    out.push(cur);
    cur = byId.get(cur)?.parentId ?? null;
  }
  return out;
}

/** Ids of `id` and every department below it. */
export function subtreeIds(depts: readonly DepartmentDto[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of depts) {
      if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}

/** "Parent / Child" path for pickers and person details. */
export function deptPath(depts: readonly DepartmentDto[], id: string): string {
  const byId = new Map(depts.map((d) => [d.id, d]));
  const names = [id, ...ancestorIds(depts, id)].map((x) => byId.get(x)?.name).filter((n): n is string => !!n);
  return names.reverse().join(' / ');
}
