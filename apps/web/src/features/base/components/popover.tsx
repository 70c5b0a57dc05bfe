import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface PopoverAnchor {
  left: number;
  top: number;
  bottom: number;
}

export interface PopoverProps {
  anchor: PopoverAnchor;
  children: ReactNode;
  onClose: () => void;
  /** Extra class for sizing (menus are narrow, the filter builder is wide). */
  className?: string;
  testId?: string;
}

/** A floating panel under an anchor, kept inside the window; a click outside or Escape closes it. */
export function Popover({ anchor, children, onClose, className, testId }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: anchor.left, top: anchor.bottom + 4 });
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const left = Math.max(8, Math.min(anchor.left, window.innerWidth - r.width - 8));
    const below = anchor.bottom + 4;
    const top = below + r.height > window.innerHeight - 8 && anchor.top - r.height - 4 > 8 ? anchor.top - r.height - 4 : below;
    setPos({ left, top });
  }, [anchor.left, anchor.top, anchor.bottom]);

  useEffect(() => {
    const handlePointer = (e: PointerEvent) => {
      const target = e.target as Node;
      // Pickers inside (select lists) render in place, so anything outside the panel closes it.
      // The button that opened the panel toggles it itself.
      if ((target as Element).closest?.('[data-popover-toggle]')) return;
      if (ref.current && !ref.current.contains(target)) closeRef.current();
    };
    const handleKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        closeRef.current();
      }
    };
    document.addEventListener('pointerdown', handlePointer, true);
    document.addEventListener('keydown', handleKey);
    return () => {
      document.removeEventListener('pointerdown', handlePointer, true);
      document.removeEventListener('keydown', handleKey);
    };
  }, []);

  return createPortal(
    <div ref={ref} className={`base-popover${className ? ` ${className}` : ''}`} style={{ left: pos.left, top: pos.top }} data-testid={testId} role="dialog">
      {children}
    </div>,
    document.body,
  );
}

export interface MenuItemProps {
  children: ReactNode;
  danger?: boolean;
  disabled?: boolean;
  testId?: string;
  onSelect: () => void;
}

export function MenuItem({ children, danger, disabled, testId, onSelect }: MenuItemProps) {
  return (
    <button type="button" className={`base-menu-item${danger ? ' is-danger' : ''}`} disabled={disabled} data-testid={testId} onClick={onSelect}>
      {children}
    </button>
  );
}
