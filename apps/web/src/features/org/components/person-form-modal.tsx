import { useState, type FormEvent } from 'react';
import { locales, type DepartmentDto, type PersonDto, type Role } from '@concord/contracts';
import { fieldErrors, needsFormNotice } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { Modal } from '../../../ui/modal.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { useCreatePerson } from '../api/create-person.ts';
import { useUpdatePerson } from '../api/update-person.ts';
import { DeptMultiPicker } from './dept-multi-picker.tsx';
import { PersonPicker, type PickedPerson } from './person-picker.tsx';

export interface PersonFormModalProps {
  departments: readonly DepartmentDto[];
  /** Edit this person; create a new one when absent. */
  person?: PersonDto;
  onClose: () => void;
}

const DEFAULT_TZ = 'Asia/Shanghai';
const PERSON_FIELDS = ['name', 'email', 'mobile', 'title', 'departmentIds', 'managerId', 'role', 'locale', 'timeZone', 'password'] as const;
const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

/** Create or edit a person; moving between departments is editing `departmentIds`. Field messages come from the server. */
export function PersonFormModal({ departments, person, onClose }: PersonFormModalProps) {
  const t = useT();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const mutation = person ? update : create;
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [mobile, setMobile] = useState(person?.mobile ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [deptIds, setDeptIds] = useState<string[]>(person?.departmentIds ?? []);
  const [manager, setManager] = useState<PickedPerson | null>(
    person?.managerId ? { id: person.managerId, name: person.managerName ?? person.managerId } : null,
  );
  const [role, setRole] = useState<Role>(person?.role ?? 'member');
  const [locale, setLocale] = useState<string>(person?.locale ?? '');
  const [timeZone, setTimeZone] = useState(person?.timeZone ?? DEFAULT_TZ);
  const [password, setPassword] = useState('');

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const body = {
      name: name.trim(),
      email: email.trim(),
      mobile: mobile.trim() || null,
      title: title.trim() || null,
      departmentIds: deptIds,
      managerId: manager?.id ?? null,
      role,
      locale: locales.find((l) => l === locale) ?? null,
      timeZone: timeZone.trim() || DEFAULT_TZ,
      password: password || undefined,
    };
    if (person) update.mutate({ id: person.id, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  }

  const errors = fieldErrors(mutation.error);
  return (
    <Modal
      title={person ? t('person.edit') : t('person.create')}
      closeLabel={t('common.close')}
      wide
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form="person-form" variant="primary" busy={mutation.isPending}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id="person-form" className="form form-grid" noValidate onSubmit={handleSubmit}>
        {needsFormNotice(mutation.error, PERSON_FIELDS) && (
          <div className="form-grid-full">
            <ErrorNotice error={mutation.error} />
          </div>
        )}
        <TextField label={t('field.name')} name="name" value={name} onChange={setName} error={errors.name} autoFocus />
        <TextField label={t('field.email')} name="email" type="email" value={email} onChange={setEmail} error={errors.email} />
        <TextField label={t('field.mobile')} name="mobile" type="tel" value={mobile} onChange={setMobile} error={errors.mobile} hint={t('person.mobileHint')} />
        <TextField label={t('field.title')} name="title" value={title} onChange={setTitle} error={errors.title} />
        <div className="form-grid-full">
          <DeptMultiPicker label={t('person.departments')} departments={departments} value={deptIds} onChange={setDeptIds} error={errors.departmentIds} />
        </div>
        <PersonPicker label={t('person.manager')} value={manager} excludeId={person?.id} onChange={setManager} error={errors.managerId} />
        <SelectField
          label={t('person.role')}
          name="role"
          value={role}
          options={[
            { value: 'member', label: t('role.member') },
            { value: 'admin', label: t('role.admin') },
          ]}
          onChange={(v) => setRole(v === 'admin' ? 'admin' : 'member')}
          error={errors.role}
        />
        <SelectField
          label={t('person.locale')}
          name="locale"
          value={locale}
          options={[
            { value: '', label: t('person.localeBrowser') },
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
          onChange={setLocale}
          error={errors.locale}
        />
        <div className="field">
          <label htmlFor="person-tz">{t('field.timeZone')}</label>
          <input
            id="person-tz"
            name="timeZone"
            list="person-tz-list"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            aria-invalid={errors.timeZone ? true : undefined}
          />
          <datalist id="person-tz-list">
            {COMMON_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {errors.timeZone && <p className="field-error">{errors.timeZone}</p>}
        </div>
        <TextField
          label={person ? t('person.newPassword') : t('person.initialPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint={t('person.passwordHint')}
        />
      </form>
    </Modal>
  );
}
