/**
 * Figures and the years written beside them, through the real pipeline: a year written just after
 * a figure dates that figure ("compared to 40.5 per cent in 2023"), so a question about that year
 * is not answered with a figure of another year, nor with the count of a sentence whose only
 * mention of the year asked dates a share of another time; a note's number set after a stop
 * ("completed.4 This…") ends the sentence. A count is not answered with a share of it. A year a
 * figure is only compared with ("from 2023 levels") is not the year the sentence is about; nor
 * is a year only inside a period's name in a sentence that opens with its own year.
 */
import { describe, expect, it } from 'vitest';
import { namesOtherYear } from '../../src/rag/years.ts';
import { itAbstainsOn, itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const REPORT_EN = [
  '# Annual report on evaluation',
  '',
  'Of 457 decentralized evaluations planned for the year, 68 per cent (313) were completed.4 This represents an increase from 2023, when 65 per cent of planned evaluations were completed.',
  '',
  'Of the 250 evaluations quality-assessed by the Office, 49.6 per cent were rated satisfactory, compared to 40.5 per cent in 2023.',
].join('\n');

const NOTE_ES = [
  '# Nota sobre la pobreza en Ruritania',
  '',
  'La pobreza monetaria bajó 3.6 puntos porcentuales, al pasar del 36.6% en 2022 al 33% en 2023.',
].join('\n');

const SUPPLY_EN = [
  '# Annual statistical report on procurement, 2024',
  '',
  'Norway became the third largest supplier country at $0.9 billion, marking a 12.4 per cent increase from 2023 levels.',
].join('\n');

const ACHATS_FR = [
  '# Rapport annuel sur les achats, 2024',
  '',
  'Le Kenya est devenu le quatrième pays fournisseur, avec 610 millions de dollars, soit une hausse de 9 % par rapport à 2023.',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'report.md': REPORT_EN, 'nota.md': NOTE_ES, 'supply.md': SUPPLY_EN, 'achats.md': ACHATS_FR });

describe('a figure and the year written after it', () => {
  itAnswersWith('answers with the figure of the year asked', kb, [
    ['es', '¿Cuál era la tasa de pobreza monetaria en Ruritania en 2022?', '36.6%'],
    ['fr', 'Quel était le taux de pauvreté monétaire en Ruritanie en 2023 ?', '33%'],
    ['en', 'What share of the planned evaluations was completed in 2023?', '65 per cent'],
    ['ru', 'Каким был уровень денежной бедности в Руритании в 2023 году?', '33%'],
  ]);

  itAbstainsOn('does not answer a year with the figure of another', kb, [
    // 250 and 49.6 are of the report's own year; 2023 dates only 40.5 per cent.
    ['en', 'How many evaluations did the Office quality-assess in 2023?', '250'],
    ['ar', 'كم عدد التقييمات التي قيّمها المكتب من حيث الجودة في عام 2023؟', '250'],
    // A count is not a share of it: "how many in 2023" is not answered with 65 per cent.
    ['es', '¿Cuántas evaluaciones se completaron en 2023?', '65 per cent'],
  ]);
});

describe('a year a figure is compared with ("an increase from 2023 levels", "par rapport à 2023")', () => {
  itAnswersWith('is no other year the sentence reports on', kb, [
    ['en', 'Which country was the third largest supplier country in 2024?', 'Norway'],
    ['es', '¿Qué país fue el tercer mayor proveedor en 2024?', 'Norway'],
    ['fr', 'Quel pays était le quatrième fournisseur en 2024 ?', 'Kenya'],
  ]);
});

// A sentence that opens with its year is about that year: the year asked only inside a period's name there is not it.
const FUND_EN = [
  '# The joint fund',
  '',
  'In 2024, the joint fund received contributions totalling $4.9 million from 11 donors (13 donors over the Strategic Framework 2022–2025).',
  '',
  'The joint fund finances pilot projects of national statistical offices.',
].join('\n');

describe('a sentence opening with its year', () => {
  const kb = useDocumentsKnowledgeBase({ 'fund.md': FUND_EN });
  itAnswersWith('answers for that year', kb, [
    ['en', 'How much did the joint fund receive in contributions in 2024?', '4.9'],
    ['fr', 'Combien le fonds commun a-t-il reçu en contributions en 2024 ?', '4.9'],
  ]);
  itAbstainsOn('not for a year its period’s name holds', kb, [
    ['en', 'How much did the joint fund receive in contributions in 2022?', '4.9'],
    ['fr', 'Combien le fonds commun a-t-il reçu en contributions en 2022 ?', '4.9'],
    ['es', '¿Cuánto recibió el fondo común en contribuciones en 2022?', '4.9'],
    ['ru', 'Сколько взносов получил совместный фонд в 2022 году?', '4.9'],
  ]);
});

describe('the year a sentence opens with, in the six languages', () => {
  it.each([
    'In 2024, the fund received $4.9 million under the Strategic Framework 2022–2025.',
    'En 2024, le fonds a reçu 4,9 millions de dollars au titre du cadre stratégique 2022-2025.',
    'Durante 2024, el fondo recibió 4,9 millones de dólares en el marco estratégico 2022-2025.',
    'В 2024 году фонд получил 4,9 млн долларов в рамках стратегических рамок на 2022–2025 годы.',
    'في عام 2024، تلقى الصندوق 4.9 مليون دولار في إطار الإطار الاستراتيجي 2022-2025.',
    '2024年，该基金在2022-2025年战略框架下收到490万美元。',
  ])('%s is about 2024, not 2022', (text) => {
    expect(namesOtherYear(text, 2022)).toBe(true);
    expect(namesOtherYear(text, 2024)).toBe(false);
  });

  it('leaves a sentence that names the year asked alone, or opens with no year', () => {
    expect(namesOtherYear('In 2024, the fund received $4.9 million, against $3.1 million in 2022.', 2022)).toBe(false);
    expect(namesOtherYear('The Strategic Framework 2022–2025 received $4.9 million.', 2022)).toBe(false);
  });
});
