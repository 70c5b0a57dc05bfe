import type { FieldDto } from '@concord/contracts';
import { choicesOf, type FieldMeta, type FieldType, type OptionsOf, type StoredOption } from '@concord/table-engine';

/** A field's options typed by its type (the server validated them against the same zod schema). */
export function optionsOf<T extends FieldType>(field: FieldDto, _type: T): Partial<OptionsOf<T>> {
  return field.options as Partial<OptionsOf<T>>;
}

export function asMeta(field: FieldDto): FieldMeta {
  return field as unknown as FieldMeta;
}

export function choices(field: FieldDto): StoredOption[] {
  return choicesOf(asMeta(field));
}

/** Chip colours per select option colour: [background, text]. */
export const CHOICE_COLORS: Record<StoredOption['color'], readonly [string, string]> = {
  blue: ['#e1eaff', '#245bdb'],
  cyan: ['#d9f3fd', '#037eaa'],
  green: ['#d9f5d6', '#237b19'],
  yellow: ['#faf1d1', '#8f6f00'],
  orange: ['#feead2', '#b15a00'],
  red: ['#fde2e2', '#c02a26'],
  pink: ['#fdddef', '#b4216f'],
  purple: ['#ece2fe', '#6425d0'],
  gray: ['#eff0f1', '#4e5560'],
};

export function choiceStyle(field: FieldDto, name: string): { background: string; color: string } {
  const c = choices(field).find((o) => o.name === name);
  const [background, color] = CHOICE_COLORS[c?.color ?? 'gray'];
  return { background, color };
}
