import type { AutomationAction, FieldDto, TableDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDepartments } from '../api/list-departments.ts';
import { useTable } from '../api/get-table.ts';
import { FieldChecklist, FieldSelect } from './field-select.tsx';
import { PeoplePicker } from './people-picker.tsx';
import { ValueInput, WRITABLE_TYPES } from './value-input.tsx';

export const ACTION_KINDS = [
  'assign',
  'notify',
  'update_fields',
  'create_linked_record',
  'email',
  'webhook',
] as const satisfies readonly AutomationAction['kind'][];

/** A fresh action of a kind, with the first sensible field. */
export function newAction(kind: AutomationAction['kind'], fields: readonly FieldDto[]): AutomationAction {
  const person = fields.find((f) => f.type === 'person')?.id ?? '';
  switch (kind) {
    case 'assign':
      return { kind, fieldId: person, pool: { userIds: [], departmentId: null }, strategy: 'round_robin' };
    case 'update_fields':
      return { kind, values: {} };
    case 'create_linked_record':
      return { kind, fieldId: fields.find((f) => f.type === 'link')?.id ?? '', values: {} };
    case 'notify':
      return { kind, to: { fieldIds: person ? [person] : [], userIds: [] }, title: '', body: '' };
    case 'email':
      return { kind, to: { addresses: [], fieldIds: [] }, subject: '', body: '' };
    case 'webhook':
      return { kind, url: 'https://' };
  }
}

export interface ActionFormProps {
  table: TableDto;
  action: AutomationAction;
  secret: string | null;
  onChange: (action: AutomationAction) => void;
}

const PEOPLE = new Set(['person', 'createdBy', 'modifiedBy']);

/** The form of one action, by kind. */
export function ActionForm({ table, action, secret, onChange }: ActionFormProps) {
  const t = useT();
  const fields = table.fields;
  const text = (label: string, value: string, set: (v: string) => void, multiline = false) => (
    <label className="auto-row">
      <span className="auto-label">{label}</span>
      {multiline ? (
        <textarea rows={3} value={value} onChange={(e) => set(e.target.value)} />
      ) : (
        <input type="text" value={value} onChange={(e) => set(e.target.value)} />
      )}
    </label>
  );
  switch (action.kind) {
    case 'assign':
      return (
        <>
          <FieldSelect
            label={t('base.auto.assign.field')}
            fields={fields.filter((f) => f.type === 'person')}
            value={action.fieldId}
            onChange={(fieldId) => onChange({ ...action, fieldId })}
          />
          <div className="auto-row">
            <span className="auto-label">{t('base.auto.assign.people')}</span>
            <PeoplePicker
              value={action.pool.userIds}
              onChange={(userIds) => onChange({ ...action, pool: { ...action.pool, userIds } })}
              testId="auto-assign-people"
            />
          </div>
          <DepartmentSelect value={action.pool.departmentId} onChange={(departmentId) => onChange({ ...action, pool: { ...action.pool, departmentId } })} />
          <label className="auto-row">
            <span className="auto-label">{t('base.auto.assign.strategy')}</span>
            <select value={action.strategy} onChange={(e) => onChange({ ...action, strategy: e.target.value as typeof action.strategy })}>
              <option value="round_robin">{t('base.auto.assign.round_robin')}</option>
              <option value="least_loaded">{t('base.auto.assign.least_loaded')}</option>
            </select>
          </label>
        </>
      );
    case 'update_fields':
      return <ValuesEditor fields={fields} values={action.values} onChange={(values) => onChange({ ...action, values })} />;
    case 'create_linked_record':
      return (
        <>
          <FieldSelect
            label={t('base.auto.link.field')}
            fields={fields.filter((f) => f.type === 'link')}
            value={action.fieldId}
            onChange={(fieldId) => onChange({ ...action, fieldId, values: {} })}
          />
          <LinkedValues link={fields.find((f) => f.id === action.fieldId)} values={action.values} onChange={(values) => onChange({ ...action, values })} />
        </>
      );
    case 'notify':
      return (
        <>
          <FieldChecklist
            label={t('base.auto.notify.fields')}
            fields={fields.filter((f) => PEOPLE.has(f.type))}
            value={action.to.fieldIds}
            onChange={(fieldIds) => onChange({ ...action, to: { ...action.to, fieldIds } })}
          />
          <div className="auto-row">
            <span className="auto-label">{t('base.auto.notify.people')}</span>
            <PeoplePicker value={action.to.userIds} onChange={(userIds) => onChange({ ...action, to: { ...action.to, userIds } })} />
          </div>
          {text(t('base.auto.notify.title'), action.title, (title) => onChange({ ...action, title }))}
          {text(t('base.auto.notify.body'), action.body, (body) => onChange({ ...action, body }), true)}
          <p className="muted small">{t('base.auto.template')}</p>
        </>
      );
    case 'email':
      return (
        <>
          {text(t('base.auto.email.addresses'), action.to.addresses.join(', '), (v) =>
            onChange({ ...action, to: { ...action.to, addresses: v.split(/[,，;；\s]+/).filter(Boolean) } }),
          )}
          <FieldChecklist
            label={t('base.auto.email.fields')}
            fields={fields.filter((f) => f.type === 'email' || PEOPLE.has(f.type))}
            value={action.to.fieldIds}
            onChange={(fieldIds) => onChange({ ...action, to: { ...action.to, fieldIds } })}
          />
          {text(t('base.auto.email.subject'), action.subject, (subject) => onChange({ ...action, subject }))}
          {text(t('base.auto.email.body'), action.body, (body) => onChange({ ...action, body }), true)}
          <p className="muted small">{t('base.auto.template')}</p>
        </>
      );
    case 'webhook':
      return (
        <>
          {text(t('base.auto.webhook.url'), action.url, (url) => onChange({ ...action, url }))}
          {secret && (
            <p className="muted small">
              {t('base.auto.webhook.secret')}: <code>{secret}</code>
            </p>
          )}
        </>
      );
  }
}

