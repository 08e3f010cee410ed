import { endsAt, type Session } from '../domain/catalog';
import type { Person } from '../domain/people';
import type { LinkSigner } from './signed-links';

const PURPOSE = { join: 'session.join', calendar: 'session.calendar' } as const;
/** Links stay valid a day past the end, so a slightly moved session or a late click still works. */
const VALID_AFTER_END_MS = 24 * 3_600_000;

/**
 * The per-person links a session card hands out: the tracked Join redirect and the calendar file.
 * Each carries the session and the person, signed, so one person cannot record a join for another
 * and nobody can list meeting links by guessing session ids.
 */
export class SessionLinks {
  constructor(private readonly signer: LinkSigner, private readonly publicBaseUrl: string) {}

  join(person: Person, session: Session): string {
    return `${this.publicBaseUrl}/r/join/${encodeURIComponent(session.id)}?t=${this.token(PURPOSE.join, person, session)}`;
  }

  calendar(person: Person, session: Session): string {
    return `${this.publicBaseUrl}/api/sessions/${encodeURIComponent(session.id)}/calendar.ics?t=${this.token(PURPOSE.calendar, person, session)}`;
  }

  /** The person a join link was made for, when it is intact, unexpired and for this session. */
  verifyJoin(sessionId: string, token: string, now: Date): Person | undefined {
    return this.verify(PURPOSE.join, sessionId, token, now);
  }

  verifyCalendar(sessionId: string, token: string, now: Date): Person | undefined {
    return this.verify(PURPOSE.calendar, sessionId, token, now);
  }

  private token(purpose: string, person: Person, session: Session): string {
    const expiresAt = new Date(endsAt(session).getTime() + VALID_AFTER_END_MS);
    return this.signer.sign(purpose, { sid: session.id, uid: person.userId, tid: person.tenantId }, expiresAt);
  }

  private verify(purpose: string, sessionId: string, token: string, now: Date): Person | undefined {
    const claims = this.signer.verify(purpose, token, now);
    if (!claims || claims.sid !== sessionId || !claims.uid || !claims.tid) return undefined;
    return { userId: claims.uid, tenantId: claims.tid };
  }
}
