import type { RecordDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { cellText } from '../../fields/format.ts';
import { FieldValue, isBlankValue } from './field-value.tsx';
import type { CardFields } from './view-fields.ts';

export interface RecordCardBodyProps {
  record: RecordDto;
  fields: CardFields;
  /** Show field names above values (gallery) or only on hover (compact kanban cards). */
  labels: boolean;
}

/** The inside of a kanban or gallery card: the record's title, then a few fields that have values. */
export function RecordCardBody({ record, fields, labels }: RecordCardBodyProps) {
  const t = useT();
  const title = cellText(fields.primary, record.fields[fields.primary.id]);
  return (
    <>
      <div className={`bv-card-title${title ? '' : ' is-untitled'}`}>{title || t('base.views.untitled')}</div>
      {fields.others.map((field) => {
        const value = record.fields[field.id];
        if (!labels && isBlankValue(value)) return null;
        return (
          <div key={field.id} className="bv-card-field" title={field.name}>
            {labels && <span className="bv-card-label">{field.name}</span>}
            <span className="bv-card-value">{isBlankValue(value) ? <span className="muted">—</span> : <FieldValue field={field} value={value} />}</span>
          </div>
        );
      })}
    </>
  );
}
