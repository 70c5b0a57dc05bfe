/** Compares cell values the way a person would: people and linked records by id, options by name, order kept. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(v: unknown): unknown {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'id' in x ? (x as { id: unknown }).id : x));
  if (v && typeof v === 'object' && 'link' in v) return (v as { link: unknown }).link;
  return v;
}
