import type { Person } from '../domain/people';
import type { PersonalDataHolder } from '../domain/privacy-ports';

/**
 * Every place that holds data about a person, in the order an erasure visits them. A capability that
 * stores something about people registers its holder here (main.ts), and "export my data" and
 * "forget me" reach it with no other change. In-memory caches register a listener instead.
 */
export class ErasureRegistry {
  private readonly holders: PersonalDataHolder[] = [];
  private readonly listeners: ((person: Person) => void)[] = [];

  /** Adds a holder, before the one named `before` when given (bookings go before deliveries and users). */
  register(holder: PersonalDataHolder, options: { before?: string } = {}): this {
    if (this.holders.some((existing) => existing.name === holder.name)) throw new Error(`A personal data holder named ${holder.name} is already registered`);
    const index = options.before ? this.holders.findIndex((existing) => existing.name === options.before) : -1;
    if (index >= 0) this.holders.splice(index, 0, holder);
    else this.holders.push(holder);
    return this;
  }

  /** Called after an erasure, to drop what an instance remembers in memory about the person. */
  onErased(listener: (person: Person) => void): this {
    this.listeners.push(listener);
    return this;
  }

  list(): readonly PersonalDataHolder[] {
    return this.holders;
  }

  names(): string[] {
    return this.holders.map((holder) => holder.name);
  }

  notifyErased(person: Person): void {
    for (const listener of this.listeners) listener(person);
  }
}
