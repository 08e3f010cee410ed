import type { Person } from '../domain/people';
import type { Clock, CourseRepository, UserRepository } from '../domain/ports';
import { effectiveOffsets, REMINDER_CHOICES_MS } from '../domain/reminder-schedule';

export interface PersonalSettings {
  /** The offsets in force (the person's own, or the default); empty = no reminders. */
  readonly reminderOffsetsMs: readonly number[];
  /** Catalogue topics the person picked (recommendations start from them). */
  readonly interests: readonly string[];
  /** Opt-in weekly digest of recommendations; off unless the person turned it on. */
  readonly weeklyDigest: boolean;
}

/** What the settings card shows: the person's settings and the catalogue topics to pick from. */
export interface SettingsChoices extends PersonalSettings {
  readonly topicChoices: readonly string[];
}

/** Offsets other than the card's choices are refused, so no hand-made request plans odd reminders. */
export class InvalidSettingsError extends Error {
  readonly code = 'SETTINGS_INVALID';
  constructor() {
    super('Reminder offsets must be among the offered choices');
    this.name = 'InvalidSettingsError';
  }
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

  async view(person: Person): Promise<SettingsChoices> {
    const preferences = (await this.deps.users.get(person))?.preferences;
    return {
      reminderOffsetsMs: effectiveOffsets(preferences?.reminderOffsetsMs, this.deps.defaultOffsetsMs),
      interests: preferences?.interests ?? [],
      weeklyDigest: preferences?.weeklyDigest === true,
      topicChoices: await this.deps.courses.topics(),
    };
  }

  /**
   * Saves the card's choices. Reminder offsets must be among the card's choices (InvalidSettingsError
   * otherwise, nothing saved); interests outside the catalogue's topics are dropped.
   */
  async save(person: Person, settings: PersonalSettings): Promise<SettingsChoices> {
    if (!settings.reminderOffsetsMs.every((ms) => (REMINDER_CHOICES_MS as readonly number[]).includes(ms))) throw new InvalidSettingsError();
    // The record may not exist yet (nobody has booked through it): create it with ids only.
    await this.deps.users.upsertSeen(person, undefined, this.deps.clock.now());
    const topicChoices = await this.deps.courses.topics();
    const saved: PersonalSettings = {
      reminderOffsetsMs: [...new Set(settings.reminderOffsetsMs)].sort((a, b) => b - a),
      interests: [...new Set(settings.interests)].filter((topic) => topicChoices.includes(topic)).sort(),
      weeklyDigest: settings.weeklyDigest,
    };
    await this.deps.users.updatePreferences(person, saved);
    await this.deps.onChange(person);
    return { ...saved, topicChoices };
  }
}
