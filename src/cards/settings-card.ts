import type { Language } from '../domain/catalog';
import { REMINDER_CHOICES_MS } from '../domain/reminder-schedule';
import { topicLabel } from '../domain/topics';
import { describeOffset } from './notice-card';
import { renderTemplate, type AdaptiveCard } from './render';
import { stringsFor } from './strings';
import digestTemplate from './templates/settings-digest.json';
import interestsTemplate from './templates/settings-interests.json';
import remindersTemplate from './templates/settings-reminders.json';
import settingsTemplate from './templates/settings.json';

/** Universal Action verbs of the settings card; its inputs arrive merged into the action's data. */
export const SETTINGS_VERBS = { save: 'settings.save' } as const;

export interface SettingsView {
  readonly language: Language;
  /** The offsets in force for the person (their own, or the default); empty = no reminders. */
  readonly reminderOffsetsMs: readonly number[];
  /** Topics the person picked; they steer recommendations, most of all before there is any history. */
  readonly interests: readonly string[];
  /** Every topic of the catalogue, to pick from. */
  readonly topicChoices: readonly string[];
  /** Opt-in weekly digest of recommendations (off by default). */
  readonly weeklyDigest: boolean;
  /** Show the "saved" confirmation (the card returned by `settings.save`). */
  readonly saved: boolean;
}

/** One block of the settings card: its elements, from a template of its own. */
type SettingsSection = (view: SettingsView) => readonly object[];

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

const interestsSection: SettingsSection = (view) => {
  if (view.topicChoices.length === 0) return [];
  const strings = stringsFor(view.language);
  const section = renderTemplate(interestsTemplate, {
    label: strings.settingsInterestsLabel,
    hint: strings.settingsInterestsHint,
    selected: view.interests.filter((topic) => view.topicChoices.includes(topic)).join(','),
    choices: view.topicChoices.map((topic) => ({ title: topicLabel(topic, view.language), value: topic })),
  });
  return section.body as object[];
};

const digestSection: SettingsSection = (view) => {
  const strings = stringsFor(view.language);
  const section = renderTemplate(digestTemplate, { label: strings.settingsDigestLabel, hint: strings.settingsDigestHint, value: String(view.weeklyDigest) });
  return section.body as object[];
};

const SECTIONS: readonly SettingsSection[] = [remindersSection, interestsSection, digestSection];

/** The personal `settings` card: a header, each section in turn, one Save (`settings.save`). */
export function createSettingsCard(view: SettingsView): AdaptiveCard {
  const strings = stringsFor(view.language);
  const frame = renderTemplate(settingsTemplate, {
    title: strings.settingsTitle,
    saved: view.saved,
    savedText: strings.settingsSaved,
    saveLabel: strings.settingsSave,
    saveVerb: SETTINGS_VERBS.save,
  });
  return { ...frame, body: [...(frame.body as object[]), ...SECTIONS.flatMap((section) => section(view))] };
}
