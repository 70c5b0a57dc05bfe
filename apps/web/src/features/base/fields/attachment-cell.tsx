import { useRef, useState, type DragEvent } from 'react';
import type { AttachmentDto } from '@concord/contracts';
import { isApiError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { fileUrl, uploadFiles } from '../api/upload-attachment.ts';
import { useToast } from '../components/toast.tsx';
import type { CellProps } from './field-ui-types.ts';
import './attachment-cell.css';

const listOf = (value: unknown): AttachmentDto[] => (Array.isArray(value) ? (value as AttachmentDto[]) : []);
const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/**
 * Files in a cell: each opens (or downloads) from the server. A writable cell takes files dropped on it; the active
 * cell (and the record panel) also offers upload and remove buttons.
 */
export function AttachmentCell({ field, value, onChange, active }: CellProps) {
  const t = useT();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const list = listOf(value);

  async function add(files: File[]) {
    if (!onChange || files.length === 0) return;
    setBusy(true);
    try {
      const uploaded = await uploadFiles(field.tableId, files);
      onChange([...list, ...uploaded]);
    } catch (err) {
      toast(t('base.attachment.failed', { message: isApiError(err) || err instanceof Error ? err.message : String(err) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  const drop = onChange
    ? {
        onDragOver: (e: DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        },
        onDragLeave: () => setOver(false),
        onDrop: (e: DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          void add(Array.from(e.dataTransfer.files));
        },
      }
    : {};
  const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

  return (
    <span
      className={`cell-chips cell-attachments${over ? ' is-drop-target' : ''}`}
      data-testid="attachment-cell"
      title={onChange ? t('base.attachment.drop') : undefined}
      {...drop}
    >
      {list.map((a, i) => (
        <span key={a.file_token} className="file-chip" data-testid="attachment-chip">
          <a href={fileUrl(a.file_token)} target="_blank" rel="noopener noreferrer" onMouseDown={stop} title={t('base.attachment.download', { name: a.name })}>
            📎 {a.name}
          </a>
          {onChange && active && (
            <button
              type="button"
              className="file-chip-remove"
              data-testid="attachment-remove"
              aria-label={t('base.attachment.remove', { name: a.name })}
              onMouseDown={stop}
              onClick={(e) => {
                e.stopPropagation();
                onChange(list.length > 1 ? list.filter((_, j) => j !== i) : null);
              }}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {busy && <span className="muted small">{t('base.attachment.uploading')}</span>}
      {onChange && active && !busy && (
        <button
          type="button"
          className="file-upload-btn"
          data-testid="attachment-upload"
          title={t('base.attachment.upload')}
          aria-label={t('base.attachment.upload')}
          onMouseDown={stop}
          onClick={(e) => {
            e.stopPropagation();
            input.current?.click();
          }}
        >
          +
        </button>
      )}
      {onChange && (
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="attachment-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void add(files);
          }}
        />
      )}
    </span>
  );
}
