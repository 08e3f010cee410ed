// `${{VAR}}` placeholders, the syntax Microsoft 365 Agents Toolkit resolves in manifests, localization
// files and ARM parameter files. Like the Toolkit, an empty value counts as missing, except
// APP_NAME_SUFFIX, which is empty on purpose in a production environment.
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Replaces each placeholder in a JSON text with its value, escaped for a JSON string (placeholders
 * always sit inside strings). Returns the names that had no value; those placeholders stay as they were.
 */
export function fillJsonPlaceholders(text: string, values: Readonly<Record<string, string | undefined>>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined || (value === '' && !MAY_BE_EMPTY.has(name))) {
      missing.add(name);
      return placeholder;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, missing: [...missing] };
}
