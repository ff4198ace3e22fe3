/**
 * Answers from a table whose records end with their figures, copied out of a PDF one cell per
 * line (a list of grants: title, text, start date, amount), through the real pipeline. Read as
 * prose, a record's date and amount run into the next record's title, and a question about that
 * grant gets the previous one's amount; read as records, each amount answers for its own grant,
 * in the asker's language, across a page break that repeats the header.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const HEADER = ['GRANTS APPROVED AS OF 31 DECEMBER 2024', 'COUNTRY AND GRANT TITLE', 'DEVELOPMENT OBJECTIVE', 'START DATE', 'GRANT AMOUNT'];
const GRANTS = [
  ...HEADER,
  'Kenya: Water kiosks for',
  'informal settlements',
  'TF0A1111',
  'Improve access to safe water in informal settlements of Nairobi through',
  'community-run kiosks and a tariff that covers operating costs. The grant',
  'also trains kiosk operators.',
  'March',
  '2023',
  '$250,000',
  'Nepal: Biogas for rural',
  'households',
  'TF0A2222',
  'Expand the use of household biogas plants in the hill districts, with',
  'subsidies paid after each plant is checked as working.',
  'June',
  '2024',
  '$480,000',
  '',
  '## Page 2',
  '2',
  ...HEADER,
  'Peru: Solar lanterns for',
  'Andean schools',
  'TF0A3333',
  'Provide solar lanterns to rural schools in the Andes so that pupils can',
  'study after dark; teachers keep the lanterns charged.',
  'October',
  '2022',
  '$95,000',
  'Senegal: Mobile health',
  'records',
  'TF0A4444',
  'Set up mobile records for mothers and infants in the Kolda region,',
  'shared by health posts and the district hospital.',
  'January',
  '2025',
  '$310,000',
].join('\n');

// The same table in a Markdown file (a PDF's text pasted under headings), and in a text file.
const kb = useDocumentsKnowledgeBase({ 'grants.txt': GRANTS });
const kbMarkdown = useDocumentsKnowledgeBase({ 'grants.md': `# Grants\n\n${GRANTS}` });

describe('a table of records closed by their figures', () => {
  it.each([
    ['en', 'How much is the grant for solar lanterns in Peru?', '$95,000'],
    ['fr', 'Quel est le montant de la subvention pour les dossiers médicaux mobiles au Sénégal ?', '$310,000'],
    ['ru', 'Какова сумма гранта на биогаз в Непале?', '$480,000'],
    ['es', '¿Cuándo empezó la subvención de biogás en Nepal?', 'June 2024'],
  ] as [Lang, string, string][])('answers with the record’s own figure, not the one before its title (%s): %s', async (lang, question, fact) => {
    for (const base of [kb(), kbMarkdown()]) {
      const answer = await base.answer(question, lang);
      expect(answer.answered, answer.answer).toBe(true);
      expect(answer.answer.split('\n')[0]).toContain(fact);
    }
  });

  it.each([
    ['en', 'In which region are the mobile health records for Senegal set up?', 'Kolda'],
    ['fr', 'Dans quelle région les dossiers médicaux mobiles du Sénégal sont-ils mis en place ?', 'Kolda'],
    ['en', 'Who keeps the solar lanterns charged in the Peru grant?', 'teachers'],
  ] as [Lang, string, string][])('answers from a record’s text, read under its title (%s): %s', async (lang, question, fact) => {
    for (const base of [kb(), kbMarkdown()]) {
      const answer = await base.answer(question, lang);
      expect(answer.answered, answer.answer).toBe(true);
      expect(answer.answer.slice(0, 700)).toContain(fact);
    }
  });

  it('does not answer for a country the table does not have', async () => {
    const answer = await kb().answer('How much is the grant for Bolivia?', 'en');
    expect(answer.answered, answer.answer).toBe(false);
  });
});
