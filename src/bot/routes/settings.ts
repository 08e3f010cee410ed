import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { createErrorCard } from '../../cards/help-card';
import { createSettingsCard, SETTINGS_VERBS } from '../../cards/settings-card';
import type { Language } from '../../domain/catalog';
import { REMINDER_CHOICES_MS } from '../../domain/reminder-schedule';
import type { SettingsService } from '../../services/settings-service';
import { languageOfActivity, personOf } from '../activity';
import { sendCard } from '../send';
import type { CommandHandler } from './personal-commands';

/**
 * `settings.save` data: the card's inputs. A multi-select ChoiceSet sends its values comma-separated
 * ("" when nothing is ticked = no reminders). Other sections add their inputs; unknown keys are kept.
 */
const saveData = z.object({
  reminderOffsets: z.string().max(200).optional(),
}).loose();

const CHOICES = new Set<number>(REMINDER_CHOICES_MS);

/** `settings` / `paramètres`: the person's settings card. */
export function settingsCommand(settings: SettingsService): CommandHandler {
  return async (context: TurnContext, language: Language) => {
    const person = personOf(context.activity);
    if (!person) return sendCard(context, createErrorCard(language));
    const view = await settings.view(person);
    await sendCard(context, createSettingsCard({ language, reminderOffsetsMs: view.reminderOffsetsMs, saved: false }));
  };
}

/** Save from the card: validate the choices, store them, answer with the card as saved. */
export function registerSettingsRoutes(app: Application<TurnState>, settings: SettingsService): void {
  app.adaptiveCards.actionExecute(SETTINGS_VERBS.save, async (context, _state, data) => {
    const language = languageOfActivity(context.activity);
    const person = personOf(context.activity);
    const parsed = saveData.safeParse(data);
    const offsets = parsed.success ? parseOffsets(parsed.data.reminderOffsets) : undefined;
    if (!person || !offsets) return createErrorCard(language) as never;
    const saved = await settings.saveReminderOffsets(person, offsets);
    return createSettingsCard({ language, reminderOffsetsMs: saved.reminderOffsetsMs, saved: true }) as never;
  });
}

/** Only the offered choices are accepted; anything else makes the whole input invalid. */
function parseOffsets(text: string | undefined): number[] | undefined {
  const parts = (text ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
  const values = parts.map(Number);
  return values.every((value) => CHOICES.has(value)) ? values : undefined;
}
