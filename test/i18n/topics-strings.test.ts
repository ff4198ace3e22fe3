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
