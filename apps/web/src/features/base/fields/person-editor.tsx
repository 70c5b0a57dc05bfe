import { useState } from 'react';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { Avatar } from '../../../ui/avatar.tsx';
import { useDepartments } from '../api/list-departments.ts';
import { usePeopleSearch } from '../api/search-people.ts';
import type { EditorProps } from './field-ui-types.ts';
import { PickerPopover, type PickerItem } from './picker-popover.tsx';

interface Ref {
  id: string;
  name: string;
  email?: string;
}

function personItem(p: Ref): PickerItem {
  return {
    key: p.id,
    label: p.name,
    data: p,
    node: (
      <span className="person-chip">
        <Avatar name={p.name} size="sm" />
        <span>{p.name}</span>
        {p.email && <span className="muted small">{p.email}</span>}
      </span>
    ),
  };
}

const refsOf = (v: unknown): Ref[] => (Array.isArray(v) ? (v as Ref[]).filter((p) => p && typeof p.id === 'string') : []);
/** Writes `[{id, name}]`: the server reads the ids, the grid shows the names until it answers. */
const toRefs = (picked: readonly PickerItem[]) => (picked.length ? picked.map((p) => ({ id: p.key, name: p.label })) : null);

/** People by directory search (name in 汉字, pinyin, initials, email). */
export function PersonEditor(props: EditorProps) {
  const t = useT();
  const [query, setQuery] = useState(props.initialText ?? '');
  const q = useDebouncedValue(query.trim(), 150);
  const people = usePeopleSearch(q);
  const multiple = (props.field.options as { multiple?: boolean }).multiple !== false;
  return (
    <PickerPopover
      editor={props}
      items={(people.data ?? []).map((p) => personItem({ id: p.id, name: p.name, email: p.email }))}
      initial={refsOf(props.value).map(personItem)}
      multiple={multiple}
      query={query}
      onQuery={setQuery}
      toValue={toRefs}
      loading={people.isFetching}
      placeholder={t('base.picker.searchPeople')}
    />
  );
}

/** Departments, filtered locally from the directory tree. */
export function DepartmentEditor(props: EditorProps) {
  const t = useT();
  const [query, setQuery] = useState(props.initialText ?? '');
  const depts = useDepartments();
  const q = query.trim().toLowerCase();
  const multiple = (props.field.options as { multiple?: boolean }).multiple !== false;
  const items = (depts.data ?? [])
    .filter((d) => d.active && (!q || d.name.toLowerCase().includes(q)))
    .slice(0, 50)
    .map((d) => ({ key: d.id, label: d.name }));
  return (
    <PickerPopover
      editor={props}
      items={items}
      initial={refsOf(props.value).map((d) => ({ key: d.id, label: d.name }))}
      multiple={multiple}
      query={query}
      onQuery={setQuery}
      toValue={toRefs}
      loading={depts.isPending}
      placeholder={t('base.picker.searchDepartments')}
    />
  );
}
