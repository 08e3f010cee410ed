import type { UsageAggregateRepository } from '../domain/ports';
import type { PersonalDataHolder } from '../domain/privacy-ports';

/**
 * The person's recommendation profile (per-item traces, dismissed courses) and their contribution to
 * their tenant's popularity and co-occurrence counts. `forget` needs the profile to take the
 * contribution out, so it runs before the raw usage records go (registered before `usage`), and after
 * bookings, whose cancellations still add to it.
 */
export function recommendationProfileHolder(aggregates: UsageAggregateRepository): PersonalDataHolder {
  return {
    name: 'recommendationProfile',
    exportFor: (person) => aggregates.profile(person),
    eraseFor: async (person) => {
      const profile = await aggregates.profile(person);
      const held = Object.keys(profile.items).length + profile.dismissed.length;
      await aggregates.forget(person);
      return held;
    },
  };
}
