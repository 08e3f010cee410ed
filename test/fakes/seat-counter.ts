import type { SeatCounter } from '../../src/domain/ports';

/** Search tests without bookings: every session has its whole capacity free. */
export const capacitySeatCounter: SeatCounter = {
  seatsLeft: async (sessions) => new Map(sessions.map((session) => [session.id, session.capacity])),
};
