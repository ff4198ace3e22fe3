/** The card that explains a malformed command: what is wrong, the syntax, an example. */
import { messages, type Lang } from '../i18n/index.ts';
import type { Card } from './card.ts';
import { COMMAND_EXAMPLES, COMMAND_SYNTAX } from './command-grammar.ts';
import type { UsageError } from './commands.ts';

export function usageToCard(error: UsageError, lang: Lang): Card {
  const m = messages(lang);
  const example = COMMAND_EXAMPLES[error.topic];
  return {
    lang,
    blocks: [
      { type: 'text', text: `${m.usage.title} ${m.usage.reasons[error.reason]({ detail: error.detail })}` },
      { type: 'text', text: m.usage.syntax },
      { type: 'code', text: example ? `${COMMAND_SYNTAX[error.topic]}\n${example}` : COMMAND_SYNTAX[error.topic] },
      { type: 'context', text: m.usage.seeHelp },
    ],
  };
}
