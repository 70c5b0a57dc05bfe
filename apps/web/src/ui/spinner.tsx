export interface SpinnerProps {
  size?: 'sm' | 'md';
  label?: string;
}

export function Spinner({ size = 'md', label }: SpinnerProps) {
  return <span className={`spinner spinner-${size}`} role={label ? 'status' : undefined} aria-label={label} />;
}

export interface PageSpinnerProps {
  label: string;
}

/** A centred spinner for a page or panel that is still loading. */
export function PageSpinner({ label }: PageSpinnerProps) {
  return (
    <div className="page-spinner">
      <Spinner label={label} />
    </div>
  );
}
