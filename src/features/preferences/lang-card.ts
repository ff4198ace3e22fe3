/** The language picker and the confirmation of a new language. */
import { ACTIONS } from '../../core/actions.ts';
import type { Card } from '../../core/card.ts';
import { LANGS, messages, type Lang } from '../../i18n/index.ts';

export function langPickerToCard(lang: Lang): Card {
  return {
    lang,
    blocks: [
      { type: 'text', text: messages(lang).lang.choose },
      {
        type: 'actions',
        buttons: LANGS.map((code) => ({
          actionId: ACTIONS.langSet,
          label: messages(code).languageName,
          value: code,
          ...(code === lang ? { style: 'primary' as const } : {}),
        })),
      },
    ],
  };
}

/** Confirms the change, in the new language. */
export function langSetToCard(lang: Lang): Card {
  return { lang, blocks: [{ type: 'text', text: messages(lang).lang.set }] };
}
