// A bounded memo of what was read at a position of a text. The sieves read the same sentence's words
// and noun phrases many times over (each finder walks it for its verbs and subjects), so what was read
// in the last few texts (a paragraph and its masked copy) is kept by position. Bounded twice: a few
// texts, and a bound of positions each (cleared when reached), so no input makes it grow without end.

const CACHED_TEXTS = 4;
const CACHED_POSITIONS = 4096;

/** A reader `read(text, key)` memoised by text and key; the value is whatever `read` returns. */
export function cachedByPosition<T>(
  read: (text: string, key: number) => T,
): (text: string, key: number) => T {
  const cache = new Map<string, Map<number, T>>();
  return (text, key) => {
    let positions = cache.get(text);
    if (!positions) {
      if (cache.size >= CACHED_TEXTS) cache.delete(cache.keys().next().value as string);
      positions = new Map();
      cache.set(text, positions);
    }
    if (positions.has(key)) return positions.get(key) as T;
    const value = read(text, key);
    if (positions.size >= CACHED_POSITIONS) positions.clear();
    positions.set(key, value);
    return value;
  };
}
