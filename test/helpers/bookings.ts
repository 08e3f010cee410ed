import type { BookingDirectory } from '../../src/domain/delivery-ports';
import type { Person } from '../../src/domain/people';

/** What the booking service will answer (issue #5), kept in memory for tests. */
export class FakeBookings implements BookingDirectory {
  private readonly seats = new Map<string, { booked: Person[]; waitlisted: Person[] }>();

  book(sessionId: string, person: Person): this {
    this.entry(sessionId).booked.push(person);
    return this;
  }

  waitlist(sessionId: string, person: Person): this {
    this.entry(sessionId).waitlisted.push(person);
    return this;
  }

  cancel(sessionId: string, person: Person): this {
    const entry = this.entry(sessionId);
    entry.booked = entry.booked.filter((p) => p.userId !== person.userId || p.tenantId !== person.tenantId);
    return this;
  }

  async audienceOf(sessionId: string) {
    const entry = this.entry(sessionId);
    return { booked: [...entry.booked], waitlisted: [...entry.waitlisted] };
  }

  async isBooked(person: Person, sessionId: string): Promise<boolean> {
    return this.entry(sessionId).booked.some((p) => p.userId === person.userId && p.tenantId === person.tenantId);
  }

  async upcomingSessionIdsOf(person: Person): Promise<string[]> {
    return [...this.seats.entries()].filter(([, entry]) => entry.booked.some((p) => p.userId === person.userId)).map(([id]) => id);
  }

  private entry(sessionId: string) {
    let entry = this.seats.get(sessionId);
    if (!entry) this.seats.set(sessionId, (entry = { booked: [], waitlisted: [] }));
    return entry;
  }
}
