import { useState, type FormEvent } from 'react';
import type { FieldDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Modal } from '../../../../ui/modal.tsx';
import { TextField } from '../../../../ui/text-field.tsx';
import { titleWritable, useCreateViewRecord } from './use-create-record.ts';

export interface QuickAddModalProps {
  tableId: string;
  primary: FieldDto;
  title: string;
  /** Values the new record starts with (the clicked day, the column's option). */
  fields: Record<string, unknown>;
  onClose: () => void;
}

/** Asks for a new record's title and creates it with the given values. */
export function QuickAddModal({ tableId, primary, title, fields, onClose }: QuickAddModalProps) {
  const t = useT();
  const create = useCreateViewRecord(tableId, primary);
  const [text, setText] = useState('');
  const formId = 'bv-quick-add';

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ title: text, fields }, { onSuccess: onClose });
  }

  return (
    <Modal
      title={title}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" busy={create.isPending} testId="quick-add-submit">
            {t('base.views.create')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={handleSubmit}>
        {titleWritable(primary) ? (
          <TextField label={primary.name} name="title" value={text} onChange={setText} autoFocus testId="quick-add-title" />
        ) : (
          <p className="muted">{t('base.views.createBlank')}</p>
        )}
        {create.error && <ErrorNotice error={create.error} />}
      </form>
    </Modal>
  );
}
