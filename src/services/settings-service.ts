import type { Person } from '../domain/people';
import type { Clock, CourseRepository, UserRepository } from '../domain/ports';
import { effectiveOffsets } from '../domain/reminder-schedule';

export interface PersonalSettings {
  /** The offsets in force (the person's own, or the default); empty = no reminders. */
  readonly reminderOffsetsMs: readonly number[];
  /** Catalogue topics the person picked (recommendations start from them). */
  readonly interests: readonly string[];
  /** Opt-in weekly digest of recommendations; off unless the person turned it on. */
  readonly weeklyDigest: boolean;
}

/** Told when a person's settings change, so that what is already planned follows (reminders re-plan). */
export type SettingsListener = (person: Person) => Promise<void>;

/** The personal `settings` command: reminder offsets, interests and the weekly digest. */
export class SettingsService {
  constructor(
    private readonly deps: {
      users: UserRepository;
      courses: Pick<CourseRepository, 'topics'>;
      defaultOffsetsMs: readonly number[];
      clock: Clock;
      onChange: SettingsListener;
    },
  ) {}

  async view(person: Person): Promise<PersonalSettings> {
    const preferences = (await this.deps.users.get(person))?.preferences;
    return {
      reminderOffsetsMs: effectiveOffsets(preferences?.reminderOffsetsMs, this.deps.defaultOffsetsMs),
      interests: preferences?.interests ?? [],
      weeklyDigest: preferences?.weeklyDigest === true,
    };
  }

  /** The topics a person may pick from: the catalogue's own. */
  topicChoices(): Promise<string[]> {
    return this.deps.courses.topics();
  }

  /** Saves the card's choices; interests outside the catalogue's topics are dropped. */
  async save(person: Person, settings: PersonalSettings): Promise<PersonalSettings> {
    // The record may not exist yet (nobody has booked through it): create it with ids only.
    await this.deps.users.upsertSeen(person, undefined, this.deps.clock.now());
    const known = new Set(await this.topicChoices());
    const saved: PersonalSettings = {
      reminderOffsetsMs: [...new Set(settings.reminderOffsetsMs)].sort((a, b) => b - a),
      interests: [...new Set(settings.interests)].filter((topic) => known.has(topic)).sort(),
      weeklyDigest: settings.weeklyDigest,
    };
    await this.deps.users.updatePreferences(person, saved);
    await this.deps.onChange(person);
    return saved;
  }
}
