/** The help card: every command the person may use, explained in their language. */
import { ACTIONS } from '../../core/actions.ts';
import type { Card } from '../../core/card.ts';
import { COMMAND_SYNTAX, HELP_TOPICS, MODERATOR_TOPICS } from '../../core/command-grammar.ts';
import { syntaxBlock } from '../../core/usage-card.ts';
import { isolateLtr, messages, type HelpTopic, type Lang } from '../../i18n/index.ts';
import type { Role } from '../../store/index.ts';

function fieldsFor(topics: HelpTopic[], lang: Lang): { label: string; value: string }[] {
  const m = messages(lang);
  // The command column is left to right inside right-to-left text.
  return topics.map((topic) => ({ label: isolateLtr(COMMAND_SYNTAX[topic], lang), value: m.help.commands[topic] }));
}

/** What a guest cannot do, left out of their help (proposing needs the moderator's leave). */
const NOT_FOR_GUESTS: ReadonlySet<HelpTopic> = new Set<HelpTopic>(['invite', 'topic propose']);

/** Help for everyone, with the moderators' commands for moderators only. */
export function helpToCard(lang: Lang, role: Role): Card {
  const m = messages(lang);
  const everyone = HELP_TOPICS.filter((t) => !MODERATOR_TOPICS.has(t) && !(role === 'guest' && NOT_FOR_GUESTS.has(t)));
  const moderators = HELP_TOPICS.filter((t) => MODERATOR_TOPICS.has(t));
  return {
    lang,
    blocks: [
      { type: 'header', text: m.help.title },
      { type: 'text', text: `${m.help.intro}\n\n${m.help.askHint}` },
      { type: 'fields', fields: fieldsFor(everyone, lang) },
      ...(role === 'moderator'
        ? [
            { type: 'header' as const, text: m.help.moderatorSection },
            { type: 'fields' as const, fields: fieldsFor(moderators, lang) },
          ]
        : []),
      { type: 'actions', buttons: [{ actionId: ACTIONS.langSet, label: m.lang.choose, value: '' }] },
      { type: 'context', text: m.help.footer },
    ],
  };
}

/** Help for one command: what it does, its syntax and an example. */
export function commandHelpToCard(topic: HelpTopic, lang: Lang): Card {
  const m = messages(lang);
  return {
    lang,
    blocks: [
      { type: 'text', text: m.help.commands[topic] },
      syntaxBlock(topic, lang),
      { type: 'context', text: m.usage.seeHelp },
    ],
  };
}
