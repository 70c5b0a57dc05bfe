import type { FieldDto, TableDto } from '@concord/contracts';
import { rollupFunctions, type FieldType } from '@concord/table-engine';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useBase } from '../../api/get-base.ts';
import { useTable } from '../../api/get-table.ts';
import { ChoicesEditor, type ChoiceDraft } from './choices-editor.tsx';

export type OptionsDraft = Record<string, unknown>;

export interface FieldOptionsEditorProps {
  type: FieldType;
  options: OptionsDraft;
  table: TableDto;
  baseId: string;
  onChange: (options: OptionsDraft) => void;
}

const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD'];
const TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];
const DATE_FORMATS = ['yyyy/MM/dd', 'yyyy-MM-dd', 'yyyy年M月d日', 'MM/dd/yyyy', 'dd/MM/yyyy'];

/** The options a field type takes: number format, select choices, date zone and format, link target, formula. */
export function FieldOptionsEditor({ type, options, table, baseId, onChange }: FieldOptionsEditorProps) {
  const t = useT();
  const set = (patch: OptionsDraft) => onChange({ ...options, ...patch });
  const num = (k: string, d: number) => (typeof options[k] === 'number' ? (options[k] as number) : d);
  const bool = (k: string, d: boolean) => (typeof options[k] === 'boolean' ? (options[k] as boolean) : d);
  const str = (k: string, d: string) => (typeof options[k] === 'string' ? (options[k] as string) : d);
  const check = (k: string, d: boolean, label: string) => (
    <label className="check">
      <input type="checkbox" checked={bool(k, d)} onChange={(e) => set({ [k]: e.target.checked })} />
      {label}
    </label>
  );
  const select = (k: string, value: string, values: readonly string[], label: string, labels?: (v: string) => string) => (
    <div className="field">
      <label>
        {label}
        <select value={value} onChange={(e) => set({ [k]: /^\d+$/.test(e.target.value) && k !== 'tableId' ? Number(e.target.value) : e.target.value })}>
          {values.map((v) => (
            <option key={v} value={v}>
              {labels ? labels(v) : v}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
  const precision = (d: number) => select('precision', String(num('precision', d)), ['0', '1', '2', '3', '4', '5', '6', '7', '8'], t('base.field.precision'));

  switch (type) {
    case 'number':
    case 'percent':
      return (
        <>
          {precision(0)}
          {check('thousandsSeparator', false, t('base.field.thousands'))}
        </>
      );
    case 'currency':
      return (
        <>
          {select('currency', str('currency', 'CNY'), CURRENCIES, t('base.field.currency'))}
          {precision(2)}
          {check('thousandsSeparator', true, t('base.field.thousands'))}
        </>
      );
    case 'rating':
      return (
        <>
          {select('max', String(num('max', 5)), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], t('base.field.ratingMax'))}
          {select(
            'symbol',
            str('symbol', 'star'),
            ['star', 'heart', 'thumb', 'fire'],
            t('base.field.ratingSymbol'),
            (v) => ({ star: '★', heart: '♥', thumb: '👍', fire: '🔥' })[v] ?? v,
          )}
        </>
      );
    case 'singleSelect':
    case 'multiSelect':
      return <ChoicesEditor choices={(options.choices as ChoiceDraft[] | undefined) ?? []} onChange={(choices) => set({ choices })} />;
    case 'date':
      return (
        <>
          {select('format', str('format', 'yyyy/MM/dd'), DATE_FORMATS, t('base.field.dateFormat'))}
          {select('timeZone', str('timeZone', 'Asia/Shanghai'), TIME_ZONES, t('base.field.timeZone'))}
          {check('includeTime', false, t('base.field.includeTime'))}
        </>
      );
    case 'createdTime':
    case 'modifiedTime':
      return check('includeTime', true, t('base.field.includeTime'));
    case 'person':
    case 'department':
      return check('multiple', true, t('base.field.multiple'));
    case 'link':
      return <LinkOptions baseId={baseId} options={options} onChange={set} />;
    case 'lookup':
    case 'rollup':
      return <LookupOptions table={table} rollup={type === 'rollup'} options={options} onChange={set} />;
    case 'formula':
      return (
        <div className="field">
          <label>
            {t('base.field.expression')}
            <textarea
              className="formula-input"
              rows={3}
              value={str('expression', '')}
              placeholder={t('base.field.expressionHint')}
              onChange={(e) => set({ expression: e.target.value })}
            />
          </label>
        </div>
      );
    default:
      return null;
  }
}

function LinkOptions({ baseId, options, onChange }: { baseId: string; options: OptionsDraft; onChange: (p: OptionsDraft) => void }) {
  const t = useT();
  const base = useBase(baseId);
  return (
    <>
      <div className="field">
        <label>
          {t('base.field.linkTable')}
          <select value={String(options.tableId ?? '')} onChange={(e) => onChange({ tableId: e.target.value })}>
            {(base.data?.tables ?? []).map((tb) => (
              <option key={tb.id} value={tb.id}>
                {tb.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={options.multiple !== false} onChange={(e) => onChange({ multiple: e.target.checked })} />
        {t('base.field.multiple')}
      </label>
    </>
  );
}

function LookupOptions({ table, rollup, options, onChange }: { table: TableDto; rollup: boolean; options: OptionsDraft; onChange: (p: OptionsDraft) => void }) {
  const t = useT();
  const links = table.fields.filter((f) => f.type === 'link');
  const link = links.find((f) => f.id === options.linkFieldId) ?? links[0];
  const target = useTable((link?.options as { tableId?: string } | undefined)?.tableId);
  const targetFields: FieldDto[] = target.data?.fields ?? [];
  return (
    <>
      <div className="field">
        <label>
          {t('base.field.linkField')}
          <select value={link?.id ?? ''} onChange={(e) => onChange({ linkFieldId: e.target.value, targetFieldId: '' })}>
            {links.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field">
        <label>
          {t('base.field.targetField')}
          <select value={String(options.targetFieldId ?? '')} onChange={(e) => onChange({ linkFieldId: link?.id, targetFieldId: e.target.value })}>
            <option value="">—</option>
            {targetFields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rollup && (
        <div className="field">
          <label>
            {t('base.field.rollupFunction')}
            <select value={String(options.function ?? 'sum')} onChange={(e) => onChange({ function: e.target.value })}>
              {rollupFunctions.map((fn) => (
                <option key={fn} value={fn}>
                  {fn.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </>
  );
}
