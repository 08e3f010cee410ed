import { composePrivacyOverStore } from '../../compose-privacy';
import type { Config } from '../../config';
import { MIN_GROUP_SIZE, isEmailAddress } from '../../domain/privacy';
import type { UsageReportRow } from '../../domain/usage-report';
import { createRootLogger } from '../../logger';
import type { AdminCommand } from '../admin';
import { withStoreOrRunningApp, type RunningApp } from '../store-or-running-app';

type PrivacyRequest = { name: 'forget' | 'export'; email: string } | { name: 'report' };

/** `forget --email X`: erases everything about the person (store and Intercom), as "forget me" does. */
export const forgetCommand: AdminCommand = {
  summary: 'forget --email ADDRESS: erase everything about a person (the app and Intercom), with an audit entry',
  run: (args, config) => personCommand('forget', args, config),
};

/** `export --email X`: prints everything held about the person as JSON. */
export const exportCommand: AdminCommand = {
  summary: 'export --email ADDRESS: print everything the app holds about a person, as JSON',
  run: (args, config) => personCommand('export', args, config),
};

/** `report [--json]`: per-tenant weekly usage; no person, no group under 5 people. */
export const reportCommand: AdminCommand = {
  summary: `report [--json]: per-tenant weekly usage, no personal data, no group under ${MIN_GROUP_SIZE} people`,
  async run(args, config) {
    if (!args.every((arg) => arg === '--json')) return usage('report [--json]');
    const rows = (await run({ name: 'report' }, config)) as UsageReportRow[];
    process.stdout.write(args.includes('--json') ? `${JSON.stringify(rows, null, 2)}\n` : formatReport(rows));
    return 0;
  },
};

async function personCommand(name: 'forget' | 'export', args: readonly string[], config: Config): Promise<number> {
  const email = args.length === 2 && args[0] === '--email' ? args[1]!.trim() : undefined;
  if (!email || !isEmailAddress(email)) return usage(`${name} --email ADDRESS`);
  const result = await run({ name, email }, config);
  if (result === undefined) {
    process.stderr.write('No person with that e-mail address is known to the app.\n');
    return 1;
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

/** On MongoDB or an idle embedded store, directly; through the running app when it holds DATA_DIR. */
async function run(request: PrivacyRequest, config: Config): Promise<unknown> {
  const log = createRootLogger({ level: 'warn', destination: process.stderr });
  return withStoreOrRunningApp<unknown>(config, log, {
    direct: async (store) => {
      const privacy = await composePrivacyOverStore(config, store, { now: () => new Date() }, log);
      if (request.name === 'report') return privacy.reports.report();
      const person = await privacy.privacy.findByEmail(request.email);
      if (!person) return undefined;
      return request.name === 'export' ? privacy.privacy.exportData(person) : privacy.privacy.forget(person, { actor: 'operator-cli' });
    },
    viaApp: (app) => throughRunningApp(app, request),
  });
}

async function throughRunningApp(app: RunningApp, request: PrivacyRequest): Promise<unknown> {
  const response = await fetch(`${app.baseUrl}/internal/admin/privacy/${request.name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(request.name === 'report' ? {} : { email: request.email }),
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`the running app answered ${response.status}`);
  return response.json();
}

export function formatReport(rows: readonly UsageReportRow[]): string {
  const cell = (value: { people: number; events: number } | null) => (value ? `${value.events} (${value.people} people)` : `<${MIN_GROUP_SIZE} people`);
  const lines = rows.map((row) => {
    const { sessionsBooked, sessionsAttended, coursesViewed, roomsVisited } = row.metrics;
    return [row.tenantId, row.week, cell(sessionsBooked), cell(sessionsAttended), cell(coursesViewed), cell(roomsVisited)].join('\t');
  });
  const head = ['tenant', 'week', 'sessions booked', 'sessions attended', 'courses viewed', 'rooms visited'].join('\t');
  return `${[head, ...(lines.length > 0 ? lines : ['(no usage recorded yet)'])].join('\n')}\n`;
}

function usage(text: string): number {
  process.stderr.write(`Usage: npm run admin -- ${text}\n`);
  return 2;
}
