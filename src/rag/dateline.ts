/**
 * "When was the report published": a page or a report says so on a line of its own under its
 * title ("10 April 2025"), a dateline that no sentence repeats. Such a line answers a question
 * about when the text itself came out before any date of the events it reports.
 */
import type { Lang } from '../i18n/index.ts';
import { findSpans } from './entities.ts';
import type { Unit } from './units.ts';

/** Verbs and nouns of a text coming out, by language. */
const PUBLISHED: Record<Lang, RegExp> = {
  en: /\b(?:publish|published|publication|post|posted|issued?|released?|came out|put online|write-?up)\b/,
  fr: /\bpubli|\bmis(?:e)? en ligne\b|\bparu|\bdiffus[ée]/,
  es: /\bpublic[óoa]|\bpublicad|\bpublicaci[óo]n\b|\bdifund|\bemiti[óo]|\bsali[óo]/,
  ru: /опублик|публикац|размещ[её]н|размест|вышел|вышла|выпущен/,
  ar: /نشر|نُشر|صدر|أصدر|إصدار/,
  zh: /发布|发表|刊登|公布|出版|刊发|上线/,
};

/** A text's coming out, as questions say it. */
export const PUBLICATION_WORDS: Record<Lang, string[]> = {
  en: ['published', 'publish', 'posted', 'released', 'issued'],
  fr: ['publié', 'publiée', 'publiés', 'publier', 'parution', 'paru'],
  es: ['publicó', 'publicado', 'publicada', 'publicaron', 'publicación'],
  ar: ['نشر', 'نُشر', 'نشرت', 'صدر', 'صدرت'],
  ru: ['опубликован', 'опубликована', 'опубликовано', 'опубликовали', 'опубликовал', 'вышел', 'вышла'],
  zh: ['发布', '发表', '公布', '刊登'],
};

/** How much more surely a dateline answers a question about when the text came out. */
export const DATELINE_FACTOR = 2.5;
/** A dateline stands among the first lines of a document's first passage. */
const DATELINE_UNITS = 4;
/** Words a dateline may hold besides its date ("Published on", "Mis à jour le"). */
const DATELINE_MAX_WORDS = 3;

export function asksPublication(question: string, lang: Lang): boolean {
  return PUBLISHED[lang].test(question.toLowerCase());
}

/** Whether the unit is a date standing alone near the top of a document (its dateline). */
export function isDateline(unit: Unit, index: number, ordinal: number, lang: Lang): boolean {
  if (ordinal !== 0 || index >= DATELINE_UNITS) return false;
  const date = findSpans(unit.text, lang).find((s) => s.kind === 'date');
  if (!date) return false;
  const rest = (unit.text.slice(0, date.start) + unit.text.slice(date.end)).trim();
  return rest === '' || rest.split(/\s+/).length <= DATELINE_MAX_WORDS;
}
