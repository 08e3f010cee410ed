// Offline validation against Microsoft's schemas. @microsoft/app-manifest ships the Teams manifest
// schemas v1.0–v1.30 and loads them from the package when `$schema` points at
// developer.microsoft.com/json-schemas/…, so nothing is fetched (see shared/facts/teams-platform.md §7.5).
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export async function manifestSchemaProblems(manifest: Record<string, unknown>): Promise<string[]> {
  if (typeof manifest.$schema !== 'string') return ['manifest.json has no $schema: set it to the v1.30 schema URL'];
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
}

/**
 * The localization schema's key patterns (e.g. `activities.activityTypes\[\b…\b]`) are not valid
 * regular expressions in Unicode mode, which AppManifestUtils' Ajv uses, so compiling it there throws
 * "Lone quantifier brackets". A draft-04 Ajv without the `u` flag compiles it as Teams intends.
 */
export async function localizationSchemaProblems(localization: Record<string, unknown>): Promise<string[]> {
  if (typeof localization.$schema !== 'string') return ['has no $schema: set it to the v1.30 localization schema URL'];
  const schema = await AppManifestUtils.fetchSchema(localization.$schema);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(localization)) return [];
  return (validate.errors ?? []).map((error) => {
    const extra = error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})` : '';
    return `${error.instancePath || '/'} ${error.message ?? 'is not valid'}${extra}`;
  });
}

/** Localization keys address manifest fields (`bots[0].commandLists[0].commands[2].title`); each must exist. */
export function unknownLocalizationKeys(localization: Record<string, unknown>, manifest: unknown): string[] {
  return Object.keys(localization)
    .filter((key) => key !== '$schema' && key !== 'localizationKeys')
    .filter((key) => typeof readPath(manifest, key) !== 'string');
}

function readPath(root: unknown, key: string): unknown {
  let value: unknown = root;
  for (const part of key.split(/\.|(?=\[)/)) {
    if (value === null || typeof value !== 'object') return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    value = index ? (value as unknown[])[Number(index[1])] : (value as Record<string, unknown>)[part];
  }
  return value;
}
