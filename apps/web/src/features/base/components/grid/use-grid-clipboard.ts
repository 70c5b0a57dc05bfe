import { useEffect, useRef, type RefObject } from 'react';
import type { FieldDto } from '@concord/contracts';
import { cellText } from '../../fields/format.ts';
import type { RecordPageCache } from '../../utils/record-page-cache.ts';
import type { InternalClip } from '../../utils/paste-values.ts';
import { rangeOf, type Selection } from '../../utils/selection.ts';
import { parseTsv, toTsv } from '../../utils/tsv.ts';

/** Copying more rows than this goes through the async clipboard after loading them. */
const SYNC_COPY_LIMIT = 5000;

export interface ClipboardContext {
  selection: Selection | null;
  columns: readonly FieldDto[];
  cache: RecordPageCache;
  /** An editor is open: the clipboard belongs to it. */
  editing: boolean;
  onPaste: (block: string[][], internal: InternalClip | null) => void;
}

function blockOf(ctx: ClipboardContext, sel: Selection): { text: string; values: unknown[][] } {
  const r = rangeOf(sel);
  const texts: string[][] = [];
  const values: unknown[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const rec = ctx.cache.rowAt(row);
    const t: string[] = [];
    const v: unknown[] = [];
    for (let col = r.left; col <= r.right; col++) {
      const f = ctx.columns[col];
      const value = f ? rec?.fields[f.id] : undefined;
      t.push(f ? cellText(f, value) : '');
      v.push(value ?? null);
    }
    texts.push(t);
    values.push(v);
  }
  return { text: toTsv(texts), values };
}

/**
 * Ctrl/Cmd+C writes the selected range as tab-separated text (what Excel, WPS and Feishu paste); Ctrl/Cmd+V reads
 * such text into the grid from the selection's corner. The values behind this tab's own copy are remembered, so
 * people and linked records paste by id.
 */
export function useGridClipboard(gridRef: RefObject<HTMLElement | null>, ctx: ClipboardContext): void {
  const ctxRef = useRef(ctx);
  const internal = useRef<InternalClip | null>(null);
  useEffect(() => {
    ctxRef.current = ctx;
  });

  useEffect(() => {
    const owns = () => {
      const el = gridRef.current;
      const active = document.activeElement;
      const typing = active instanceof HTMLInputElement || (active instanceof HTMLTextAreaElement && !active.classList.contains('grid-ime'));
      return !!el && !!active && el.contains(active) && !ctxRef.current.editing && !typing;
    };
    const handleCopy = (e: ClipboardEvent) => {
      const c = ctxRef.current;
      if (!owns() || !c.selection) return;
      e.preventDefault();
      const r = rangeOf(c.selection);
      const loaded = () => {
        for (let row = r.top; row <= r.bottom; row++) if (!c.cache.rowAt(row)) return false;
        return true;
      };
      if (loaded() || r.bottom - r.top > SYNC_COPY_LIMIT) {
        const block = blockOf(c, c.selection);
        internal.current = block;
        e.clipboardData?.setData('text/plain', block.text);
        return;
      }
      const sel = c.selection;
      void c.cache.ensureRows(r.top, r.bottom).then(() => {
        const block = blockOf(ctxRef.current, sel);
        internal.current = block;
        return navigator.clipboard?.writeText(block.text);
      });
    };
    const handlePaste = (e: ClipboardEvent) => {
      if (!owns()) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text) return;
      e.preventDefault();
      const block = parseTsv(text);
      if (block.length === 0) return;
      const mine = internal.current && internal.current.text === text.replace(/\r\n?/g, '\n').replace(/\n$/, '') ? internal.current : null;
      ctxRef.current.onPaste(block, mine);
    };
    document.addEventListener('copy', handleCopy);
    document.addEventListener('paste', handlePaste);
    return () => {
      document.removeEventListener('copy', handleCopy);
      document.removeEventListener('paste', handlePaste);
    };
  }, [gridRef]);
}
