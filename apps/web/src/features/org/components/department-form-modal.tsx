import { useMemo, useState, type FormEvent } from 'react';
import type { DepartmentDto } from '@concord/contracts';
import { fieldErrors, needsFormNotice } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { Modal } from '../../../ui/modal.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { useCreateDepartment } from '../api/create-department.ts';
import { useUpdateDepartment } from '../api/update-department.ts';
import { deptPath, flattenDeptTree, subtreeIds } from '../utils/dept-tree.ts';
import { PersonPicker, type PickedPerson } from './person-picker.tsx';

export interface DepartmentFormModalProps {
  departments: readonly DepartmentDto[];
  /** Edit this department; create a new one when absent. */
  department?: DepartmentDto;
  /** Preselected parent for a new sub-department. */
  parentId?: string | null;
  onClose: () => void;
}

const TOP = '';

/** Create or edit a department: name, parent (moving it), head and sort order. The server checks moves and names. */
export function DepartmentFormModal({ departments, department, parentId, onClose }: DepartmentFormModalProps) {
  const t = useT();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const mutation = department ? update : create;
  const [name, setName] = useState(department?.name ?? '');
  const [parent, setParent] = useState(department?.parentId ?? parentId ?? TOP);
  const [head, setHead] = useState<PickedPerson | null>(department?.headId ? { id: department.headId, name: department.headName ?? department.headId } : null);
  const [order, setOrder] = useState(department ? String(department.order) : '');

  const parentOptions = useMemo(() => {
    // A department cannot move under itself or its own descendants.
    const blocked = department ? subtreeIds(departments, department.id) : new Set<string>();
    const options = flattenDeptTree(departments)
      .filter(({ dept }) => !blocked.has(dept.id) && dept.active)
      .map(({ dept }) => ({ value: dept.id, label: deptPath(departments, dept.id) }));
    return [{ value: TOP, label: t('dept.topLevel') }, ...options];
  }, [departments, department, t]);

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const orderNum = order.trim() === '' ? undefined : Number(order);
    const body = {
      name: name.trim(),
      parentId: parent === TOP ? null : parent,
      headId: head?.id ?? null,
      order: Number.isFinite(orderNum) ? orderNum : undefined,
    };
    if (department) update.mutate({ id: department.id, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  }

  const errors = fieldErrors(mutation.error);
  return (
    <Modal
      title={department ? t('dept.edit') : t('dept.create')}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form="department-form" variant="primary" busy={mutation.isPending}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id="department-form" className="form" noValidate onSubmit={handleSubmit}>
        {needsFormNotice(mutation.error, ['name', 'parentId', 'headId', 'order']) && <ErrorNotice error={mutation.error} />}
        <TextField label={t('dept.name')} name="name" value={name} onChange={setName} error={errors.name} autoFocus />
        <SelectField label={t('dept.parent')} name="parentId" value={parent} options={parentOptions} onChange={setParent} error={errors.parentId} />
        <PersonPicker label={t('dept.head')} value={head} onChange={setHead} error={errors.headId} />
        <TextField label={t('dept.order')} name="order" type="number" value={order} onChange={setOrder} error={errors.order} hint={t('dept.orderHint')} />
      </form>
    </Modal>
  );
}
