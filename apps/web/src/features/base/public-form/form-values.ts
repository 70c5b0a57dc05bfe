import type { FormDto } from '@concord/contracts';
import type { FieldType, OptionsOf } from '@concord/table-engine';
import type { MessageKey } from '../../../lib/i18n/i18n.tsx';
import { fromInputValue, zonedToEpoch } from '../utils/zoned-time.ts';

export type FormField = FormDto['fields'][number];

/** How a field is asked for on a form; null for types a form cannot ask (computed, links, files, departments). */
export type InputKind = 'text' | 'longText' | 'number' | 'percent' | 'rating' | 'single' | 'multi' | 'date' | 'checkbox' | 'person' | 'phone' | 'email' | 'url';

export const inputKinds = {
  text: 'text',
  longText: 'longText',
  number: 'number',
  currency: 'number',
  percent: 'percent',
  progress: 'percent',
  rating: 'rating',
  singleSelect: 'single',
  multiSelect: 'multi',
  date: 'date',
  checkbox: 'checkbox',
  person: 'person',
  department: null,
  phone: 'phone',
  email: 'email',
  url: 'url',
  attachment: null,
  link: null,
  lookup: null,
  rollup: null,
  formula: null,
  autoNumber: null,
  createdTime: null,
  modifiedTime: null,
  createdBy: null,
  modifiedBy: null,
} as const satisfies Record<FieldType, InputKind | null>;

export function inputKindOf(type: FieldType): InputKind | null {
  return inputKinds[type];
}

export interface PickedPerson {
  id: string;
  name: string;
}

/** What an input holds while someone types: text for most kinds, names for multi-select, people for person fields. */
export type Draft = string | boolean | readonly string[] | readonly PickedPerson[];

export function emptyDraft(kind: InputKind): Draft {
  switch (kind) {
    case 'multi':
    case 'person':
      return [];
    case 'checkbox':
      return false;
    default:
      return '';
  }
}

export type Answer = { ok: true; value: unknown } | { ok: false; error: MessageKey };

const asText = (d: Draft) => (typeof d === 'string' ? d.trim() : '');

/** Turns a draft into the API value for the field (undefined when left blank), or the reason it cannot be sent. */
export function toAnswer(field: FormField, kind: InputKind, draft: Draft): Answer {
  const text = asText(draft);
  switch (kind) {
    case 'text':
    case 'longText':
    case 'phone':
    case 'email':
    case 'url':
    case 'single':
      return { ok: true, value: text || undefined };
    case 'number':
    case 'percent':
    case 'rating': {
      if (!text) return { ok: true, value: undefined };
      const n = Number(text.replace(/[,，\s]/g, ''));
      if (!Number.isFinite(n)) return { ok: false, error: 'publicForm.error.number' };
      return { ok: true, value: kind === 'percent' ? n / 100 : n };
    }
    case 'date': {
      const wall = text ? fromInputValue(text) : null;
      if (!text) return { ok: true, value: undefined };
      if (!wall) return { ok: false, error: 'publicForm.error.date' };
      return { ok: true, value: zonedToEpoch(wall, (field.options as Partial<OptionsOf<'date'>>).timeZone || 'Asia/Shanghai') };
    }
    case 'checkbox':
      return { ok: true, value: draft === true };
    case 'multi':
      return { ok: true, value: Array.isArray(draft) && draft.length ? [...draft] : undefined };
    case 'person': {
      const people = Array.isArray(draft) ? (draft as readonly PickedPerson[]) : [];
      return { ok: true, value: people.length ? people.map((p) => p.id) : undefined };
    }
  }
}

/** Whether an answer counts as filled in (a required checkbox must be ticked). */
export function isAnswered(kind: InputKind, value: unknown): boolean {
  if (kind === 'checkbox') return value === true;
  return value !== undefined;
}

export interface CheckedAnswers {
  answers: Record<string, unknown>;
  errors: Record<string, MessageKey>;
}

/** All answers of a form, checked in the browser first: required fields filled, numbers and dates readable. */
export function collectAnswers(fields: readonly FormField[], drafts: Readonly<Record<string, Draft>>): CheckedAnswers {
  const answers: Record<string, unknown> = {};
  const errors: Record<string, MessageKey> = {};
  for (const field of fields) {
    const kind = inputKindOf(field.type);
    if (!kind) continue;
    const a = toAnswer(field, kind, drafts[field.id] ?? emptyDraft(kind));
    if (!a.ok) errors[field.id] = a.error;
    else if (field.required && !isAnswered(kind, a.value)) errors[field.id] = 'publicForm.error.required';
    else if (a.value !== undefined) answers[field.id] = a.value;
  }
  return { answers, errors };
}

/**
 * Per-field messages from a refused submission: `base.form.required` lists missing field names, and
 * `base.record.invalid_value` lists problems by field name. Returns field id → message.
 */
export function serverFieldErrors(fields: readonly FormField[], code: string, details: unknown, requiredMessage: string): Record<string, string> {
  const byName = new Map(fields.map((f) => [f.name, f.id]));
  const out: Record<string, string> = {};
  const d = (details ?? {}) as { missing?: unknown; problems?: unknown };
  if (code === 'base.form.required' && Array.isArray(d.missing)) {
    for (const name of d.missing) {
      const id = byName.get(String(name));
      if (id) out[id] = requiredMessage;
    }
  }
  if (code === 'base.record.invalid_value' && Array.isArray(d.problems)) {
    for (const p of d.problems as { field?: unknown; message?: unknown }[]) {
      const id = byName.get(String(p.field)) ?? (typeof p.field === 'string' && fields.some((f) => f.id === p.field) ? p.field : undefined);
      if (id && !out[id] && typeof p.message === 'string') out[id] = p.message;
    }
  }
  return out;
}
