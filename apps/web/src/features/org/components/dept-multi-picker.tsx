import { useMemo, useState } from 'react';
import type { DepartmentDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { deptPath, flattenDeptTree } from '../utils/dept-tree.ts';

export interface DeptMultiPickerProps {
  label: string;
  departments: readonly DepartmentDto[];
  value: readonly string[];
  error?: string;
  onChange: (ids: string[]) => void;
}

/** Checkboxes over every active department (by path), with a filter for large trees. */
export function DeptMultiPicker({ label, departments, value, error, onChange }: DeptMultiPickerProps) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const options = useMemo(
    () =>
      flattenDeptTree(departments)
        .filter(({ dept }) => dept.active || value.includes(dept.id))
        .map(({ dept }) => ({ id: dept.id, path: deptPath(departments, dept.id) })),
    [departments, value],
  );
  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((o) => o.path.toLowerCase().includes(needle)) : options;

  function handleToggle(id: string, checked: boolean) {
    onChange(checked ? [...value, id] : value.filter((v) => v !== id));
  }

  return (
    <fieldset className={`field dept-multi${error ? ' field-invalid' : ''}`}>
      <legend>{label}</legend>
      {options.length > 8 && (
        <input
          type="search"
          className="dept-multi-filter"
          value={filter}
          placeholder={t('picker.filterDepartments')}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <div className="dept-multi-list">
        {shown.length === 0 && <p className="muted">{t('directory.noDepartments')}</p>}
        {shown.map((o) => (
          <label key={o.id} className="check">
            <input type="checkbox" name="departmentIds" value={o.id} checked={value.includes(o.id)} onChange={(e) => handleToggle(o.id, e.target.checked)} />
            <span>{o.path}</span>
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
