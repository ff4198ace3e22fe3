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
      const word = words[key];
      const reference = en[key];
      if (typeof word === 'string' || typeof reference === 'string') {
        expect(typeof word, key).toBe(typeof reference);
        const [text, english] = [word, reference] as [string, string];
        expect(text.trim(), key).not.toBe('');
        expect(marks(text), key).toEqual(marks(english));
        continue;
      }
      // Plural forms: each form holds the English values but the count, which a form may write in words.
      const values = (text: string): string[] => marks(text).filter((m) => m !== 'n');
      for (const [category, form] of Object.entries(word)) {
        expect(form.trim(), `${key}.${category}`).not.toBe('');
        expect(values(form), `${key}.${category}`).toEqual(values(reference.other));
      }
    }
  });

  it('fill in every value they are given', () => {
    const text = dashboardText(lang, 'requestLine', { name: 'NAME', platform: 'slack', n: 14, requester: 'slack:U1', date: 'DATE' });
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
    for (const [key, text] of Object.entries(fr).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : Object.values(v).map((form) => [k, form])))) {
      // Not in an address or a time (Europe/Zurich, 09:00), where there is no space at all.
      expect(text, key).not.toMatch(/[ \t][:;?!»]/);
      expect(text, key).not.toMatch(/«[ \t]/);
      expect(text, key).not.toMatch(/[^\u00a0\s][;?!»]|«[^\u00a0]/);
      // A colon that ends a clause (not one inside a time or an address) has its no-break space.
      expect(text, key).not.toMatch(/[^\u00a0]:(\s|$)/);
    }
    expect(dashboardText('fr', 'uploadAdded', { title: 'T', n: 3 })).toBe('«\u00a0T\u00a0» a été ajouté à la base de connaissances\u00a0: 3 passages.');
  });
});

describe('fillDashboard', () => {
  it('leaves a mark without a value as it is', () => {
    expect(fillDashboard('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
