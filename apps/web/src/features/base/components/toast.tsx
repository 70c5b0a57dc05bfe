import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'info' | 'error' | 'success';
type ShowToast = (message: string, tone?: ToastTone) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

export interface ToastProviderProps {
  children: ReactNode;
}

/** Short notices at the bottom of the Base pages ("someone else changed this first", "nothing to undo"). */
export function ToastProvider({ children }: ToastProviderProps) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const show = useCallback<ShowToast>((message, tone = 'info') => {
    const id = next.current++;
    setItems((list) => [...list.filter((i) => i.message !== message), { id, message, tone }].slice(-3));
    setTimeout(() => setItems((list) => list.filter((i) => i.id !== id)), tone === 'error' ? 6000 : 3500);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toast-stack" aria-live="polite">
        {items.map((i) => (
          <div key={i.id} className={`toast toast-${i.tone}`} role={i.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
            {i.message}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
