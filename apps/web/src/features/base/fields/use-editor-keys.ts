import { useRef, type KeyboardEvent } from 'react';
import type { EditorMove, EditorProps } from './field-ui-types.ts';

/**
 * Spreadsheet keys for an editor: Enter commits (and moves down in the grid), Tab commits and moves right, Escape
 * cancels; a multi-line editor takes Shift/Alt+Enter as a newline. Commits once, however many events follow.
 */
export function useEditorKeys(props: Pick<EditorProps, 'variant' | 'onCommit' | 'onCancel'>, read: () => unknown, multiline = false) {
  const done = useRef(false);
  const commit = (move: EditorMove) => {
    if (done.current) return;
    done.current = true;
    props.onCommit(read(), move);
  };
  const cancel = () => {
    if (done.current) return;
    done.current = true;
    props.onCancel();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.nativeEvent.isComposing) return; // an IME (拼音) is still composing: Enter picks the candidate
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter') {
      if (multiline && (e.shiftKey || e.altKey || props.variant === 'form')) return;
      e.preventDefault();
      commit(props.variant === 'cell' ? 'down' : 'none');
    } else if (e.key === 'Tab' && props.variant === 'cell') {
      e.preventDefault();
      commit(e.shiftKey ? 'left' : 'right');
    }
  };
  return { onKeyDown, onBlur: () => commit('none'), commit, cancel };
}
