/**
 * A two-column table that a PDF's text gives column after column — the labels' header and labels,
 * then the figures' header and figures, a blank line between every two — is read back as rows,
 * each label with its figure; only when both runs are as long as each other and, when the last
 * label is a total, the last figure is the sum of the others. Through the parsers and the answers.
 */
import { describe, expect, it } from 'vitest';
import { figureValue, stackedColumnTables } from '../../../src/rag/ingest/stacked-columns.ts';
import { parseMarkdown } from '../../../src/rag/ingest/parse-markdown.ts';
import { parseText } from '../../../src/rag/ingest/parse-text.ts';
import { itAnswersWith } from '../../support/answer-cases.ts';
import { BY_COUNTRY } from '../../support/fund-tables.ts';
import { useDocumentsKnowledgeBase } from '../../support/documents-kb.ts';

/** One line each, with a blank line between, as such text comes. */
const spaced = (lines: string[]): string[] => lines.flatMap((l) => [l, '']);

const RECOVERED = spaced([
  'The finance unit billed every agency it served for the cost of its services during the year.',
  'Agencies',
  'WFP RB',
  'UNICEF',
  'UNHCR',
  'UNOPS',
  'TOTAL',
  'Human resources (HR)',
  'Amounts recovered (USD)',
  '12 480,50',
  '315,25',
  '7 904,00',
  '2 100,75',
  '22 800,50',
  'The unit also renewed the contracts of its staff on time.',
]);

describe('a two-column table given column after column', () => {
  it('pairs each label with its figure, under both headers, the caption above', () => {
    const [table, ...others] = stackedColumnTables(RECOVERED);
    expect(others).toEqual([]);
    expect(table?.header).toEqual(['Agencies', 'Amounts recovered (USD)']);
    expect(table?.caption).toEqual(['Human resources (HR)']);
    expect(table?.rows).toEqual([
      ['WFP RB', '12 480,50'],
      ['UNICEF', '315,25'],
      ['UNHCR', '7 904,00'],
      ['UNOPS', '2 100,75'],
      ['TOTAL', '22 800,50'],
    ]);
  });

  it('leaves the lines alone when the total is not the sum, or the runs differ in length', () => {
    const wrongTotal = RECOVERED.map((l) => (l === '22 800,50' ? '23 800,50' : l));
    expect(stackedColumnTables(wrongTotal)).toEqual([]);
    const oneFigureShort = RECOVERED.filter((l) => l !== '315,25');
    expect(stackedColumnTables(oneFigureShort)).toEqual([]);
    // A table given row after row (its header, then each record's cells) is another shape.
    expect(stackedColumnTables(BY_COUNTRY)).toEqual([]);
    // Without a total, three labels and three figures may pair by chance.
    expect(stackedColumnTables(spaced(['Agencies', 'UNICEF', 'UNHCR', 'UNOPS', 'Amounts recovered (USD)', '315,25', '7 904,00', '2 100,75']))).toEqual([]);
    // Letters of a word set vertically, and page numbers, are no table.
    expect(stackedColumnTables(spaced(['V', 'N', 'E', '3', '2', '0']))).toEqual([]);
  });

  it('reads figures in each locale’s form', () => {
    expect(figureValue('19 746,52')).toBeCloseTo(19746.52);
    expect(figureValue('1,064,659')).toBe(1064659);
    expect(figureValue('7.364,49')).toBeCloseTo(7364.49);
    expect(figureValue('$2,093,000.00')).toBe(2093000);
  });

  it('becomes rows with their headers in a text file and in Markdown alike', () => {
    const row = 'WFP RB — Amounts recovered (USD): 12 480,50';
    const text = parseText(RECOVERED.join('\n')).sections.map((s) => s.text).join('\n');
    const markdown = parseMarkdown(['# Operations', '', ...RECOVERED].join('\n')).sections.map((s) => s.text).join('\n');
    for (const parsed of [text, markdown]) {
      expect(parsed).toContain(row);
      expect(parsed).toContain('The unit also renewed the contracts of its staff on time.');
    }
  });
});

const kb = useDocumentsKnowledgeBase({ 'operations.md': ['# Country office: operations in 2021', '', ...RECOVERED].join('\n') });

describe('answers from a table given column after column', () => {
  itAnswersWith('answers with the figure of the row asked about', kb, [
    ['en', 'How much did the office recover from UNHCR for its services?', '7 904,00'],
    ['fr', 'Combien le bureau a-t-il recouvré auprès de l’UNOPS ?', '2 100,75'],
    ['es', '¿Cuánto recuperó la oficina de UNICEF por sus servicios?', '315,25'],
  ]);
});
