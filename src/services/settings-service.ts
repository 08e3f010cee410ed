import type { Person } from '../domain/people';
import type { Clock, UserRepository } from '../domain/ports';
import { effectiveOffsets } from '../domain/reminder-schedule';

export interface PersonalSettings {
  /** The offsets in force (the person's own, or the default); empty = no reminders. */
  readonly reminderOffsetsMs: readonly number[];
}

/** Told when a person's settings change, so that what is already planned follows (reminders re-plan). */
export type SettingsListener = (person: Person) => Promise<void>;

/** The personal `settings` command: read and save preferences (reminder offsets; others add theirs). */
export class SettingsService {
  constructor(
    private readonly deps: {
      users: UserRepository;
      defaultOffsetsMs: readonly number[];
      clock: Clock;
      onChange: SettingsListener;
    },
  ) {}

  async view(person: Person): Promise<PersonalSettings> {
    const user = await this.deps.users.get(person);
    return { reminderOffsetsMs: effectiveOffsets(user?.preferences.reminderOffsetsMs, this.deps.defaultOffsetsMs) };
  }

  async saveReminderOffsets(person: Person, reminderOffsetsMs: readonly number[]): Promise<PersonalSettings> {
    // The record may not exist yet (nobody has booked through it): create it with ids only.
    await this.deps.users.upsertSeen(person, undefined, this.deps.clock.now());
    const offsets = [...new Set(reminderOffsetsMs)].sort((a, b) => b - a);
    await this.deps.users.updatePreferences(person, { reminderOffsetsMs: offsets });
    await this.deps.onChange(person);
    return { reminderOffsetsMs: offsets };
  }
}
