import { useMemo } from 'react';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { DuplicateList } from '../duplicates/duplicate-list.tsx';
import { useFormDuplicates } from './api/check-form-duplicates.ts';
import '../duplicates/duplicates.css';

const DEBOUNCE_MS = 400;

export interface FormDuplicateNoticeProps {
  token: string;
  /** Checked answers so far, by field id. */
  answers: Record<string, unknown>;
}

/**
 * "A matching record may already exist" while a form is filled in. People who may read the table see which records and
 * why, with links; anyone else only the notice (the server sends nothing more). Submitting stays possible.
 */
export function FormDuplicateNotice({ token, answers }: FormDuplicateNoticeProps) {
  const t = useT();
  const json = useMemo(() => (Object.keys(answers).length ? JSON.stringify(answers) : null), [answers]);
  const debounced = useDebouncedValue(json, DEBOUNCE_MS);
  const check = useFormDuplicates(token, debounced);
  const data = debounced ? check.data : undefined;
  if (!data?.possible) return null;
  const blocking = data.matches.some((m) => m.decision === 'merge');
  return (
    <div className={`duplicate-warning${blocking ? ' is-blocking' : ''}`} role="status" data-testid="form-duplicate-warning">
      <strong>⚠ {data.table ? t('base.dup.warning') : t('base.dup.formPossible')}</strong>
      {data.table && <DuplicateList matches={data.matches} baseId={data.table.baseId} tableId={data.table.tableId} />}
    </div>
  );
}
