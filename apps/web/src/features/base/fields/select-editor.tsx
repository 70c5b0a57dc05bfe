import { useState } from 'react';
import type { FieldInput } from '@concord/contracts';
import { selectColors, type StoredOption } from '@concord/table-engine';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useUpdateField } from '../api/update-field.ts';
import { choices, choiceStyle } from './field-options.ts';
import type { EditorProps } from './field-ui-types.ts';
import { PickerPopover, type PickerItem } from './picker-popover.tsx';

function chip(field: EditorProps['field'], name: string): PickerItem {
  return {
    key: name,
    label: name,
    node: (
      <span className="choice-chip" style={choiceStyle(field, name)}>
        {name}
      </span>
    ),
  };
}

/** Single and multi select: pick options by name; typing a new name offers to create it (saved to the field). */
export function SelectEditor(props: EditorProps) {
  const t = useT();
  const { field } = props;
  const multiple = field.type === 'multiSelect';
  const [query, setQuery] = useState(props.initialText ?? '');
  const updateField = useUpdateField(field.tableId);
  const all = choices(field);
  const q = query.trim().toLowerCase();
  const items = all.filter((c) => !q || c.name.toLowerCase().includes(q) || c.aliases.some((a) => a.toLowerCase().includes(q))).map((c) => chip(field, c.name));
  const current = Array.isArray(props.value) ? (props.value as string[]) : typeof props.value === 'string' ? [props.value] : [];
  const exact = all.some((c) => c.name.toLowerCase() === q);

  async function handleCreate(commit: (item: PickerItem) => void) {
    const name = query.trim();
    const color = selectColors[all.length % selectColors.length]!;
    const next: Omit<StoredOption, 'id'>[] = [...all, { name, color, aliases: [] }];
    const body = { name: field.name, type: field.type, options: { ...field.options, choices: next } } as FieldInput;
    await updateField.mutateAsync({ fieldId: field.id, body });
    commit(chip(field, name));
  }

  return (
    <PickerPopover
      editor={props}
      items={items}
      initial={current.map((n) => chip(field, n))}
      multiple={multiple}
      query={query}
      onQuery={setQuery}
      toValue={(picked) => (multiple ? (picked.length ? picked.map((p) => p.key) : null) : (picked[0]?.key ?? null))}
      placeholder={t('base.picker.searchOptions')}
      footer={(commit) =>
        q && !exact ? (
          <button
            type="button"
            className="picker-create"
            data-testid="create-option"
            disabled={updateField.isPending}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void handleCreate(commit)}
          >
            {t('base.picker.createOption', { name: query.trim() })}
          </button>
        ) : null
      }
    />
  );
}
