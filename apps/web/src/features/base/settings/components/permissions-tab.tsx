import { useState } from 'react';
import type { TableRule } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Spinner } from '../../../../ui/spinner.tsx';
import { useTable } from '../../api/get-table.ts';
import { useToast } from '../../components/toast.tsx';
import { useSetTableRules, useTableRules } from '../api/table-rules.ts';
import { RULE_ROLES, rulesByRole, type RuleRole, type RulesDraft } from '../utils/rules-draft.ts';
import { RoleRuleEditor } from './role-rule-editor.tsx';

export interface PermissionsTabProps {
  tableId: string;
}

/** Per-role rules of one table: table access, hidden and read-only fields, and which records each role sees. */
export function PermissionsTab({ tableId }: PermissionsTabProps) {
  const t = useT();
  const table = useTable(tableId);
  const rules = useTableRules(tableId);
  if (table.isPending || rules.isPending) return <Spinner label={t('common.loading')} />;
  if (table.error) return <ErrorNotice error={table.error} onRetry={() => void table.refetch()} />;
  if (rules.error) return <ErrorNotice error={rules.error} onRetry={() => void rules.refetch()} />;
  return <RulesForm tableId={tableId} fields={table.data.fields} initial={rulesByRole(rules.data)} />;
}

interface RulesFormProps {
  tableId: string;
  fields: Parameters<typeof RoleRuleEditor>[0]['fields'];
  initial: RulesDraft;
}

function RulesForm({ tableId, fields, initial }: RulesFormProps) {
  const t = useT();
  const toast = useToast();
  const save = useSetTableRules(tableId);
  const [draft, setDraft] = useState<RulesDraft>(initial);
  const [invalid, setInvalid] = useState(false);

  function handleSave() {
    const list = RULE_ROLES.map((r) => draft[r]).filter((r): r is TableRule => r !== null);
    if (list.some((r) => r.rows && r.rows.include.length === 0)) return setInvalid(true);
    setInvalid(false);
    save.mutate(list, { onSuccess: () => toast(t('base.perm.saved'), 'success') });
  }

  const change = (role: RuleRole, rule: TableRule | null) => setDraft((d) => ({ ...d, [role]: rule }));
  return (
    <div className="settings-rules" data-testid="permissions-tab">
      <p className="settings-muted">{t('base.perm.intro')}</p>
      {RULE_ROLES.map((role) => (
        <RoleRuleEditor key={role} role={role} rule={draft[role]} fields={fields} onChange={(rule) => change(role, rule)} />
      ))}
      {invalid && <p className="field-error">{t('base.perm.pickInclude')}</p>}
      {save.error && <ErrorNotice error={save.error} />}
      <div className="settings-actions">
        <Button variant="primary" busy={save.isPending} testId="rules-save" onClick={handleSave}>
          {t('base.perm.save')}
        </Button>
      </div>
    </div>
  );
}
