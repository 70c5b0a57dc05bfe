import type { FieldDto, FormDto, TableDto, ViewConfig } from '@concord/contracts';
import { fieldTypeDefs } from '@concord/table-engine';
import { inputKindOf } from '../../public-form/form-values.ts';

export type FormSettings = NonNullable<ViewConfig['form']>;
export type FormFieldSetting = FormSettings['fields'][number];

/** Fields a form can ask for: writable ones with an input on the fill-in page. */
export function askable(field: FieldDto): boolean {
  return fieldTypeDefs[field.type].writable && inputKindOf(field.type) !== null;
}

/** The settings a form view starts from when it has none yet (the server fills them in on save as well). */
export function defaultSettings(table: TableDto, title: string): FormSettings {
  return {
    title,
    description: '',
    fields: table.fields.filter(askable).map((f) => ({ fieldId: f.id, required: f.id === table.primaryFieldId, hint: '' })),
    access: 'internal',
    token: null,
    submitMessage: '',
  };
}

/** The settings as saved: only fields that still exist and can be asked, each once. */
export function cleanSettings(table: TableDto, s: FormSettings): FormSettings {
  const byId = new Map(table.fields.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const fields = s.fields.filter((x) => {
    const f = byId.get(x.fieldId);
    if (!f || !askable(f) || seen.has(x.fieldId)) return false;
    seen.add(x.fieldId);
    return true;
  });
  return { ...s, fields };
}

/** What the fill-in page will show, built from unsaved settings for the live preview. */
export function previewForm(table: TableDto, s: FormSettings): FormDto {
  const byId = new Map(table.fields.map((f) => [f.id, f]));
  return {
    title: s.title,
    description: s.description,
    access: s.access,
    fields: cleanSettings(table, s).fields.map((x) => {
      const f = byId.get(x.fieldId)!;
      return { id: f.id, name: f.name, type: f.type, options: f.options, required: x.required, hint: x.hint };
    }),
  };
}

/** Moves the included field at `index` up (-1) or down (+1). */
export function moveField(fields: readonly FormFieldSetting[], index: number, by: -1 | 1): FormFieldSetting[] {
  const to = index + by;
  if (to < 0 || to >= fields.length) return [...fields];
  const next = [...fields];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The link people open to fill in the form. */
export function formLink(origin: string, token: string): string {
  return `${origin}/forms/${token}`;
}
