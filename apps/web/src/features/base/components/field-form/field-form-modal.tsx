import { useState, type FormEvent } from 'react';
import type { ConversionPreview, FieldDto, FieldInput, TableDto } from '@concord/contracts';
import { fieldTypes, type FieldType } from '@concord/table-engine';
import { fieldErrors, needsFormNotice } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Modal } from '../../../../ui/modal.tsx';
import { TextField } from '../../../../ui/text-field.tsx';
import { useCreateField } from '../../api/create-field.ts';
import { fetchFieldChangePreview } from '../../api/preview-field-change.ts';
import { useUpdateField } from '../../api/update-field.ts';
import { fieldUi } from '../../fields/field-registry.ts';
import { ConversionPreviewDialog } from './conversion-preview.tsx';
import { FieldOptionsEditor, type OptionsDraft } from './field-options-editor.tsx';

export interface FieldFormModalProps {
  table: TableDto;
  baseId: string;
  /** Absent: a new field. */
  field?: FieldDto;
  onClose: () => void;
}

function defaultOptions(type: FieldType, table: TableDto, from?: FieldDto): OptionsDraft {
  if (from && from.type === type) return from.options;
  const choices = from && (from.type === 'singleSelect' || from.type === 'multiSelect') ? from.options.choices : undefined;
  switch (type) {
    case 'singleSelect':
    case 'multiSelect':
      return { choices: choices ?? [] };
    case 'link':
      return { tableId: table.id, multiple: true };
    case 'lookup':
    case 'rollup': {
      const link = table.fields.find((f) => f.type === 'link');
      return { linkFieldId: link?.id ?? '', targetFieldId: '', ...(type === 'rollup' ? { function: 'sum' } : {}) };
    }
    case 'formula':
      return { expression: '' };
    default:
      return {};
  }
}

/** Creates a field, or edits one: name, type (a change is previewed first) and the type's options. */
export function FieldFormModal({ table, baseId, field, onClose }: FieldFormModalProps) {
  const t = useT();
  const create = useCreateField(table.id);
  const update = useUpdateField(table.id);
  const [name, setName] = useState(field?.name ?? '');
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [options, setOptions] = useState<OptionsDraft>(() => defaultOptions(field?.type ?? 'text', table, field));
  const [description, setDescription] = useState(field?.description ?? '');
  const [preview, setPreview] = useState<ConversionPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  const body = (): FieldInput => {
    const cleaned =
      type === 'singleSelect' || type === 'multiSelect'
        ? { ...options, choices: ((options.choices as { name: string }[]) ?? []).filter((c) => c.name.trim()) }
        : options;
    return { name: name.trim(), description: description.trim() || null, type, options: cleaned } as FieldInput;
  };

  function handleType(next: FieldType) {
    setType(next);
    setOptions(defaultOptions(next, table, field));
  }

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (!field) return create.mutate(body(), { onSuccess: onClose });
    const selectChanged = (type === 'singleSelect' || type === 'multiSelect') && JSON.stringify(options.choices) !== JSON.stringify(field.options.choices);
    if (type === field.type && !selectChanged) return update.mutate({ fieldId: field.id, body: body() }, { onSuccess: onClose });
    setChecking(true);
    setPreviewError(null);
    try {
      const p = await fetchFieldChangePreview(field.id, body());
      if (type === field.type && p.failureCount === 0 && p.newOptions.length === 0) update.mutate({ fieldId: field.id, body: body() }, { onSuccess: onClose });
      else setPreview(p);
    } catch (err) {
      setPreviewError(err);
    } finally {
      setChecking(false);
    }
  }

  const mutation = field ? update : create;
  const errors = fieldErrors(mutation.error);
  const formId = 'base-field-form';
  if (preview && field)
    return (
      <ConversionPreviewDialog
        fieldName={field.name}
        typeLabel={t(`base.type.${type}`)}
        preview={preview}
        busy={update.isPending}
        error={update.error}
        onConfirm={() => update.mutate({ fieldId: field.id, body: body(), confirmLoss: preview.failureCount > 0 }, { onSuccess: onClose })}
        onCancel={() => setPreview(null)}
      />
    );

  return (
    <Modal
      title={field ? t('base.field.editTitle', { name: field.name }) : t('base.field.createTitle')}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" busy={mutation.isPending || checking} testId="field-save">
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form field-form" noValidate onSubmit={(e) => void handleSubmit(e)}>
        <TextField label={t('base.field.name')} name="name" value={name} onChange={setName} error={errors.name} autoFocus testId="field-name" />
        <div className="field">
          <label>
            {t('base.field.type')}
            <select data-testid="field-type" value={type} onChange={(e) => handleType(fieldTypes.find((ft) => ft === e.target.value) ?? 'text')}>
              {fieldTypes.map((ft) => (
                <option key={ft} value={ft}>
                  {fieldUi[ft].icon} {t(`base.type.${ft}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <FieldOptionsEditor type={type} options={options} table={table} baseId={baseId} onChange={setOptions} />
        <TextField label={t('base.field.description')} name="description" value={description} onChange={setDescription} />
        {needsFormNotice(mutation.error, ['name']) && <ErrorNotice error={mutation.error} />}
        {previewError ? <ErrorNotice error={previewError} /> : null}
      </form>
    </Modal>
  );
}
