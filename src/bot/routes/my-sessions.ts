import type { TurnContext } from 'botbuilder';
import { createMySessionsCard } from '../../cards/booking-cards';
import type { Language } from '../../domain/catalog';
import type { BookingService } from '../../services/booking-service';
import { personOf } from '../activity';
import { sendCard } from '../send';
import type { CommandHandler } from './personal-commands';

/** `my sessions` / `mes séances`: the person's own upcoming seats and waitlist places. */
export function mySessionsCommand(bookings: BookingService): CommandHandler {
  return async (context: TurnContext, language: Language) => {
    const person = personOf(context.activity);
    if (!person) return;
    await sendCard(context, createMySessionsCard(await bookings.mySessions(person), language));
  };
}
