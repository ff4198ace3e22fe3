import { describe, expect, it } from 'vitest';
import { LANGS, messages } from '../../src/i18n/index.ts';

/** Lengths as the platforms count them: in characters (code points), not UTF-16 units. */
const length = (text: string): number => [...text].length;

describe.each(LANGS)('the forms in %s', (lang) => {
  const { forms } = messages(lang);

  it('keep modal titles, submit and cancel buttons within 24 characters', () => {
    const short = {
      close: forms.close,
      'topic.title': forms.topic.title,
      'topic.submit': forms.topic.submit,
      'poll.title': forms.poll.title,
      'poll.submit': forms.poll.submit,
    };
    for (const [key, text] of Object.entries(short)) {
      expect(text.trim(), key).not.toBe('');
      expect(length(text), `${key}: "${text}"`).toBeLessThanOrEqual(24);
    }
  });

  it('keep button and choice labels within 75 characters', () => {
    const labels = {
      openTopicForm: forms.openTopicForm,
      openPollForm: forms.openPollForm,
      showHelp: forms.showHelp,
      'poll.kindSingle': forms.poll.kindSingle,
      'poll.kindMulti': forms.poll.kindMulti,
      'poll.kindRating': forms.poll.kindRating,
      'poll.anonymousNo': forms.poll.anonymousNo,
      'poll.anonymousYes': forms.poll.anonymousYes,
    };
    for (const [key, text] of Object.entries(labels)) {
      expect(text.trim(), key).not.toBe('');
      expect(length(text), `${key}: "${text}"`).toBeLessThanOrEqual(75);
    }
  });

  it('keep the closing-time example within 150 characters, in a form the poll grammar accepts', () => {
    expect(length(forms.poll.closesPlaceholder)).toBeLessThanOrEqual(150);
    expect(forms.poll.closesPlaceholder).toContain('2026-12-01 17:00 UTC');
  });

  it('give an example of several options, one per line', () => {
    expect(forms.poll.optionsPlaceholder.split('\n').length).toBeGreaterThanOrEqual(2);
  });
});
