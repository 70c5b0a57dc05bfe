/**
 * Remembers a pure function of one string, up to `size` results (oldest forgotten first). An import compares each row
 * with several candidates and each candidate with many rows, so the same names are normalised over and over.
 */
export function memo<T>(fn: (text: string) => T, size = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
    cache.set(text, value);
    return value;
  };
}
