import { useState } from 'react';
import type { TransientEvent } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useRealtimeTransient } from '../../../lib/realtime.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { useMe } from '../../org/index.ts';

export type ImportProgressEvent = Extract<TransientEvent, { type: 'base.import.progress' }>;

/**
 * The latest progress the server reported for the import tagged `progressId` (null before the first message, and
 * when no import runs). Listens on the user's own room, where the server sends the progress of their imports.
 */
export function useImportProgress(progressId: string | null): ImportProgressEvent | null {
  const myId = useMe().data?.user?.id;
  const [latest, setLatest] = useState<ImportProgressEvent | null>(null);
  useRealtimeTransient(myId ? [`user:${myId}`] : [], (event) => {
    if (event.type === 'base.import.progress' && event.progressId === progressId) setLatest(event);
  });
  return latest && latest.progressId === progressId ? latest : null;
}

/** An id for one import run; getRandomValues works where randomUUID does not (plain http on a LAN address). */
export function newProgressId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ImportProgressBarProps {
  progress: ImportProgressEvent | null;
  elapsed: number;
}

/** Phase, rows done and a bar; a spinner with the elapsed seconds until the server's first report. */
export function ImportProgressBar({ progress, elapsed }: ImportProgressBarProps) {
  const t = useT();
  if (!progress)
    return (
      <div className="import-running" data-testid="import-running">
        <Spinner />
        <span>{t('base.import.running', { s: elapsed })}</span>
      </div>
    );
  const { phase, done, total } = progress;
  // Reading has no row count yet: the bar runs without a value.
  const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : null;
  const label = t(`base.import.phase.${phase}`);
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={phase} data-done={done} data-total={total}>
      <div className="import-progress-label">
        <strong>{label}</strong>
        <span>
          {total > 0 && `${t('base.import.progressRows', { done: done.toLocaleString(), total: total.toLocaleString() })} · `}
          {t('base.import.elapsed', { s: elapsed })}
        </span>
      </div>
      <div
        className={`import-progress-track${pct === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
      >
        <div className="import-progress-fill" style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
    </div>
  );
}
