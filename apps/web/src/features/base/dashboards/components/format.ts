/** Numbers as a dashboard shows them: grouped digits, at most two decimals; rates as percentages. */
export function formatNumber(value: number | null, locale: string, asRate = false): string {
  if (value === null) return '—';
  if (asRate) return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
