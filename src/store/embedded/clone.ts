/**
 * A deep copy of a stored document. Documents are JSON-like (plain objects, arrays, dates,
 * primitives), for which this walk is several times faster than `structuredClone`; anything else
 * (a RegExp, a Buffer) falls back to `structuredClone`.
 */
export function cloneDocument<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneDocument) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = cloneDocument((value as Record<string, unknown>)[key]);
  return copy as T;
}
