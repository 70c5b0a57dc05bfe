import { useT } from '../../../lib/i18n/i18n.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { CopyField } from '../../../ui/copy-field.tsx';
import { Modal } from '../../../ui/modal.tsx';

export interface SecretValue {
  label: string;
  value: string;
  testId: string;
}

export interface SecretOnceModalProps {
  title: string;
  values: readonly SecretValue[];
  onClose: () => void;
}

/** Shows a freshly issued secret: the server never returns it again, so say so plainly and offer copy. */
export function SecretOnceModal({ title, values, onClose }: SecretOnceModalProps) {
  const t = useT();
  return (
    <Modal
      title={title}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={
        <Button variant="primary" testId="secret-done" onClick={onClose}>
          {t('secret.done')}
        </Button>
      }
    >
      <Alert tone="warning">{t('secret.onlyOnce')}</Alert>
      {values.map((v) => (
        <CopyField key={v.testId} label={v.label} value={v.value} testId={v.testId} copyLabel={t('common.copy')} copiedLabel={t('common.copied')} />
      ))}
    </Modal>
  );
}
