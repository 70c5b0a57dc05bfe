import { forwardRef } from 'react';

export interface GridImeInputProps {
  left: number;
  top: number;
  height: number;
  /** Text an input method (拼音, 五笔) finished composing over the active cell: it starts editing with it. */
  onComposed: (text: string) => void;
}

/**
 * Where keyboard focus sits while the grid has it: an invisible textarea over the active cell. Typing Chinese goes
 * through an IME, which needs a text box to compose in (and places its candidate window next to it); a focused div
 * would only see raw letters.
 */
export const GridImeInput = forwardRef<HTMLTextAreaElement, GridImeInputProps>(function GridImeInput({ left, top, height, onComposed }, ref) {
  return (
    <textarea
      ref={ref}
      className="grid-ime"
      data-testid="grid-focus"
      aria-hidden="true"
      tabIndex={-1}
      style={{ left, top, height }}
      onCompositionEnd={(e) => {
        const text = e.data;
        e.currentTarget.value = '';
        if (text) onComposed(text);
      }}
      onChange={(e) => {
        // Anything typed here outside a composition was already handled as a key; keep the box empty.
        if (!(e.nativeEvent as InputEvent).isComposing) e.currentTarget.value = '';
      }}
    />
  );
});
