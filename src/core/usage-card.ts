/** The card that explains a malformed command: what is wrong, the syntax, an example. */
import { isolateLtr, messages, type HelpTopic, type Lang } from '../i18n/index.ts';
import type { Block, Card } from './card.ts';
import { COMMAND_EXAMPLES, COMMAND_SYNTAX } from './command-grammar.ts';
import type { UsageError } from './commands.ts';

/** A command's syntax and its example, left to right even in a right-to-left card. */
export function syntaxBlock(topic: HelpTopic, lang: Lang): Block {
  const example = COMMAND_EXAMPLES[topic];
  return { type: 'code', text: isolateLtr(example ? `${COMMAND_SYNTAX[topic]}\n${example}` : COMMAND_SYNTAX[topic], lang) };
}

export function usageToCard(error: UsageError, lang: Lang): Card {
  const m = messages(lang);
  return {
    lang,
    blocks: [
      { type: 'text', text: `${m.usage.title} ${m.usage.reasons[error.reason]({ detail: error.detail })}` },
      { type: 'text', text: m.usage.syntax },
      syntaxBlock(error.topic, lang),
      { type: 'context', text: m.usage.seeHelp },
    ],
  };
}
