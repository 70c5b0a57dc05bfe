import { describe, expect, it } from 'vitest';
import type { DepartmentDto } from '@concord/contracts';
import { ancestorIds, buildDeptTree, deptPath, flattenDeptTree, subtreeIds } from './dept-tree.ts';

function dept(id: string, name: string, parentId: string | null, memberCount: number, order = 0): DepartmentDto {
  return { id, name, parentId, headId: null, headName: null, memberCount, order, active: true };
}

const DEPTS = [
  dept('tech', '技术中心', null, 2, 1),
  dept('ceo', '总裁办', null, 4, 0),
  dept('ad', '自动驾驶部', 'tech', 4, 0),
  dept('perc', '感知组', 'ad', 22, 1),
  dept('plan', '规划控制组', 'ad', 20, 0),
  dept('orphan', '孤儿部门', 'gone', 1, 5),
];

describe('department tree', () => {
  it('nests by parent, orders siblings, and counts members of whole subtrees', () => {
    const roots = buildDeptTree(DEPTS);
    expect(roots.map((r) => r.dept.name)).toEqual(['总裁办', '技术中心', '孤儿部门']);
    const tech = roots[1]!;
    expect(tech.totalMembers).toBe(2 + 4 + 22 + 20);
    expect(tech.children[0]!.children.map((c) => c.dept.id)).toEqual(['plan', 'perc']);
    expect(tech.children[0]!.children[0]!.depth).toBe(2);
  });

  it('flattens in tree order and answers ancestor, subtree and path questions', () => {
    expect(flattenDeptTree(DEPTS).map((n) => n.dept.id)).toEqual(['ceo', 'tech', 'ad', 'plan', 'perc', 'orphan']);
    expect(ancestorIds(DEPTS, 'perc')).toEqual(['ad', 'tech']);
    expect([...subtreeIds(DEPTS, 'tech')].sort()).toEqual(['ad', 'perc', 'plan', 'tech']);
    expect(deptPath(DEPTS, 'perc')).toBe('技术中心 / 自动驾驶部 / 感知组');
  });

  it('survives a cycle in bad data', () => {
    const cyclic = [dept('a', 'A', 'b', 1), dept('b', 'B', 'a', 1)];
    expect(() => buildDeptTree(cyclic)).not.toThrow();
    expect(ancestorIds(cyclic, 'a')).toEqual(['b', 'a']);
  });
});
