import type { FieldDto } from '@concord/contracts';
import type { FilterCondition } from '@concord/table-engine';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { defaultCondition, operatorsOf } from '../../utils/filter-tree.ts';
import { FilterValue } from './filter-value.tsx';

export interface FilterConditionRowProps {
  condition: FilterCondition;
  fields: readonly FieldDto[];
  onChange: (next: FilterCondition) => void;
  onRemove: () => void;
}

/** One condition: field, operator (those that fit the field type), and a value editor for the type. */
export function FilterConditionRow({ condition, fields, onChange, onRemove }: FilterConditionRowProps) {
  const t = useT();
  const field = fields.find((x) => x.id === condition.fieldId);
  const ops = field ? operatorsOf(field) : [];
  const needsValue = condition.operator !== 'isEmpty' && condition.operator !== 'isNotEmpty';
  return (
    <div className="filter-condition" data-testid="filter-condition">
      <select
        aria-label={t('base.field.name')}
        data-testid="filter-field"
        value={condition.fieldId}
        onChange={(e) => {
          const next = fields.find((x) => x.id === e.target.value);
          if (next) onChange(defaultCondition(next));
        }}
      >
        {!field && <option value={condition.fieldId}>?</option>}
        {fields.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('base.toolbar.filter')}
        data-testid="filter-operator"
        value={condition.operator}
        onChange={(e) => {
          const operator = ops.find((o) => o === e.target.value);
          if (operator) onChange({ ...condition, operator });
        }}
      >
        {ops.map((o) => (
          <option key={o} value={o}>
            {t(`base.op.${o}`)}
          </option>
        ))}
      </select>
      {field && needsValue ? <FilterValue key={field.id} field={field} condition={condition} onChange={onChange} /> : <span className="filter-value-none" />}
      <button type="button" className="icon-btn" aria-label={t('base.filter.remove')} data-testid="filter-remove" onClick={onRemove}>
        ×
      </button>
    </div>
  );
}
