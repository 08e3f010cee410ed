import type { Client } from '@microsoft/microsoft-graph-client';
import type { Person } from '../../domain/people';
import type { DirectoryProfile } from '../../domain/privacy';
import type { Directory } from '../../domain/privacy-ports';
import { toIntegrationError } from './graph-errors';

const DEFAULT_TTL_MS = 5 * 60_000;
/** The lookup runs on a person's turn (Teams gives an invoke about 5 s): give up early, read it next time. */
const LOOKUP_TIMEOUT_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * A person's names and mail from `GET /v1.0/users/{id}` (application permission `User.Read.All`),
 * selecting only the four fields we use. Kept in memory for a few minutes, so a busy person costs one
 * Graph call, and never persisted: names are personal data the app does not store.
 */
export class GraphDirectory implements Directory {
  private readonly cache = new Map<string, { profile: DirectoryProfile | undefined; expiresAt: number }>();

  constructor(private readonly graph: Client, private readonly options: { ttlMs?: number; now?: () => number } = {}) {}

  async profile(person: Person): Promise<DirectoryProfile | undefined> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.cache.get(person.userId);
    if (cached && cached.expiresAt > now) return cached.profile;
    const profile = await this.fetch(person.userId);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(person.userId, { profile, expiresAt: now + (this.options.ttlMs ?? DEFAULT_TTL_MS) });
    return profile;
  }

  /** After an erasure: nothing about the person stays, not even in memory. */
  forget(person: Person): void {
    this.cache.delete(person.userId);
  }

  private async fetch(userId: string): Promise<DirectoryProfile | undefined> {
    try {
      const user = (await this.graph.api(`/users/${encodeURIComponent(userId)}`).version('v1.0').select(['givenName', 'surname', 'displayName', 'mail'])
        .options({ signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) })
        .get()) as Record<string, unknown>;
      return {
        ...(typeof user.givenName === 'string' ? { givenName: user.givenName } : {}),
        ...(typeof user.surname === 'string' ? { surname: user.surname } : {}),
        ...(typeof user.displayName === 'string' ? { displayName: user.displayName } : {}),
        ...(typeof user.mail === 'string' ? { mail: user.mail } : {}),
      };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw toIntegrationError(error, 'get user'); // what Graph said, never its body (it can quote the person)
    }
  }
}
