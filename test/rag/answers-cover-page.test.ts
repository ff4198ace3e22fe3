/**
 * A project appraisal report as development banks write them: a cover page of headings with no
 * text of their own ("Project: …", "Country: …"), which name what the whole report is about, and
 * sums in the bank's unit of account ("thousand UA", "SDR 20 million", "milliers UC"). The cover's
 * headings open the first passage, so a question naming the project by its full name finds the
 * report's own sentences about "the scheme"; and a unit of account is read as money. A figure
 * before "and", "to" or "or" and a figure with its unit shares that unit ("by 20 and 65 per cent").
 */
import { describe, expect, it } from 'vitest';
import { findSpans } from '../../src/rag/entities.ts';
import { parseBytes } from '../../src/rag/ingest/parse.ts';
import { itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const APPRAISAL = `# REGIONAL DEVELOPMENT BANK GROUP
## PROJECT: SUPPORT TO THE DEVELOPMENT OF THE KWANZA VALLEY IRRIGATION SCHEME (KVIS)
## COUNTRY: MULTINATIONAL
## PROJECT APPRAISAL REPORT
### OPERATIONS DEPARTMENT
October 2013

# PROJECT DESCRIPTION
## Components
The first component, "Water works", has an estimated cost of 31 035 thousand UA. The second component, "Support to farmers' access to markets", has an estimated cost of 12 933 thousand UA. The third component, "Management of the scheme", has an estimated cost of 4 262 thousand UA.

## Financing
The total cost of the scheme amounts to 48 230 thousand UA. The Fund's grant of SDR 20 million covers the works.

# RISKS
Floods and the price of seeds are the main risks.
`;

describe('a cover page of headings', () => {
  it('opens the first section, under the headings that have text', async () => {
    const doc = await parseBytes('md', Buffer.from(APPRAISAL));
    expect(doc.sections[0]?.text).toBe('PROJECT: SUPPORT TO THE DEVELOPMENT OF THE KWANZA VALLEY IRRIGATION SCHEME (KVIS)\nCOUNTRY: MULTINATIONAL\n\nOctober 2013');
    expect(doc.sections[0]?.headings).toEqual(['REGIONAL DEVELOPMENT BANK GROUP', 'PROJECT APPRAISAL REPORT', 'OPERATIONS DEPARTMENT']);
    // Only the first text gets them: a heading left empty later on is not repeated.
    expect(doc.sections.slice(1).some((s) => s.text.includes('KWANZA'))).toBe(false);
  });
});

describe('units of account', () => {
  it.each([
    ['en', 'The total cost amounts to 48 230 thousand UA.', '48 230 thousand UA'],
    ['en', 'The grant of SDR 20 million covers the works.', 'SDR 20 million'],
    ['fr', 'Le coût total du projet s’élève à 112 229 milliers UC.', '112 229 milliers UC'],
    ['fr', 'Un don de 39,4 millions d’UC est proposé.', '39,4 millions d’UC'],
    ['es', 'El costo total asciende a 12 500 unidades de cuenta.', '12 500 unidades de cuenta'],
    ['ru', 'Грант составит 20 млн СДР.', '20 млн СДР'],
  ] as const)('(%s) %s', (lang, text, amount) => {
    expect(findSpans(text, lang).find((s) => s.kind === 'amount')?.text.replace(/\.$/, '')).toBe(amount);
  });
});

describe('a figure sharing the unit of the one after it', () => {
  it.each([
    ['en', 'Contributions from NGOs increased by 20 and 65 per cent, respectively.', 'percentage'],
    ['fr', 'Une hausse de 20 à 30 % des dépenses.', 'percentage'],
    ['es', 'Entre 3 y 5 millones de dólares por año.', 'amount'],
    ['ru', 'Расходы выросли на 20 и 65 процентов.', 'percentage'],
    ['en', 'The course lasts 2 or 3 days.', 'duration'],
  ] as const)('(%s) %s', (lang, text, kind) => {
    const first = findSpans(text, lang).find((s) => /^\d+$/.test(s.text));
    expect(first?.kind).toBe(kind);
  });

  it('leaves a count before another count as it is', () => {
    expect(findSpans('From 12 to 45 participants attended.', 'en').filter((s) => s.kind === 'number').map((s) => s.text)).toEqual(['12', '45']);
  });
});

describe('answers from a project appraisal report', () => {
  const kb = useDocumentsKnowledgeBase({ 'appraisal.md': APPRAISAL });
  itAnswersWith('a sum in the bank’s unit, of the project its cover names', kb, [
    ['en', 'How much is the Fund’s grant for the Kwanza valley irrigation scheme?', 'SDR 20 million'],
    ['fr', 'Quel est le montant du don du Fonds pour le périmètre irrigué de la vallée de Kwanza ?', 'SDR 20 million'],
    ['en', 'What is the estimated cost of the water works component of the KVIS project?', '31 035 thousand UA'],
  ]);
});
