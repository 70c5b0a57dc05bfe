/**
 * Remembers a pure function of one string: the results of the last `size` to `2 × size` distinct texts asked for. An
 * import compares each row with several candidates and each candidate with many rows, so the same names are normalised
 * over and over.
 *
 * Two generations rather than evicting the oldest entry one at a time: a V8 Map keeps deleted entries as holes until it
 * rehashes, so "delete the first key" walks over every earlier deletion, and an import of more distinct values than
 * `size` spent most of its time there. Here a full generation is dropped whole, and a hit in it moves to the new one.
 */
export function memo<T>(fn: (text: string) => T, size = 20_000): (text: string) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  const remember = (text: string, value: T) => {
    if (current.size >= size) {
      previous = current;
      current = new Map();
    }
    current.set(text, value);
    return value;
  };
  return (text) => {
    const hit = current.get(text);
    if (hit !== undefined || current.has(text)) return hit as T;
    const old = previous.get(text);
    if (old !== undefined || previous.has(text)) return remember(text, old as T);
    return remember(text, fn(text));
  };
}
