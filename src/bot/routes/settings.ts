import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { createErrorCard } from '../../cards/help-card';
import { createSettingsCard, SETTINGS_VERBS } from '../../cards/settings-card';
import type { Language } from '../../domain/catalog';
import { InvalidSettingsError, type SettingsService } from '../../services/settings-service';
import { languageOfActivity, personOf } from '../activity';
import { sendCard } from '../send';
import type { CommandHandler } from './personal-commands';

/**
 * `settings.save` data: the card's inputs. A multi-select ChoiceSet sends its values comma-separated
 * ("" when nothing is ticked: no reminders, no interests); the toggle sends "true" or "false".
 */
const saveData = z.object({
  reminderOffsets: z.string().max(200).optional(),
  interests: z.string().max(2_000).optional(),
  weeklyDigest: z.enum(['true', 'false']).optional(),
}).loose();

/** `settings` / `paramètres`: the person's settings card. */
export function settingsCommand(settings: SettingsService): CommandHandler {
  return async (context: TurnContext, language: Language) => {
    const person = personOf(context.activity);
    if (!person) return sendCard(context, createErrorCard(language));
    await sendCard(context, createSettingsCard({ language, ...(await settings.view(person)), saved: false }));
  };
}

/** Save from the card: validate the choices, store them, answer with the card as saved. */
export function registerSettingsRoutes(app: Application<TurnState>, settings: SettingsService): void {
  app.adaptiveCards.actionExecute(SETTINGS_VERBS.save, async (context, _state, data) => {
    const language = languageOfActivity(context.activity);
    const person = personOf(context.activity);
    const parsed = saveData.safeParse(data);
    if (!person || !parsed.success) return createErrorCard(language) as never;
    try {
      const saved = await settings.save(person, {
        reminderOffsetsMs: splitList(parsed.data.reminderOffsets).map(Number),
        interests: splitList(parsed.data.interests),
        weeklyDigest: parsed.data.weeklyDigest === 'true',
      });
      return createSettingsCard({ language, ...saved, saved: true }) as never;
    } catch (error) {
      if (error instanceof InvalidSettingsError) return createErrorCard(language) as never;
      throw error;
    }
  });
}

function splitList(text: string | undefined): string[] {
  return (text ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
}
