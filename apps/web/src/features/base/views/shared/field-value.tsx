import type { FieldDto } from '@concord/contracts';
import { uiOf } from '../../fields/field-registry.ts';

export interface FieldValueProps {
  field: FieldDto;
  value: unknown;
}

/** A read-only value as the grid shows it (chips for options and people, formatted numbers and dates). */
export function FieldValue({ field, value }: FieldValueProps) {
  const { Cell } = uiOf(field);
  return <Cell field={field} value={value} />;
}

/** Whether a value would show as nothing. */
export function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}
