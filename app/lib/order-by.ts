/** A comparator for Array.prototype.sort by a string field, in code-unit order (the same everywhere). */
export function byString<T>(select: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = select(a);
    const y = select(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
