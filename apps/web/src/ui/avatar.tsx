export interface AvatarProps {
  name: string;
  size?: 'sm' | 'md' | 'lg';
}

const COLORS = ['#3370ff', '#14c0ff', '#00b69b', '#7f3bf5', '#f5874a', '#e24a8a', '#2d9f6f', '#5b6ee1'];

/** Initials on a colour derived from the name: the last two characters of a Chinese name (伟华), else the first letters. */
export function Avatar({ name, size = 'md' }: AvatarProps) {
  const trimmed = name.trim();
  const cjk = /[\u3400-\u9fff]/.test(trimmed);
  const initials = cjk
    ? trimmed.slice(-2)
    : trimmed
        .split(/\s+/)
        .slice(0, 2)
        .map((w) => w[0]?.toUpperCase() ?? '')
        .join('');
  let hash = 0;
  for (const ch of trimmed) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return (
    <span className={`avatar avatar-${size}`} style={{ background: COLORS[hash % COLORS.length] }} aria-hidden="true">
      {initials || '?'}
    </span>
  );
}
