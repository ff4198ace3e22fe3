/** The scheduler's notes to moderators, in their language, with dates on the forum's clock. */
import { textCard, type Card } from '../../core/card.ts';
import { messages, type Lang } from '../../i18n/index.ts';
import type { ModeratorNotice } from '../../scheduler/weekly-scheduler.ts';
import { formatSlot } from './handle-topics.ts';

export function noticeToCard(notice: ModeratorNotice, lang: Lang, timeZone: string): Card {
  const m = messages(lang).topics;
  const when = formatSlot(notice.slotAt, timeZone, lang);
  switch (notice.kind) {
    case 'queue_empty':
      return textCard(m.reminderQueueEmpty({ next: when }), lang);
    case 'slot_skipped':
      return textCard(m.slotSkipped({ when }), lang);
    case 'slot_empty':
      return textCard(m.slotEmpty({ when }), lang);
    default: {
      const unreachable: never = notice;
      return unreachable;
    }
  }
}
