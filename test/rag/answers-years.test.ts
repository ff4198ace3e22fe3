/**
 * Figures and the years written beside them, through the real pipeline: a year written just after
 * a figure dates that figure ("compared to 40.5 per cent in 2023"), so a question about that year
 * is not answered with a figure of another year, nor with the count of a sentence whose only
 * mention of the year asked dates a share of another time; a note's number set after a stop
 * ("completed.4 This…") ends the sentence. A count is not answered with a share of it. A year a
 * figure is only compared with ("from 2023 levels") is not the year the sentence is about.
 */
import { describe } from 'vitest';
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