interface DepartmentSelectProps {
  value: string | null;
  onChange: (departmentId: string | null) => void;
}

function DepartmentSelect({ value, onChange }: DepartmentSelectProps) {
  const t = useT();
  const departments = useDepartments();
  return (
    <label className="auto-row">
      <span className="auto-label">{t('base.auto.assign.department')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('base.auto.assign.noDepartment')}</option>
        {(departments.data ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  );
}

interface ValuesEditorProps {
  fields: readonly FieldDto[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
}

/** Field → value rows; a field can be added once. */
function ValuesEditor({ fields, values, onChange }: ValuesEditorProps) {
  const t = useT();
  const writable = fields.filter((f) => WRITABLE_TYPES.has(f.type));
  const unused = writable.filter((f) => !(f.id in values));
  return (
    <div className="auto-values">
      {Object.entries(values).map(([fieldId, value]) => {
        const field = fields.find((f) => f.id === fieldId);
        if (!field) return null;
        return (
          <div key={fieldId} className="auto-value-row">
            <span className="auto-label">{field.name}</span>
            <ValueInput field={field} value={value} onChange={(v) => onChange({ ...values, [fieldId]: v })} />
            <button
              type="button"
              className="link-btn"
              aria-label={t('base.auto.removeAction')}
              onClick={() => onChange(Object.fromEntries(Object.entries(values).filter(([k]) => k !== fieldId)))}
            >
              ×
            </button>
          </div>
        );
      })}
      {unused.length > 0 && (
        <select
          aria-label={t('base.auto.update.add')}
          value=""
          data-testid="auto-add-value"
          onChange={(e) => e.target.value && onChange({ ...values, [e.target.value]: null })}
        >
          <option value="">+ {t('base.auto.update.add')}</option>
          {unused.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

interface LinkedValuesProps {
  link: FieldDto | undefined;
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
}

/** Values of the new record, with the linked table's fields. */
function LinkedValues({ link, values, onChange }: LinkedValuesProps) {
  const t = useT();
  const target = useTable((link?.options as { tableId?: string } | undefined)?.tableId);
  if (!target.data) return null;
  return (
    <div className="auto-row">
      <span className="auto-label">{t('base.auto.link.values')}</span>
      <ValuesEditor fields={target.data.fields} values={values} onChange={onChange} />
    </div>
  );
}
