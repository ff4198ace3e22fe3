/**
 * Checks Adaptive Cards with the real `adaptivecards` library, as Teams' renderer would: parse
 * problems (unknown types, invalid values) and validation problems, with Teams' host settings.
 */
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import { TEAMS_ACTION_SET_MAX_ACTIONS } from '../../adapters/teams/render.ts';

// The package's Node entry wants a DOM; its bundle parses and validates without one.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

// The library checks `lang` with a global regular expression, whose `lastIndex` survives a match
// and makes every other check of the same value fail: use a copy without the global flag.
const langProperty = AC.CardElement.langProperty as { regEx?: RegExp };
if (langProperty.regEx?.global) langProperty.regEx = new RegExp(langProperty.regEx.source, langProperty.regEx.flags.replace('g', ''));

/** Teams' host configuration shows up to 6 actions in a set (the library's default is 5). */
const teamsHostConfig = new AC.HostConfig({ actions: { maxActions: TEAMS_ACTION_SET_MAX_ACTIONS } });

export { AC };

/** Every problem the library finds in a card, as messages (none for a valid card). */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  card.hostConfig = teamsHostConfig;
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const found: string[] = [];
  for (let i = 0; i < context.eventCount; i++) found.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) found.push(`validate: ${event.message}`);
  return found;
}
