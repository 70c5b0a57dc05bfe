import { Link } from 'react-router-dom';
import type { RecordDto, TableDto, ViewDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Modal } from '../../../../ui/modal.tsx';
import { uiOf } from '../../fields/field-registry.ts';
import { LinkNamesContext } from '../../fields/link-names.tsx';
import { useRecordLinkNames } from '../../hooks/use-record-link-names.ts';
import { orderedFields } from '../../utils/grid-layout.ts';
import { FieldValue, isBlankValue } from './field-value.tsx';
import { primaryText } from './view-fields.ts';

export interface RecordModalProps {
  table: TableDto;
  view: ViewDto;
  record: RecordDto;
  onClose: () => void;
}

/** A record's visible fields, read-only, with a way to open it in the grid for editing, history and comments. */
export function RecordModal({ table, view, record, onClose }: RecordModalProps) {
  const t = useT();
  const linkNames = useRecordLinkNames(table, record);
  const hidden = new Set(view.config.hiddenFieldIds);
  const fields = orderedFields(table.fields, view.config.fieldOrder).filter((x) => x.isPrimary || !hidden.has(x.id));
  const title = primaryText(record.fields[table.primaryFieldId]) ?? t('base.views.untitled');
  return (
    <Modal
      title={title}
      closeLabel={t('common.close')}
      wide
      onClose={onClose}
      footer={
        <Link className="btn btn-secondary" to={`/base/${table.baseId}/${table.id}/${record.id}`} data-testid="record-open-grid">
          {t('base.views.openInGrid')}
        </Link>
      }
    >
      <LinkNamesContext.Provider value={linkNames}>
        <dl className="bv-record-fields" data-testid="record-modal" data-record-id={record.id}>
          {fields.map((field) => (
            <div key={field.id} className="bv-record-field">
              <dt>
                <span className="bv-field-icon" aria-hidden="true">
                  {uiOf(field).icon}
                </span>
                {field.name}
              </dt>
              <dd>
                {field.type !== 'checkbox' && isBlankValue(record.fields[field.id]) ? (
                  <span className="muted">{t('base.views.emptyValue')}</span>
                ) : (
                  <FieldValue field={field} value={record.fields[field.id]} />
                )}
              </dd>
            </div>
          ))}
        </dl>
      </LinkNamesContext.Provider>
    </Modal>
  );
}
