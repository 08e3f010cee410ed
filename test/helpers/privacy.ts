import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@microsoft/microsoft-graph-client';
import { HttpFake } from '../fakes/http-fake';
import type { TestUser } from './activities';

export interface Profile {
  givenName: string;
  surname: string;
  displayName: string;
  mail: string;
}

/** Graph's `GET /v1.0/users/{id}` for the people a test knows; 404 for anyone else. */
export function graphUsers(profiles: Map<string, Profile>): HttpFake {
  return new HttpFake().on('GET', /^\/v1\.0\/users\/[^/?]+/, (request) => {
    const id = decodeURIComponent(request.path.split('/')[3]!.split('?')[0]!);
    const profile = profiles.get(id);
    return profile ? { status: 200, body: { id, ...profile } } : { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: 'not found' } } };
  });
}

/** The real Graph SDK client pointed at a fake, with a fixed token (the token endpoint is not under test here). */
export function graphClientFor(fake: HttpFake): Client {
  return Client.init({ authProvider: (done) => done(null, 'graph-test-token'), baseUrl: `${fake.url}/`, defaultVersion: 'v1.0' });
}

/** The live documents of one embedded collection, replaying its journal as the engine does. */
export function liveDocuments(dataDir: string, collection: string): Record<string, unknown>[] {
  const file = path.join(dataDir, `${collection}.jsonl`);
  if (!fs.existsSync(file)) return [];
  const docs = new Map<string, Record<string, unknown>>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    // The journal writes dates as {"$date": ISO}; as JSON (an export, an API answer) they are ISO strings.
    const entry = JSON.parse(line, (_key, value: unknown) => (isDate(value) ? value.$date : value)) as { p?: Record<string, unknown>; d?: unknown };
    if (entry.p) docs.set(JSON.stringify(entry.p._id), entry.p);
    else docs.delete(JSON.stringify(entry.d));
  }
  return [...docs.values()];
}

function isDate(value: unknown): value is { $date: string } {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && typeof (value as { $date?: unknown }).$date === 'string';
}

/** Every store file whose bytes (not just live documents) contain one of the needles (case-sensitive). */
export function filesMentioning(dataDir: string, needles: readonly string[]): string[] {
  return fs.readdirSync(dataDir).filter((file) => file.endsWith('.jsonl')).flatMap((file) => {
    const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
    return needles.filter((needle) => text.includes(needle)).map((needle) => `${file}: ${needle}`);
  });
}

export function cardAction(verb: string): Record<string, unknown> {
  return { action: { type: 'Action.Execute', verb, data: {} }, trigger: 'manual' };
}

export const profileOf = (user: TestUser, mail: string): Profile => {
  const [givenName, surname] = (user.name ?? 'Test User').split(' ') as [string, string];
  return { givenName, surname, displayName: user.name ?? 'Test User', mail };
};
