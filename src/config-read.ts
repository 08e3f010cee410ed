/** Reads one variable, trimmed; an empty value counts as unset. */
export type Read = (name: string) => string | undefined;

/** `true` or `false` (any case); anything else is a problem naming the variable. */
export function readBoolean(name: string, read: Read, problems: string[], fallback = false): boolean {
  const value = read(name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  problems.push(`${name} must be "true" or "false" (got "${value}")`);
  return fallback;
}
