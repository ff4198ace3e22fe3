import { describe, expect, it } from 'vitest';
import { MIN_WORDS_TO_DETECT, detectLang, resolveLang } from '../../src/core/language.ts';
import { langFromLocale } from '../../src/i18n/index.ts';

const FRENCH = 'Comment puis-je demander une assistance technique pour mon ministère ?';
const SPANISH = '¿Cómo puedo solicitar asistencia técnica para mi ministerio?';

describe('detectLang', () => {
  it.each([
    ['en', 'How does a member state request technical assistance?'],
    ['fr', FRENCH],
    ['es', SPANISH],
    ['ru', 'Как запросить техническую помощь для нашего министерства?'],
    ['zh', '我们的部委如何申请技术援助？'],
    ['ar', 'كيف يمكن لوزارتنا طلب المساعدة التقنية؟'],
  ])('tells %s', (lang, text) => {
    expect(detectLang(text)).toBe(lang);
  });

  it.each([
    ['en', 'By 15 June 2023, how many Siamese trainees had been placed or trained?'],
    ['en', 'Which Senegalese agency ran the Dakar workshop?'],
    ['fr', 'Combien de délégués du Burkina Faso ont suivi la session ?'],
    ['es', '¿Cuántas personas asistieron a la sesión de Montevideo?'],
    ['es', '¿Qué institución recibió la subvención del CIID?'],
  ])('tells %s from its function words, whatever names it holds: %s', (lang, text) => {
    expect(detectLang(text)).toBe(lang);
  });

  it(`does not guess from fewer than ${MIN_WORDS_TO_DETECT} Latin-script words`, () => {
    expect(MIN_WORDS_TO_DETECT).toBe(3);
    expect(detectLang('Bonjour merci')).toBeUndefined();
    expect(detectLang('  Hola  ')).toBeUndefined();
    expect(detectLang('')).toBeUndefined();
  });

  it('guesses from a short text in a non-Latin script', () => {
    expect(detectLang('我需要帮助')).toBe('zh');
    expect(detectLang('مساعدة')).toBe('ar');
    expect(detectLang('Здравствуйте')).toBe('ru');
  });
});

describe('langFromLocale', () => {
  it.each([
    ['fr-CA', 'fr'],
    ['zh-Hans-CN', 'zh'],
    ['es_ES', 'es'],
    [' EN-us ', 'en'],
    ['de-DE', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});

describe('resolveLang order: stored > detected > locale > default', () => {
  it('prefers the stored language over everything', () => {
    expect(resolveLang({ stored: 'ru', text: FRENCH, locale: 'es-ES', fallback: 'en' })).toBe('ru');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(resolveLang({ stored: 'de', text: FRENCH, locale: 'es-ES', fallback: 'en' })).toBe('fr');
    expect(resolveLang({ stored: null, text: FRENCH, locale: 'es-ES', fallback: 'en' })).toBe('fr');
  });

  it('uses the language of a question of 3+ words over the locale', () => {
    expect(resolveLang({ text: SPANISH, locale: 'fr-FR', fallback: 'en' })).toBe('es');
  });

  it('falls back to the locale when the text is too short to tell', () => {
    expect(resolveLang({ text: 'Bonjour merci', locale: 'es-MX', fallback: 'en' })).toBe('es');
    expect(resolveLang({ text: 'Hola', fallback: 'fr' })).toBe('fr');
  });

  it('falls back to the locale without text, and to the default without a usable locale', () => {
    expect(resolveLang({ locale: 'ar-EG', fallback: 'en' })).toBe('ar');
    expect(resolveLang({ locale: 'de-DE', fallback: 'zh' })).toBe('zh');
    expect(resolveLang({ fallback: 'es' })).toBe('es');
  });
});
