import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPackageEnvironment, type PackageEnvironment } from '../../scripts/app-package/environment';
import { fillJsonPlaceholders } from '../../scripts/app-package/placeholders';

export const ROOT = path.resolve(__dirname, '../..');
export const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');

/** Ids and domain the Toolkit would write when provisioning; the rest comes from env/.env.dev. */
export const PROVISIONED = {
  TEAMS_APP_ID: '5d0f1c9e-8a7b-4c3d-9e2f-1a2b3c4d5e6f',
  BOT_ID: '0b7d2a8e-3c61-4f0e-9d44-6a5b1c2d3e4f',
  BOT_DOMAIN: 'wellbeing-test.azurewebsites.net',
} as const;

export function devEnvironment(): PackageEnvironment {
  return loadPackageEnvironment(ROOT, 'dev', PROVISIONED);
}

export function readAppPackageText(file: string): string {
  return readFileSync(path.join(APP_PACKAGE_DIR, file), 'utf8');
}

export type Json = Record<string, unknown>;

/** The template as committed, placeholders and all. */
export function templateManifest(): Json {
  return JSON.parse(readAppPackageText('manifest.json')) as Json;
}

/** A file of appPackage/ with its placeholders filled for the dev environment. */
export function filledJson(file: string): Json {
  const { text, missing } = fillJsonPlaceholders(readAppPackageText(file), devEnvironment().values);
  if (missing.length > 0) throw new Error(`no value for ${missing.join(', ')}`);
  return JSON.parse(text) as Json;
}

// Typed views of the parts of the manifest the tests read.
export interface ManifestParts {
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  composeExtensions: {
    botId: string;
    commands: { id: string; type: string; title: string; description: string; initialRun: boolean; parameters: { name: string; title: string; description: string }[] }[];
  }[];
  activities: { activityTypes: { type: string; description: string; templateText: string }[] };
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  authorization?: { permissions?: { resourceSpecific?: unknown[] } };
  permissions?: unknown[];
}

export const parts = (manifest: Json): ManifestParts => manifest as unknown as ManifestParts;
