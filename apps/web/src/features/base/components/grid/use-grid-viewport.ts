import { useEffect, useState, type RefObject } from 'react';

export interface GridViewport {
  scrollTop: number;
  scrollLeft: number;
  /** Inner size of the scroll container (without scrollbars). */
  width: number;
  height: number;
}

/** Scroll position and size of the grid's scroll container, updated once per animation frame. */
export function useGridViewport(ref: RefObject<HTMLDivElement | null>): GridViewport {
  const [vp, setVp] = useState<GridViewport>({ scrollTop: 0, scrollLeft: 0, width: 800, height: 600 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setVp((prev) => {
        const next = { scrollTop: el.scrollTop, scrollLeft: el.scrollLeft, width: el.clientWidth, height: el.clientHeight };
        return prev.scrollTop === next.scrollTop && prev.scrollLeft === next.scrollLeft && prev.width === next.width && prev.height === next.height
          ? prev
          : next;
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);
  return vp;
}
