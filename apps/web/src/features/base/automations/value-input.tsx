import type { FieldDto } from '@concord/contracts';
import { PeoplePicker } from './people-picker.tsx';

export interface ValueInputProps {
  field: FieldDto;
  value: unknown;
  onChange: (value: unknown) => void;
}

const choicesOf = (field: FieldDto) => ((field.options as { choices?: { id?: string; name: string }[] }).choices ?? []).map((c) => c.name);

/** A value for "update fields" / a new linked record, in the records API's input form (option names, person ids, text). */
export function ValueInput({ field, value, onChange }: ValueInputProps) {
  switch (field.type) {
    case 'singleSelect':
      return (
        <select aria-label={field.name} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">—</option>
          {choicesOf(field).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      );
    case 'checkbox':
      return <input type="checkbox" aria-label={field.name} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'person':
      return <PeoplePicker value={Array.isArray(value) ? (value as string[]) : []} onChange={(ids) => onChange(ids.length ? ids : null)} />;
    case 'date':
      return <input type="date" aria-label={field.name} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)} />;
    default:
      return (
        <input
          type="text"
          aria-label={field.name}
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

/** Field types an automation can write with `ValueInput`. */
export const WRITABLE_TYPES: ReadonlySet<string> = new Set([
  'text',
  'longText',
  'number',
  'currency',
  'percent',
  'progress',
  'rating',
  'singleSelect',
  'checkbox',
  'person',
  'date',
  'phone',
  'email',
  'url',
]);
