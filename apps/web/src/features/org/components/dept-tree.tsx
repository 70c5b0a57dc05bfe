import { useMemo, useState } from 'react';
import type { DepartmentDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { ancestorIds, buildDeptTree, type DeptNode } from '../utils/dept-tree.ts';

export interface DeptTreeProps {
  departments: readonly DepartmentDto[];
  selectedId: string | null;
  /** Everyone in the company (shown on the "all" row). */
  totalPeople?: number;
  onSelect: (id: string | null) => void;
}

function openAncestors(prev: Map<string, boolean>, departments: readonly DepartmentDto[], id: string | null): Map<string, boolean> {
  const ids = id ? ancestorIds(departments, id) : [];
  if (ids.every((a) => prev.get(a) === true)) return prev;
  const next = new Map(prev);
  for (const a of ids) next.set(a, true);
  return next;
}

interface Row {
  node: DeptNode;
  expanded: boolean;
}

/**
 * The department tree as flat rows (one `dept-node` per department, indented by depth), so a row's text is only its own
 * name and count. Selecting a department expands it; the chevron only expands or collapses.
 */
export function DeptTree({ departments, selectedId, totalPeople, onSelect }: DeptTreeProps) {
  const t = useT();
  const roots = useMemo(() => buildDeptTree(departments), [departments]);
  const [toggled, setToggled] = useState<Map<string, boolean>>(() => openAncestors(new Map(), departments, selectedId));
  const [revealed, setRevealed] = useState(selectedId);
  // A department selected from elsewhere (a link, the person panel) is revealed by opening its ancestors once.
  if (revealed !== selectedId) {
    setRevealed(selectedId);
    setToggled((prev) => openAncestors(prev, departments, selectedId));
  }

  const rows = useMemo(() => {
    // A lone top department (the company) starts open, as do the first levels of a small tree.
    const defaultOpen = (n: DeptNode) => n.depth === 0 && (roots.length === 1 || departments.length <= 30);
    const out: Row[] = [];
    const walk = (nodes: DeptNode[]) => {
      for (const node of nodes) {
        const id = node.dept.id;
        const expanded = node.children.length > 0 && (toggled.get(id) ?? defaultOpen(node));
        out.push({ node, expanded });
        if (expanded) walk(node.children);
      }
    };
    walk(roots);
    return out;
  }, [roots, departments.length, toggled]);

  function setOpen(id: string, open: boolean) {
    setToggled((prev) => new Map(prev).set(id, open));
  }

  function handleSelect(row: Row) {
    if (row.node.children.length && !row.expanded) setOpen(row.node.dept.id, true);
    onSelect(row.node.dept.id);
  }

  return (
    <div className="dept-tree" role="tree" aria-label={t('directory.departments')}>
      <div
        className={`dept-row dept-row-all${selectedId === null ? ' is-selected' : ''}`}
        role="treeitem"
        aria-selected={selectedId === null}
        tabIndex={0}
        onClick={() => onSelect(null)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          onSelect(null);
        }}
      >
        <span className="dept-chevron-spacer" />
        <span className="dept-label">{t('directory.allPeople')}</span>
        {totalPeople !== undefined && <span className="dept-count">{totalPeople}</span>}
      </div>
      {rows.map((row) => {
        const { dept, children, totalMembers, depth } = row.node;
        const selected = dept.id === selectedId;
        return (
          <div
            key={dept.id}
            className={`dept-row${selected ? ' is-selected' : ''}${dept.active ? '' : ' is-inactive'}`}
            style={{ paddingLeft: 8 + depth * 16 }}
            role="treeitem"
            aria-level={depth + 1}
            aria-selected={selected}
            aria-expanded={children.length ? row.expanded : undefined}
            tabIndex={0}
            data-testid="dept-node"
            data-dept-id={dept.id}
            onClick={() => handleSelect(row)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                handleSelect(row);
              } else if (e.key === 'ArrowRight' && children.length) setOpen(dept.id, true);
              else if (e.key === 'ArrowLeft' && children.length) setOpen(dept.id, false);
            }}
          >
            {children.length ? (
              <button
                type="button"
                className={`dept-chevron${row.expanded ? ' is-open' : ''}`}
                aria-label={row.expanded ? t('directory.collapse') : t('directory.expand')}
                data-testid="dept-toggle"
                onClick={(e) => {
                  e.stopPropagation();
                  setOpen(dept.id, !row.expanded);
                }}
              >
                <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                  <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
              </button>
            ) : (
              <span className="dept-chevron-spacer" />
            )}
            <span className="dept-label" data-testid="dept-name">
              {dept.name}
            </span>
            <span className="dept-count" title={t('directory.memberCountHint', { direct: dept.memberCount })} data-testid="dept-count">
              {totalMembers}
            </span>
          </div>
        );
      })}
    </div>
  );
}
