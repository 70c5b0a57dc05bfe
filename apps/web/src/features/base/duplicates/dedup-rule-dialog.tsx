import { useState } from 'react';
import { comparator as comparatorSchema, type DedupRuleDto, type FieldDto, type TableDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { Modal } from '../../../ui/modal.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useToast } from '../components/toast.tsx';
import { useDedupRule, useSetDedupRule } from './api/dedup-rule.ts';
import './duplicates.css';

type RuleField = DedupRuleDto['fields'][number];
type Comparator = RuleField['comparator'];

/** A sensible first comparator for a field, from its type. */
function defaultComparator(field: FieldDto): Comparator {
  if (field.type === 'phone') return 'phone';
  if (field.type === 'email') return 'email';
  return 'text';
}

export interface DedupRuleDialogProps {
  table: TableDto;
  onClose: () => void;
}

/** Loads the table's rule, then lets the user edit it. */
export function DedupRuleDialog({ table, onClose }: DedupRuleDialogProps) {
  const t = useT();
  const rule = useDedupRule(table.id);
  if (rule.isPending || rule.error)
    return (
      <Modal title={t('base.rules.title')} closeLabel={t('common.close')} onClose={onClose}>
        {rule.error ? <ErrorNotice error={rule.error} /> : <PageSpinner label={t('common.loading')} />}
      </Modal>
    );
  return <DedupRuleEditor table={table} initial={rule.data.rule} onClose={onClose} />;
}

interface DedupRuleEditorProps {
  table: TableDto;
  initial: DedupRuleDto | null;
  onClose: () => void;
}

function DedupRuleEditor({ table, initial, onClose }: DedupRuleEditorProps) {
  const t = useT();
  const toast = useToast();
  const save = useSetDedupRule(table.id);
  const [rows, setRows] = useState<RuleField[]>(initial?.fields ?? []);
  const [high, setHigh] = useState(initial?.high ?? 0.9);
  const [low, setLow] = useState(initial?.low ?? 0.65);
  const unused = table.fields.filter((f) => !rows.some((r) => r.fieldId === f.id));
  const update = (i: number, patch: Partial<RuleField>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function handleAdd() {
    const f = unused[0];
    if (f) setRows((rs) => [...rs, { fieldId: f.id, comparator: defaultComparator(f), weight: 0.5 }]);
  }

  function handleSave() {
    const rule = rows.length ? { fields: rows.map((r) => ({ ...r, group: r.group?.trim() || undefined })), high, low } : null;
    save.mutate(rule, {
      onSuccess: (out) => {
        toast(out.rule ? t('base.rules.saved', { n: out.keyed }) : t('base.rules.cleared'), 'success');
        onClose();
      },
    });
  }

  const num = (value: number, onChange: (n: number) => void, testId: string, label: string) => (
    <input
      type="number"
      min={0}
      max={1}
      step={0.05}
      className="rule-num"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => {
        const n = Number(e.target.value);
        if (Number.isFinite(n)) onChange(Math.min(1, Math.max(0, n)));
      }}
    />
  );

  return (
    <Modal
      title={t('base.rules.title')}
      closeLabel={t('common.close')}
      wide
      onClose={onClose}
      footer={
        <>
          {initial && (
            <Button variant="ghost" onClick={() => setRows([])}>
              {t('base.rules.clear')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" busy={save.isPending} testId="rule-save" onClick={handleSave}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <div className="rule-editor" data-testid="dedup-rule-dialog">
        <p className="muted">{t('base.rules.intro')}</p>
        {rows.length === 0 ? (
          <p className="muted small">{t('base.rules.none')}</p>
        ) : (
          <table className="rule-table">
            <thead>
              <tr>
                <th>{t('base.rules.field')}</th>
                <th>{t('base.rules.comparator')}</th>
                <th>{t('base.rules.weight')}</th>
                <th>{t('base.rules.group')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.fieldId} data-testid="rule-row">
                  <td>
                    <select aria-label={t('base.rules.field')} value={r.fieldId} onChange={(e) => update(i, { fieldId: e.target.value })}>
                      {table.fields
                        .filter((f) => f.id === r.fieldId || !rows.some((x) => x.fieldId === f.id))
                        .map((f) => (
                          <option key={f.id} value={f.id}>
                            {f.name}
                          </option>
                        ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={t('base.rules.comparator')}
                      value={r.comparator}
                      onChange={(e) => update(i, { comparator: comparatorSchema.parse(e.target.value) })}
                    >
                      {comparatorSchema.options.map((c) => (
                        <option key={c} value={c}>
                          {t(`base.rules.cmp.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{num(r.weight, (weight) => update(i, { weight }), 'rule-weight', t('base.rules.weight'))}</td>
                  <td>
                    <input
                      className="rule-group"
                      aria-label={t('base.rules.group')}
                      value={r.group ?? ''}
                      maxLength={40}
                      onChange={(e) => update(i, { group: e.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label={t('base.rules.remove')}
                      title={t('base.rules.remove')}
                      onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div>
          <Button size="sm" disabled={unused.length === 0 || rows.length >= 10} testId="rule-add" onClick={handleAdd}>
            + {t('base.rules.addField')}
          </Button>
        </div>
        <div className="rule-thresholds">
          <label>
            {t('base.rules.high')} {num(high, setHigh, 'rule-high', t('base.rules.high'))}
          </label>
          <label>
            {t('base.rules.low')} {num(low, (n) => setLow(Math.min(n, high)), 'rule-low', t('base.rules.low'))}
          </label>
        </div>
        {save.error && <ErrorNotice error={save.error} />}
      </div>
    </Modal>
  );
}
