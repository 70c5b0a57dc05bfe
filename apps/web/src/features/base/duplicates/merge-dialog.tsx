import { useState } from 'react';
import type { FieldDto, RecordDto, TableDto } from '@concord/contracts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { Modal } from '../../../ui/modal.tsx';
import { isWritable } from '../fields/field-registry.ts';
import { cellText } from '../fields/format.ts';
import { useDismissPair, useMergeRecords, type DuplicatePairDto } from './api/duplicate-pairs.ts';
import { reasonText } from './reason-text.ts';

type Side = 'a' | 'b';

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Per field, the side whose value survives: the non-empty one, else A. */
function defaultPicks(fields: readonly FieldDto[], a: RecordDto, b: RecordDto): Record<string, Side> {
  return Object.fromEntries(fields.map((f) => [f.id, isEmpty(a.fields[f.id]) && !isEmpty(b.fields[f.id]) ? 'b' : 'a']));
}

export interface MergeDialogProps {
  table: TableDto;
  pair: DuplicatePairDto;
  onMerged: (survivorId: string) => void;
  onDismissed: () => void;
  onClose: () => void;
}

/** Two records side by side: pick the surviving value per field and the record that survives, then merge or dismiss. */
export function MergeDialog({ table, pair, onMerged, onDismissed, onClose }: MergeDialogProps) {
  const { t, locale } = useI18n();
  const merge = useMergeRecords(table.id);
  const dismiss = useDismissPair(table.id);
  const fields = table.fields;
  const [picks, setPicks] = useState(() => defaultPicks(fields, pair.a, pair.b));
  const [survivor, setSurvivor] = useState<Side>('a');
  const rec = { a: pair.a, b: pair.b };

  function handleMerge() {
    const keep = rec[survivor];
    const other = rec[survivor === 'a' ? 'b' : 'a'];
    const values: Record<string, unknown> = {};
    for (const f of fields) {
      if (!isWritable(f)) continue;
      const picked = rec[picks[f.id] ?? 'a'].fields[f.id];
      if (JSON.stringify(picked ?? null) !== JSON.stringify(keep.fields[f.id] ?? null)) values[f.id] = picked ?? null;
    }
    merge.mutate({ survivorId: keep.id, otherIds: [other.id], values }, { onSuccess: (r) => onMerged(r.id) });
  }

  const reasons = reasonText(pair.reasons, locale);
  const cell = (f: FieldDto, side: Side) => {
    const text = cellText(f, rec[side].fields[f.id]);
    const writable = isWritable(f);
    return (
      <td className={`merge-cell${picks[f.id] === side ? ' is-picked' : ''}`}>
        <label>
          {writable && (
            <input
              type="radio"
              name={`merge-${f.id}`}
              data-testid={`merge-pick-${side}`}
              data-field-id={f.id}
              checked={picks[f.id] === side}
              onChange={() => setPicks((p) => ({ ...p, [f.id]: side }))}
            />
          )}{' '}
          {text || <span className="muted">—</span>}
        </label>
      </td>
    );
  };

  return (
    <Modal
      title={t('base.merge.title')}
      closeLabel={t('common.close')}
      wide
      onClose={onClose}
      footer={
        <>
          <Button busy={dismiss.isPending} testId="merge-dismiss" onClick={() => dismiss.mutate(pair.id, { onSuccess: onDismissed })}>
            {t('base.merge.notDuplicate')}
          </Button>
          <Button variant="primary" busy={merge.isPending} testId="merge-submit" onClick={handleMerge}>
            {t('base.merge.merge')}
          </Button>
        </>
      }
    >
      <div className="merge-dialog" data-testid="merge-dialog" data-pair-id={pair.id}>
        <p className="small">
          <strong>{t('base.merge.why')}:</strong> {Math.round(pair.score * 100)}% · {reasons}
        </p>
        <div className="import-table-scroll">
          <table className="merge-table">
            <thead>
              <tr>
                <th />
                {(['a', 'b'] as const).map((side, i) => (
                  <th key={side}>
                    <div>{t('base.merge.record', { n: i + 1 })}</div>
                    <label className="merge-survivor">
                      <input
                        type="radio"
                        name="merge-survivor"
                        data-testid={`merge-survivor-${side}`}
                        checked={survivor === side}
                        onChange={() => setSurvivor(side)}
                      />{' '}
                      {t('base.merge.survivor')}
                    </label>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.id} data-testid="merge-row" data-field-id={f.id}>
                  <th scope="row">{f.name}</th>
                  {cell(f, 'a')}
                  {cell(f, 'b')}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {(merge.error ?? dismiss.error) && <ErrorNotice error={merge.error ?? dismiss.error} />}
      </div>
    </Modal>
  );
}
