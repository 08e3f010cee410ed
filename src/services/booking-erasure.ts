import { hasStarted } from '../domain/catalog';
import type { Clock, BookingRepository } from '../domain/ports';
import type { PersonalDataHolder } from '../domain/privacy-ports';
import type { BookingService } from './booking-service';

/**
 * Bookings live on the session documents (seat and waitlist lists). Erasing a person cancels each
 * upcoming seat or waitlist place through the booking service, so freed seats go to the first person
 * waiting (and they are told), then removes whatever remains (past sessions) from every list.
 * Registered before `usage` and `deliveries`: a cancellation records usage and drops reminders, and
 * those records must be erased after it.
 */
export function bookingsHolder(bookings: BookingService, repository: BookingRepository, clock: Clock): PersonalDataHolder {
  return {
    name: 'bookings',
    exportFor: async (person) =>
      (await repository.listHeldBy(person, new Date(0))).map((snapshot) => ({
        sessionId: snapshot.session.id,
        title: snapshot.session.title,
        startsAt: snapshot.session.startsAt,
        place: snapshot.viewer,
      })),
    eraseFor: async (person) => {
      // Seats of sessions not started yet are cancelled (freeing them for the waitlist); a running
      // session cannot be cancelled, so its seat, like past ones, is just removed below.
      const now = clock.now();
      const upcoming = (await repository.listHeldBy(person, now)).filter((snapshot) => !hasStarted(snapshot.session, now));
      for (const snapshot of upcoming) await bookings.cancel(person, snapshot.session.id);
      return upcoming.length + (await repository.forget(person));
    },
  };
}
