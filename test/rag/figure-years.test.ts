/**
 * A figure and the year written just after it: asked about one year, a figure another year dates
 * is no answer, and the figures of a sentence whose only mention of the year asked dates another
 * figure are of another time.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import { findSpans } from '../../src/rag/entities.ts';
import { figuresOfYear } from '../../src/rag/figure-years.ts';

/** The figures kept, each once (the same digits may be read as a number and as a sum). */
const kept = (text: string, lang: Lang, year: number): string[] => {
  const figures = findSpans(text, lang).filter((s) => ['number', 'amount', 'percentage'].includes(s.kind));
  return [...new Set(figuresOfYear(text, figures, lang, year).map((s) => s.text.trim()))];
};

describe('the figures of the year asked', () => {
  it.each([
    ['es', 'Colombia pasó del 36.6% en 2022 al 33% en 2023.', 2022, ['36.6%']],
    ['es', 'Colombia pasó del 36.6% en 2022 al 33% en 2023.', 2023, ['33%']],
    ['en', 'Attendance rose from 1,200 in 2021 to 1,850 in 2022.', 2021, ['1,200']],
    ['fr', 'Le taux est passé de 41 % en 2019 à 56 % en 2020.', 2020, ['56 %']],
    ['ru', 'Доля выросла с 12% в 2018 году до 19% в 2019 году.', 2018, ['12%']],
  ] as [Lang, string, number, string[]][])('keeps the figure the year dates (%s, %s)', (lang, text, year, figures) => {
    expect(kept(text, lang, year)).toEqual(figures);
  });

  it.each([
    ['en', 'Of the 250 evaluations assessed, 49.6 per cent were satisfactory, compared to 40.5 per cent in 2023.', 2023, ['40.5 per cent']],
    ['es', 'Se evaluaron 250 informes y el 49,6 % fue satisfactorio, frente al 40,5 % en 2023.', 2023, ['40,5 %']],
  ] as [Lang, string, number, string[]][])('leaves out the figures of a sentence whose year asked dates only another (%s)', (lang, text, year, figures) => {
    expect(kept(text, lang, year)).toEqual(figures);
  });

  it.each([
    ['en', 'In 2023, the office completed 250 evaluations and 40 reviews.', 2023, ['250', '40']],
    ['fr', 'En 2024, 313 évaluations ont été menées à bien, soit 68 % des 457 prévues.', 2024, ['313', '68 %', '457']],
    ['en', 'The office completed 250 evaluations, 40 of them joint.', 2023, ['250', '40']],
  ] as [Lang, string, number, string[]][])('keeps every figure of a sentence of the year asked, or of none (%s)', (lang, text, year, figures) => {
    expect(kept(text, lang, year)).toEqual(figures);
  });
});
