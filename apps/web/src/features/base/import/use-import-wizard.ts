import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { TableImportReport } from '@concord/contracts';
import { dedupKeys } from '../duplicates/api/dedup-keys.ts';
import { postImport, postImportPreview, type ImportChoices } from './api/import-file.ts';
import { newProgressId } from './import-progress.tsx';

export type ImportPreviewDto = Awaited<ReturnType<typeof postImportPreview>>;
export type ImportStep = 'file' | 'preview' | 'summary' | 'running' | 'report';

/** The wizard's state: file → preview (re-read when the sheet or header row changes) → dry run → import → report. */
export function useImportWizard(tableId: string, onImported: () => void) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<ImportStep>('file');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const [map, setMap] = useState<Record<string, string | null>>({});
  const [dedup, setDedup] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dryRun, setDryRun] = useState<TableImportReport | null>(null);
  const [report, setReport] = useState<TableImportReport | null>(null);
  const [startedAt, setStartedAt] = useState(0);
  /** Tags the running import's (or dry run's) progress messages; null when none runs. */
  const [progressId, setProgressId] = useState<string | null>(null);
  const seq = useRef(0);

  async function readPreview(f: File, choices: Pick<ImportChoices, 'sheet' | 'headerRow'>) {
    const mine = ++seq.current;
    setBusy(true);
    setError(null);
    try {
      const p = await postImportPreview(tableId, f, { ...choices, dedup });
      if (mine !== seq.current) return;
      setPreview(p);
      setMap(p.mapping);
      setStep('preview');
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  }

  const choices = (): ImportChoices => ({ sheet: preview?.sheet, headerRow: preview?.headerRow, map, dedup });

  async function runImport(isDryRun: boolean) {
    if (!file) return;
    setError(null);
    setBusy(true);
    const id = newProgressId();
    setProgressId(id);
    setStartedAt(Date.now());
    if (!isDryRun) setStep('running');
    try {
      const out = await postImport(tableId, file, choices(), isDryRun, id);
      if (isDryRun) {
        setDryRun(out);
        setStep('summary');
      } else {
        setReport(out);
        setStep('report');
        onImported();
        void queryClient.invalidateQueries({ queryKey: dedupKeys.pairs(tableId) });
      }
    } catch (err) {
      setError(err);
      if (!isDryRun) setStep('summary');
    } finally {
      setBusy(false);
      setProgressId(null);
    }
  }

  return {
    step,
    file,
    preview,
    map,
    dedup,
    busy,
    error,
    dryRun,
    report,
    startedAt,
    progressId,
    chooseFile(f: File) {
      setFile(f);
      void readPreview(f, {});
    },
    setSheet: (sheet: string) => file && void readPreview(file, { sheet }),
    setHeaderRow: (headerRow: number) => file && void readPreview(file, { sheet: preview?.sheet, headerRow }),
    mapColumn: (header: string, fieldId: string | null) => setMap((m) => ({ ...m, [header]: fieldId })),
    setDedup,
    back: () => setStep('preview'),
    dryRunImport: () => void runImport(true),
    runImport: () => void runImport(false),
  };
}

/** Whole seconds since `startedAt`, ticking while `on`. */
export function useElapsedSeconds(startedAt: number, on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [on]);
  return Math.max(0, Math.floor((now - startedAt) / 1000));
}
