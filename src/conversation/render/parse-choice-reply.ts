import { pickChoice } from '../dialog/nlu/choices.js';
import type { Choice } from '../dialog/types.js';

/**
 * Which of `lastChoices` an SMS reply picks ("2", "#2", "option 2", "the second one", or the label
 * typed back), or null. The dialog does this itself; exported for channels that want to log or
 * pre-resolve numbered answers.
 */
export function parseChoiceReply(text: string, lastChoices: readonly Choice[]): string | null {
  return pickChoice(text, undefined, lastChoices).id;
}
