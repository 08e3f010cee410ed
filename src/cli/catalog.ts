// `npm run catalog -- import FILE`: validates a catalogue file and upserts its good records.
// With the embedded store held by a running app, the import goes through that app (two processes
// must never write the same files), so the app sees the new catalogue at once.
import fs from 'node:fs';
import { createCatalogService } from '../compose-core';
import { ConfigError, loadConfig } from '../config';
import { createRootLogger } from '../logger';
import { CatalogImportError, type CatalogProblem, type ImportReport } from '../services/catalog-service';
import { DataDirLockedError } from '../store/embedded/data-dir-lock';
import { withStoreOrRunningApp, type RunningApp } from './store-or-running-app';

const USAGE = 'Usage: npm run catalog -- import FILE';

async function main(argv: string[]): Promise<number> {
  const [command, file] = argv;
  if (command !== 'import' || !file) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const catalogue = readCatalogueFile(file);
  if (!catalogue) return 1;
  const log = createRootLogger({ level: 'warn' });
  const report = await withStoreOrRunningApp(config, log, {
    direct: (store) => createCatalogService(store, { now: () => new Date() }, log).import(catalogue),
    viaApp: (app) => importThroughRunningApp(app, catalogue),
  });
  printReport(report);
  return report.problems.length > 0 ? 1 : 0;
}

function readCatalogueFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    console.error(`${file} is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/** Hands the file to the app that holds the embedded store, which sees the new catalogue at once. */
async function importThroughRunningApp(app: RunningApp, catalogue: unknown): Promise<ImportReport> {
  console.log('The running app holds the data folder: importing through it.');
  const response = await fetch(`${app.baseUrl}/internal/catalog/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.secret}` },
    body: JSON.stringify(catalogue),
  });
  const body = (await response.json()) as ImportReport & { problems: CatalogProblem[]; error?: string };
  if (response.status === 400) throw new CatalogImportError(body.problems);
  if (!response.ok) throw new Error(`The running app refused the import (HTTP ${response.status} ${body.error ?? ''})`);
  return body;
}

function printReport(report: ImportReport): void {
  console.log(`Imported ${report.sessions.accepted} session(s), ${report.courses.accepted} course(s) and ${report.rooms.accepted} viewing room(s) (catalogue version ${report.version}).`);
  if (report.changes.length > 0) console.log(`${report.changes.length} session(s) moved or cancelled: the people booked will be told.`);
  if (report.problems.length === 0) return;
  console.error(`${report.sessions.rejected + report.courses.rejected + report.rooms.rejected} record(s) rejected, nothing of them written:`);
  for (const problem of report.problems) console.error(`  ${problem.path}: ${problem.message}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof CatalogImportError) for (const p of error.problems) console.error(`  ${p.path}: ${p.message}`);
    else if (error instanceof DataDirLockedError) console.error(`${error.message}. Stop the app or wait for it to finish starting, then try again.`);
    else console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
