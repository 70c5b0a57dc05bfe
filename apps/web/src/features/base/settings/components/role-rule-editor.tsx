import type { FieldDto, TableRule } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { blankRule, defaultAccess, ROW_INCLUDES, toggleInclude, withFieldAccess, type RuleRole } from '../utils/rules-draft.ts';

export interface RoleRuleEditorProps {
  role: RuleRole;
  rule: TableRule | null;
  fields: readonly FieldDto[];
  onChange: (rule: TableRule | null) => void;
}

/** One role's rule in one table: off (no restriction) or table access, a row rule by person field, and per-field access. */
export function RoleRuleEditor({ role, rule, fields, onChange }: RoleRuleEditorProps) {
  const t = useT();
  const roleName = t(`base.role.${role}`);
  const people = fields.filter((f) => f.type === 'person');
  const personField = rule?.rows ? fields.find((f) => f.id === rule.rows?.personFieldId) : undefined;

  function handleRowsField(fieldId: string) {
    if (!rule) return;
    onChange({ ...rule, rows: fieldId ? { personFieldId: fieldId, include: rule.rows?.include ?? ['self'] } : null });
  }

  return (
    <fieldset className="settings-rule" data-testid="rule" data-role={role}>
      <legend>
        <label className="settings-check">
          <input type="checkbox" checked={rule !== null} data-testid="rule-enabled" onChange={(e) => onChange(e.target.checked ? blankRule(role) : null)} />
          {t('base.perm.restrict', { role: roleName })}
        </label>
      </legend>
      {!rule && (
        <p className="settings-muted">
          {t('base.perm.unrestricted', {
            role: roleName,
            what: t(defaultAccess(role) === 'edit' ? 'base.perm.unrestricted.edit' : 'base.perm.unrestricted.read'),
          })}
        </p>
      )}
      {rule && (
        <div className="settings-rule-body">
          <label className="settings-row">
            <span>{t('base.perm.access')}</span>
            <select value={rule.access} data-testid="rule-access" onChange={(e) => onChange({ ...rule, access: e.target.value as TableRule['access'] })}>
              <option value="none">{t('base.perm.access.none')}</option>
              <option value="read">{t('base.perm.access.read')}</option>
              {role === 'editor' && <option value="edit">{t('base.perm.access.edit')}</option>}
            </select>
          </label>
          {rule.access !== 'none' && (
            <>
              <label className="settings-row">
                <span>{t('base.perm.rows')}</span>
                <select
                  value={rule.rows?.personFieldId ?? ''}
                  data-testid="rule-rows-field"
                  disabled={people.length === 0}
                  onChange={(e) => handleRowsField(e.target.value)}
                >
                  <option value="">{t('base.perm.rows.all')}</option>
                  {people.map((f) => (
                    <option key={f.id} value={f.id}>
                      {t('base.perm.rows.field', { field: f.name })}
                    </option>
                  ))}
                </select>
              </label>
              {people.length === 0 && <p className="settings-muted">{t('base.perm.rows.needPerson')}</p>}
              {rule.rows && personField && (
                <div className="settings-includes" data-testid="rule-includes">
                  {ROW_INCLUDES.map((kind) => (
                    <label key={kind} className="settings-check">
                      <input
                        type="checkbox"
                        data-testid="rule-include"
                        data-kind={kind}
                        checked={rule.rows?.include.includes(kind) ?? false}
                        onChange={(e) => onChange(toggleInclude(rule, kind, e.target.checked))}
                      />
                      {t(`base.perm.rows.${kind}`)}
                    </label>
                  ))}
                </div>
              )}
              <div className="settings-fields">
                <span className="settings-fields-title">{t('base.perm.fields')}</span>
                {fields.map((f) => (
                  <label key={f.id} className="settings-row settings-field-row">
                    <span className="settings-field-name">{f.name}</span>
                    <select
                      value={rule.fields[f.id] === 'none' || rule.fields[f.id] === 'read' ? rule.fields[f.id] : ''}
                      data-testid="rule-field"
                      data-field-id={f.id}
                      onChange={(e) => onChange(withFieldAccess(rule, f.id, e.target.value === 'none' || e.target.value === 'read' ? e.target.value : null))}
                    >
                      <option value="">{t('base.perm.field.default')}</option>
                      <option value="read">{t('base.perm.field.read')}</option>
                      <option value="none">{t('base.perm.field.none')}</option>
                    </select>
                  </label>
                ))}
              </div>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
