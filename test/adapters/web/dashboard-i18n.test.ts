/**
 * The dashboard's words in six languages: every key in every language (the compiler checks it; so
 * does this test, at run time), never empty, with the same `{values}` as the English reference;
 * French typography (a no-break space before : ; ? ! and inside « »); Arabic right to left.
 */
import { describe, expect, it } from 'vitest';
import { dashboardDir, dashboardMessages, dashboardText, fillDashboard, type DashboardKey } from '../../../src/i18n/dashboard/index.ts';
import { LANGS } from '../../../src/i18n/index.ts';

const en = dashboardMessages('en');
const keys = Object.keys(en).sort() as DashboardKey[];
const marks = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe.each(LANGS)('the dashboard’s words in %s', (lang) => {
  const words = dashboardMessages(lang);

  it('give every key, none empty, with the values of the English text', () => {
    expect(Object.keys(words).sort()).toEqual(keys);
    for (const key of keys) {
      expect(words[key].trim(), key).not.toBe('');
      expect(marks(words[key]), key).toEqual(marks(en[key]));
    }
  });

  it('fill in every value they are given', () => {
    const text = dashboardText(lang, 'requestLine', { name: 'NAME', platform: 'slack', days: 14, requester: 'slack:U1', date: 'DATE' });
    for (const value of ['NAME', 'slack', '14', 'slack:U1', 'DATE']) expect(text).toContain(value);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('are written in the language’s direction', () => {
    expect(dashboardDir(lang)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  });
});

describe('French typography in the dashboard', () => {
  const fr = dashboardMessages('fr');
  it('puts a no-break space before : ; ? ! and inside « »', () => {
    for (const [key, text] of Object.entries(fr)) {
      // Not in an address or a time (Europe/Zurich, 09:00), where there is no space at all.
      expect(text, key).not.toMatch(/[ \t][:;?!»]/);
      expect(text, key).not.toMatch(/«[ \t]/);
      expect(text, key).not.toMatch(/[^\u00a0\s][;?!»]|«[^\u00a0]/);
      // A colon that ends a clause (not one inside a time or an address) has its no-break space.
      expect(text, key).not.toMatch(/[^\u00a0]:(\s|$)/);
    }
    expect(fr.uploadAdded).toBe('«\u00a0{title}\u00a0» a été ajouté à la base de connaissances\u00a0: {chunks} passages.');
  });
});

describe('fillDashboard', () => {
  it('leaves a mark without a value as it is', () => {
    expect(fillDashboard('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
