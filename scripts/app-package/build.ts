// Builds the Teams app package: fills the placeholders of appPackage/, validates the result offline
// and writes a zip with the manifest, its localization files and icons at the root, as Teams expects.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { PackageEnvironment } from './environment';
import { iconProblems, type IconKind } from './icons';
import { fillJsonPlaceholders } from './placeholders';
import { localizationSchemaProblems, manifestSchemaProblems, unknownLocalizationKeys } from './schemas';

export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The app package was not built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

export interface BuildOptions {
  /** Folder holding manifest.json, its localization files and icons. */
  readonly sourceDir: string;
  readonly outDir: string;
  readonly environment: PackageEnvironment;
}

export interface BuiltPackage {
  readonly zipPath: string;
  /** Zip entry names, in order. */
  readonly entries: readonly string[];
}

// A zip written twice from the same sources is byte-identical (zip times cannot predate 1980).
const FIXED_TIME = new Date('1980-01-01T00:00:00Z');

export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const { sourceDir, environment } = options;
  const template = readJson(sourceDir, 'manifest.json');
  const localizationFiles = localizationFileNames(template);
  const icons: [IconKind, string][] = [['color', iconFile(template, 'color')], ['outline', iconFile(template, 'outline')]];
  const textFiles = ['manifest.json', ...localizationFiles];
  assertAtRoot([...textFiles, ...icons.map(([, file]) => file)]);

  const filled = new Map<string, string>();
  const missing = new Map<string, Set<string>>();
  for (const file of textFiles) {
    const result = fillJsonPlaceholders(readFileSync(path.join(sourceDir, file), 'utf8'), environment.values);
    filled.set(file, result.text);
    for (const name of result.missing) missing.set(name, (missing.get(name) ?? new Set()).add(file));
  }
  if (missing.size > 0) throw new PackageError([...missing].map(([name, files]) => missingMessage(name, [...files], environment)));

  const manifest = JSON.parse(filled.get('manifest.json')!) as Record<string, unknown>;
  const problems = (await manifestSchemaProblems(manifest)).map((p) => `manifest.json: ${p}`);
  for (const file of localizationFiles) {
    const localization = JSON.parse(filled.get(file)!) as Record<string, unknown>;
    problems.push(...(await localizationSchemaProblems(localization)).map((p) => `${file}: ${p}`));
    problems.push(...unknownLocalizationKeys(localization, manifest).map((key) => `${file}: "${key}" names no text in manifest.json`));
  }
  const iconBytes = icons.map(([, file]) => [file, readFileSync(path.join(sourceDir, file))] as const);
  icons.forEach(([kind, file], i) => problems.push(...iconProblems(kind, file, iconBytes[i]![1])));
  if (problems.length > 0) throw new PackageError(problems);

  const entries: Record<string, Uint8Array> = {};
  for (const file of textFiles) entries[file] = Buffer.from(filled.get(file)!, 'utf8');
  for (const [file, bytes] of iconBytes) entries[file] = bytes;
  mkdirSync(options.outDir, { recursive: true });
  const zipPath = path.join(options.outDir, `appPackage.${environment.name}.zip`);
  writeFileSync(zipPath, zipSync(entries, { level: 9, mtime: FIXED_TIME }));
  return { zipPath, entries: Object.keys(entries) };
}

function missingMessage(name: string, files: string[], environment: PackageEnvironment): string {
  const where = environment.files.length > 0 ? environment.files.join(' or ') : `env/.env.${environment.name}`;
  const hint = TOOLKIT_WRITTEN.has(name) ? ' (provisioning the environment with the Toolkit fills it in; see README)' : '';
  return `${name} is not set (used in ${files.join(', ')}): set it in ${where} or in the environment${hint}`;
}

const TOOLKIT_WRITTEN = new Set(['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN']);

function readJson(dir: string, file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new PackageError([`${file} could not be read as JSON: ${(error as Error).message}`]);
  }
}

function localizationFileNames(manifest: Record<string, unknown>): string[] {
  const info = manifest.localizationInfo as { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] } | undefined;
  return [...(info?.defaultLanguageFile ? [info.defaultLanguageFile] : []), ...(info?.additionalLanguages ?? []).map((language) => language.file)];
}

function iconFile(manifest: Record<string, unknown>, kind: IconKind): string {
  const file = (manifest.icons as Record<string, unknown> | undefined)?.[kind];
  if (typeof file !== 'string') throw new PackageError([`manifest.json: icons.${kind} is missing`]);
  return file;
}

/** Teams reads the manifest and the files it names from the root of the zip. */
function assertAtRoot(files: string[]): void {
  const nested = files.filter((file) => path.posix.basename(file) !== file);
  if (nested.length > 0) throw new PackageError(nested.map((file) => `${file} must sit next to manifest.json: Teams reads files from the root of the package`));
}
