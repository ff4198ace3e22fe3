import { describe, expect, it } from 'vitest';
import { LANGS, messages } from '../../src/i18n/index.ts';

/** Lengths as the platforms count them: in characters (code points), not UTF-16 units. */
const length = (text: string): number => [...text].length;

describe.each(LANGS)('the topics strings in %s', (lang) => {
  const { topics } = messages(lang);

  it('keep the approve and reject buttons within 30 characters', () => {
    for (const [key, text] of Object.entries({ approve: topics.approve, reject: topics.reject })) {
      expect(text.trim(), key).not.toBe('');
      expect(length(text), `${key}: "${text}"`).toBeLessThanOrEqual(30);
    }
  });

  it('insert every value they are given', () => {
    const cases: [string, string, string[]][] = [
      ['proposed', topics.proposed({ id: '12' }), ['#12']],
      ['item', topics.item({ id: '12', title: 'Peer review', author: '@Ana' }), ['#12', 'Peer review', '@Ana']],
      ['rejectNeedsReason', topics.rejectNeedsReason({ id: '12' }), ['#12', 'topic reject 12']],
      ['approved', topics.approved({ id: '12', position: 3 }), ['#12', '3']],
      ['rejected', topics.rejected({ id: '12' }), ['#12']],
      ['notWaiting', topics.notWaiting({ id: '12' }), ['#12']],
      ['every', topics.every({ weekday: 'WEEKDAY', time: '09:00', zone: 'Europe/Zurich' }), ['WEEKDAY', '09:00', 'Europe/Zurich']],
      ['scheduleSet', topics.scheduleSet({ every: 'EVERY', next: 'NEXT' }), ['EVERY', 'NEXT']],
      ['proposerApproved', topics.proposerApproved({ title: 'Peer review' }), ['Peer review']],
      ['proposerRejected', topics.proposerRejected({ title: 'Peer review', reason: 'Already discussed' }), ['Peer review', 'Already discussed']],
      ['reminderQueueEmpty', topics.reminderQueueEmpty({ next: 'NEXT' }), ['NEXT', 'topic propose']],
      ['slotSkipped', topics.slotSkipped({ when: 'WHEN' }), ['WHEN']],
      ['slotEmpty', topics.slotEmpty({ when: 'WHEN' }), ['WHEN']],
    ];
    for (const [key, text, values] of cases) {
      for (const value of values) expect(text, key).toContain(value);
    }
  });

  it('give the reject syntax with the reason last', () => {
    expect(topics.rejectNeedsReason({ id: '12' })).toMatch(/topic reject 12 <[^>]+>/);
  });
});

describe('counts in the topics and questions strings', () => {
  it('are words of the count’s own plural form, never "(s)" or "1 times"', () => {
    for (const lang of LANGS) {
      const { topics, ask } = messages(lang);
      for (const n of [1, 2, 5, 21]) {
        const texts = [topics.postedNow({ id: '3', channels: n }), topics.closed({ id: '3', title: 'T', participants: n, replies: n, threads: n }), ask.unansweredTimes({ count: n, date: 'D' })];
        for (const text of texts) expect(text, `${lang} ${n}`).not.toMatch(/\((?:s|es|aux)\)|\b1 times\b/);
      }
    }
    expect(messages('en').ask.unansweredTimes({ count: 1, date: 'D' })).toBe('(once, last on D)');
    expect(messages('en').topics.postedNow({ id: '3', channels: 1 })).toBe('#3 posted in 1 discussion channel.');
    expect(messages('ru').topics.closed({ id: '3', title: 'T', participants: 5, replies: 2, threads: 1 })).toContain('2 ответа от 5 участников');
    expect(messages('es').topics.postedNow({ id: '3', channels: 2 })).toContain('2 canales de debate');
  });
});
