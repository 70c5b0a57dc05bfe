import { useT } from '../../../../lib/i18n/i18n.tsx';
import { SelectField } from '../../../../ui/select-field.tsx';

export interface TablePickerProps {
  tables: readonly { id: string; name: string }[];
  value: string;
  onChange: (tableId: string) => void;
}

/** Which table the permissions or webhooks tab is about. */
export function TablePicker({ tables, value, onChange }: TablePickerProps) {
  const t = useT();
  return (
    <div className="settings-table-picker" data-testid="settings-table">
      <SelectField
        label={t('base.settings.table')}
        name="tableId"
        value={value}
        options={tables.map((x) => ({ value: x.id, label: x.name }))}
        onChange={onChange}
      />
    </div>
  );
}
