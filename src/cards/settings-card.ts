import type { Language } from '../domain/catalog';
import { REMINDER_CHOICES_MS } from '../domain/reminder-schedule';
import { describeOffset } from './notice-card';
import { renderTemplate, type AdaptiveCard } from './render';
import { stringsFor } from './strings';
import remindersTemplate from './templates/settings-reminders.json';
import settingsTemplate from './templates/settings.json';

/** Universal Action verbs of the settings card; its inputs arrive merged into the action's data. */
export const SETTINGS_VERBS = { save: 'settings.save' } as const;

/** Input ids of the settings card: the names the `settings.save` data carries. */
export const SETTINGS_INPUTS = { reminderOffsets: 'reminderOffsets' } as const;

export interface SettingsView {
  readonly language: Language;
  /** The offsets in force for the person (their own, or the default); empty = no reminders. */
  readonly reminderOffsetsMs: readonly number[];
  /** Show the "saved" confirmation (the card returned by `settings.save`). */
  readonly saved: boolean;
}

/** One block of the settings card; capabilities add theirs to SETTINGS_SECTIONS (interests, weekly digest…). */
export type SettingsSection = (view: SettingsView) => readonly object[];

const remindersSection: SettingsSection = (view) => {
  const strings = stringsFor(view.language);
  const section = renderTemplate(remindersTemplate, {
    label: strings.settingsRemindersLabel,
    hint: strings.settingsRemindersHint,
    selected: view.reminderOffsetsMs.filter((ms) => (REMINDER_CHOICES_MS as readonly number[]).includes(ms)).join(','),
    choices: REMINDER_CHOICES_MS.map((ms) => ({ title: describeOffset(ms, view.language), value: String(ms) })),
  });
  return section.body as object[];
};

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [remindersSection];

/** The personal `settings` card: a header, each section in turn, one Save (`settings.save`). */
export function createSettingsCard(view: SettingsView, sections: readonly SettingsSection[] = SETTINGS_SECTIONS): AdaptiveCard {
  const strings = stringsFor(view.language);
  const frame = renderTemplate(settingsTemplate, {
    title: strings.settingsTitle,
    saved: view.saved,
    savedText: strings.settingsSaved,
    saveLabel: strings.settingsSave,
    saveVerb: SETTINGS_VERBS.save,
  });
  return { ...frame, body: [...(frame.body as object[]), ...sections.flatMap((section) => section(view))] };
}
