import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import type { TableDto } from '@concord/contracts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useCheckDuplicates } from './api/check-duplicates.ts';
import { useDedupRule } from './api/dedup-rule.ts';
import { DuplicateList } from './duplicate-list.tsx';
import './duplicates.css';

const DEBOUNCE_MS = 400;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export interface DuplicateWarningProps {
  table: TableDto;
  /** The record being edited (left out of its own matches); absent for a record not yet created. */
  recordId?: string;
  /** The values as typed so far, by field id. */
  values: Record<string, unknown>;
  /** Shown floating over the grid with a close button (grid entry) instead of inline (record panel). */
  onDismiss?: () => void;
}

/** "Possible duplicates" under a record being typed: once the rule's fields are filled, matches with score, reasons and links. */
export function DuplicateWarning({ table, recordId, values, onDismiss }: DuplicateWarningProps) {
  const { t } = useI18n();
  const { baseId = '' } = useParams();
  const rule = useDedupRule(table.id).data?.rule ?? null;
  // Only the identifying fields matter; serialise them so typing elsewhere does not re-check.
  const keyJson = useMemo(() => {
    if (!rule) return null;
    const picked: Record<string, unknown> = {};
    for (const f of rule.fields) if (!isEmpty(values[f.fieldId])) picked[f.fieldId] = values[f.fieldId];
    return Object.keys(picked).length ? JSON.stringify(picked) : null;
  }, [rule, values]);
  const debounced = useDebouncedValue(keyJson, DEBOUNCE_MS);
  const check = useCheckDuplicates(table.id, recordId, debounced ? (JSON.parse(debounced) as Record<string, unknown>) : null);
  const matches = debounced ? (check.data?.matches ?? []) : [];
  if (matches.length === 0) return null;

  const blocking = matches.some((m) => m.decision === 'merge');
  return (
    <div className={`duplicate-warning${blocking ? ' is-blocking' : ''}${onDismiss ? ' is-floating' : ''}`} role="status" data-testid="duplicate-warning">
      {onDismiss && (
        <button type="button" className="icon-btn duplicate-dismiss" aria-label={t('common.close')} title={t('common.close')} onClick={onDismiss}>
          ×
        </button>
      )}
      <strong>
        ⚠ {t('base.dup.warning')}
        {blocking && ` · ${t('base.dup.exists')}`}
      </strong>
      <DuplicateList matches={matches} baseId={baseId} tableId={table.id} />
    </div>
  );
}
