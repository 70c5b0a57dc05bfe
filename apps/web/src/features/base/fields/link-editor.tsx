import { useState } from 'react';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useTable } from '../api/get-table.ts';
import { useLinkSearch } from '../api/search-linked-records.ts';
import { optionsOf } from './field-options.ts';
import type { EditorProps } from './field-ui-types.ts';
import { useLinkNameMap } from './link-names.tsx';
import { PickerPopover, type PickerItem } from './picker-popover.tsx';

/** Linked records, searched in the other table by its primary field ("contains"). */
export function LinkEditor(props: EditorProps) {
  const t = useT();
  const o = optionsOf(props.field, 'link');
  const target = useTable(o.tableId);
  const primaryId = target.data?.primaryFieldId;
  const [query, setQuery] = useState(props.initialText ?? '');
  const q = useDebouncedValue(query.trim(), 150);
  const found = useLinkSearch(o.tableId ?? '', primaryId, q);
  const names = useLinkNameMap();
  const label = (id: string, primary: unknown) => (primary === null || primary === undefined || primary === '' ? (names.get(id) ?? id) : String(primary));
  const items: PickerItem[] = (found.data ?? []).map((r) => ({ key: r.id, label: label(r.id, primaryId ? r.fields[primaryId] : null) }));
  const ids = Array.isArray(props.value) ? (props.value as string[]) : [];
  return (
    <PickerPopover
      editor={props}
      items={items}
      initial={ids.map((id) => ({ key: id, label: names.get(id) ?? id }))}
      multiple={o.multiple !== false}
      query={query}
      onQuery={setQuery}
      toValue={(picked) => picked.map((p) => p.key)}
      loading={found.isFetching}
      placeholder={t('base.picker.searchRecords')}
    />
  );
}
