/**
 * Answers from tables, through the real pipeline (ingestion, the built-in glossary and lexicon,
 * retrieval, extraction) on a document written for this test: a Markdown table of labels and
 * values at the head of a project report (no header row) describes one project, so each of its
 * rows is read with the others (the project's number is in another row than its officer); a cell
 * that is a name answers "who". Another project's number is no answer. In a table with headers,
 * the column whose header names more of the question answers; a date in figures meets the date
 * written out; a people's name finds an old name of its country that no entry knows.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const REPORT_FR = [
  '# Rapport de fin de projet',
  '',
  "|  Numéro et titre du projet | 4021 Gestion de l'eau pour les vallées du Sahel  |",
  '| --- | --- |',
  '|  Administrateur responsable | Claire Dubois  |',
  '|  Chercheur principal | Moussa Keita  |',
  "|  Établissement bénéficiaire | Institut sahélien de l'eau  |",
  '|  Lieu : Pays | Niger et Tchad  |',
  '|  Fonds de source interne | 412,000 CAD  |',
  '|  Date de début du projet | 1er mars 2018  |',
  '',
  '## Résumé du projet',
  '',
  "Le projet a aidé les communes rurales à partager l'eau des mares entre éleveurs et cultivateurs. Les comités locaux ont tenu des registres des prélèvements et ont formé des animateurs dans chaque village.",
].join('\n');

const PLACES_EN = [
  '# Regional training places',
  '',
  'Country| Places offered for the year| Applications received at 15.6.23| Trainees placed or trained at 15.6.23',
  '---|---|---|---',
  'Siam| 40| 31| 18',
  'Burma| 25| 12| 9',
  'Ceylon| 20| 14| 11',
  '',
  'Places that are not taken by the end of the year go back to the common reserve.',
].join('\n');

/** A table saved as text by a word processor: one cell per line, nothing between its rows. */
const RESULTS_EN = [
  'Customs training results 2025',
  '',
  'The regional academy trained officers of three administrations.',
  'Table 2 - Training results by country',
  'Country',
  '\tTrainees',
  '\tCertified',
  '\tShare certified (%)',
  '\tKenya',
  '\t48',
  '\t41',
  '\t85',
  '\tPeru',
  '\t31',
  '\t22',
  '\t71',
  '\tNepal',
  '\t27',
  '\t25',
  '\t93',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'rapport-projet.md': REPORT_FR, 'places.md': PLACES_EN, 'results.txt': RESULTS_EN });

describe('a table of labels and values', () => {
  it.each([
    ['en', 'Who was the principal investigator of project 4021?', /Moussa Keita$/],
    ['ru', 'Кто был главным исследователем проекта 4021?', /Moussa Keita$/],
    ['es', '¿Quién fue el investigador principal del proyecto 4021?', /Moussa Keita$/],
    ['en', 'How much internal money did project 4021 receive?', /412,000$/],
    // An acronym no document has may be the asker's language's name of a body the document names otherwise.
    ['es', '¿Quién fue el investigador principal del proyecto 4021 financiado por el CIID?', /Moussa Keita$/],
  ] as [Lang, string, RegExp][])('answers from the row the question names, with the project named in another row (%s): %s', async (lang, question, lead) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    const [first, , quote] = answer.answer.split('\n');
    expect(first).toMatch(lead);
    expect(quote).toMatch(/^«?“?(?:Chercheur principal|Fonds de source interne) — /);
  });

  it.each([
    ['en', 'Who was the principal investigator of project 5177?'],
    ['ru', 'Кто был главным исследователем проекта 5177?'],
    // …but asked in the document's own language, it is a body the document does not name.
    ['fr', 'Qui était le chercheur principal du projet 4021 du FIDA ?'],
  ] as [Lang, string][])('does not answer for another project or body (%s): %s', async (lang, question) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(false);
  });
});

describe('a table with headers', () => {
  it.each([
    ['en', 'By 15 June 2023, how many Siamese trainees had been placed or trained?', /18$/],
    ['en', 'How many applications had been received from Burmese candidates by 15 June 2023?', /12$/],
    ['en', 'How many places were offered to Ceylon for the year?', /20$/],
  ] as [Lang, string, RegExp][])('answers from the column the question names, in the row of the people it names (%s): %s', async (lang, question, lead) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer.split('\n')[0]).toMatch(lead);
  });

  it('does not answer for a people the table does not have', async () => {
    const answer = await kb().answer('By 15 June 2023, how many Tibetan trainees had been placed or trained?', 'en');
    expect(answer.answered, answer.answer).toBe(false);
  });
});

describe('a table saved as text, one cell per line', () => {
  it.each([
    ['es', '¿Cuántas personas de Perú fueron certificadas?', /22$/],
    ['ru', 'Сколько человек из Непала прошли обучение?', /27$/],
    // Chinese runs the noun counted into the verb after it ("多少人参加"): people are counted, not "took part".
    ['zh', '秘鲁有多少人参加了培训？', /31$/],
    ['en', 'Which country had the highest share certified?', /Nepal/],
  ] as [Lang, string, RegExp][])('answers from the row and column the question names (%s): %s', async (lang, question, lead) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer.split('\n')[0]).toMatch(lead);
  });
});
