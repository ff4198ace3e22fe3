/**
 * What a UN-style PDF report sets around and inside its text: a table of figures by year whose
 * narrow label column wraps a label over several lines (the figures come after it, on the
 * baseline of its first line); a document symbol and a page and job number repeated at the top and
 * bottom of every page; footnotes under a rule, each opening with its number; a table whose cells
 * hold lists of names, given back column by column. Read as rows, without
 * the running lines, and without the footnotes' numbers — and answered from, through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../src/rag/ingest/parse.ts';
import { itAbstainsOn, itAnswersWith } from '../../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../../support/documents-kb.ts';
import { buildPdf, type PlacedText } from './fixtures.ts';

/** A label of several lines at the left margin, then its figures on the baseline of its first line. */
function row(y: number, label: string[], figures: string[]): PlacedText[] {
  return [...label.map((text, k) => ({ x: 72, y: y - 10 * k, text })), ...figures.map((text, k) => ({ x: 260 + 70 * k, y, text }))];
}

const RESOURCES = [
  { x: 72, y: 640, text: 'Table 2. Evaluation resources of the customs network (Thousands of United States dollars)' },
  ...['2022', '2023', '2024'].map((text, k) => ({ x: 260 + 70 * k, y: 620, text })),
  ...row(600, ['Independent', 'evaluation unit', 'spending'], ['8.7', '10.9', '11.2']),
  ...row(560, ['Decentralized reviews'], ['13.3', '14.8', '16.4']),
  ...row(540, ['Total resources of', 'the evaluation', 'function'], ['22.0', '25.7', '27.6']),
];

/** A row of a table with empty cells: its label, then each figure right-aligned under its column (x of the column's right edge). */
function sparseRow(y: number, label: string, figures: [right: number, text: string][]): PlacedText[] {
  // Helvetica's figures are about 0.556 of the type size wide.
  return [{ x: 72, y, text: label }, ...figures.map(([right, text]) => ({ x: right - text.length * 0.556 * 11, y, text }))];
}

const DONORS = [
  { x: 72, y: 700, text: 'Table 4 Contributions to the customs network, 2023 and 2024 (Thousands of United States dollars)' },
  ...sparseRow(680, 'Donor/entity', []),
  { x: 300, y: 680, text: '2023' },
  { x: 380, y: 680, text: '2024' },
  { x: 440, y: 680, text: '2024 in-kind' },
  ...sparseRow(660, 'Norway', [[320, '218.8']]),
  ...sparseRow(648, 'Portugal', [[320, '313.0'], [400, '226.0']]),
  ...sparseRow(636, 'Regional Training Centre', [[400, '200.0']]),
  { x: 72, y: 624, text: 'Office of the Coordinator for Border' },
  ...sparseRow(614, 'and Customs Reform', [[490, '60.6']]),
  { x: 72, y: 602, text: 'Institute of Statistics, Trade and' },
  ...sparseRow(592, 'Customs Data', [[400, '2.1']]),
  ...sparseRow(580, 'Total', [[320, '531.8'], [400, '428.1'], [490, '60.6']]),
];

/** A table of lists of names, given back column by column: each item where the PDF sets it (11 pt, 10 pt between a name's lines). */
const STATUS = [
  { x: 72, y: 700, text: 'Table 6 Status of the customs reviews planned for 2025 and 2026' },
  { x: 250, y: 640, text: '2025' },
  { x: 405, y: 640, text: '2026' },
  { x: 72, y: 620, text: 'Region' },
  { x: 200, y: 620, text: 'Completed' },
  { x: 300, y: 620, text: 'Cancelled' },
  { x: 400, y: 620, text: 'Ongoing' },
  { x: 72, y: 590, text: 'Africa' },
  { x: 200, y: 590, text: 'Central African' },
  { x: 200, y: 580, text: 'Republic' },
  { x: 200, y: 560, text: 'Ghana' },
  { x: 300, y: 590, text: 'Namibia' },
  { x: 400, y: 590, text: 'Kenya' },
  { x: 400, y: 570, text: 'Uganda' },
  { x: 72, y: 530, text: 'Latin America and the' },
  { x: 200, y: 530, text: 'Cuba' },
  { x: 400, y: 530, text: 'Peru' },
  { x: 72, y: 520, text: 'Caribbean' },
  { x: 200, y: 510, text: 'Paraguay' },
];

/** A page of a report: its symbol at the top, its page and job number at the bottom, and what it says between. */
function reportPage(n: number, body: PlacedText[]): { heading: string; lines: PlacedText[] } {
  return { heading: `Part ${n}`, lines: [{ x: 480, y: 760, text: 'CUS/26/4', size: 8 }, ...body, { x: 72, y: 40, text: `${n}/3 26-04417`, size: 8 }] };
}

const REPORT = buildPdf(
  [
    reportPage(1, [
      { x: 72, y: 680, text: 'The network met in Tunis from 3 to 5 March 2026 to review its training plan.' },
      { x: 72, y: 120, text: '__________________', size: 8 },
      { x: 72, y: 108, text: '4 Adopted under decision 12/7 of the council.', size: 8 },
      { x: 72, y: 98, text: '5 Council records, vol. 1771, No. 30822.', size: 8 },
    ]),
    reportPage(2, RESOURCES),
    reportPage(3, [{ x: 72, y: 740, text: 'The network will report again to the council at its next session.' }, ...DONORS]),
    reportPage(4, STATUS),
  ],
  'Report of the customs network',
);

describe('a UN-style PDF report', () => {
  it('reads a table of figures by year whose labels wrap as rows headed by the years', async () => {
    const lines = (await parseBytes('pdf', REPORT)).sections.flatMap((s) => s.text.split('\n'));
    expect(lines).toContain('Independent evaluation unit spending — 2022: 8.7; 2023: 10.9; 2024: 11.2');
    expect(lines).toContain('Decentralized reviews — 2022: 13.3; 2023: 14.8; 2024: 16.4');
    expect(lines).toContain('Total resources of the evaluation function — 2022: 22.0; 2023: 25.7; 2024: 27.6');
  });

  it('puts each figure of a table with empty cells under the column it stands under, a wrapped label whole', async () => {
    const lines = (await parseBytes('pdf', REPORT)).sections.flatMap((s) => s.text.split('\n'));
    expect(lines).toContain('Norway — 2023: 218.8');
    expect(lines).toContain('Portugal — 2023: 313.0; 2024: 226.0');
    expect(lines).toContain('Regional Training Centre — 2024: 200.0');
    expect(lines).toContain('Office of the Coordinator for Border and Customs Reform — 2024 in-kind: 60.6');
    expect(lines).toContain('Institute of Statistics, Trade and Customs Data — 2024: 2.1');
    expect(lines).toContain('Total — 2023: 531.8; 2024: 428.1; 2024 in-kind: 60.6');
  });

  it('reads a table of lists of names as rows, each name whole, under its year and column', async () => {
    const lines = (await parseBytes('pdf', REPORT)).sections.flatMap((s) => s.text.split('\n'));
    expect(lines).toContain('Africa — 2025 Completed: Central African Republic, Ghana; 2025 Cancelled: Namibia; 2026 Ongoing: Kenya, Uganda');
    expect(lines).toContain('Latin America and the Caribbean — 2025 Completed: Cuba, Paraguay; 2026 Ongoing: Peru');
  });

  it('leaves out the lines repeated at the top and bottom of its pages, and the footnotes’ numbers', async () => {
    const text = (await parseBytes('pdf', REPORT)).sections.map((s) => s.text).join('\n');
    expect(text).not.toContain('CUS/26/4');
    expect(text).not.toContain('26-04417');
    expect(text).toContain('Council records, vol. 1771');
    expect(text).not.toMatch(/\b5 Council records/);
    expect(text).not.toContain('____');
    // What the pages say is all there.
    expect(text).toContain('The network met in Tunis');
    expect(text).toContain('report again to the council');
  });
});

const kb = useDocumentsKnowledgeBase({ 'report.pdf': REPORT });

describe('answers from such a report', () => {
  itAnswersWith('the cell of the year asked, as a sum in the table’s currency', kb, [
    ['en', 'How much did the independent evaluation unit spend in 2023?', '10.9'],
    ['fr', 'Combien l’unité d’évaluation indépendante a-t-elle dépensé en 2023 ?', '10.9'],
    ['es', '¿Cuánto gastó la unidad de evaluación independiente en 2024?', '11.2'],
    ['ru', 'Сколько потратило независимое подразделение по оценке в 2022 году?', '8.7'],
  ]);
  itAnswersWith('a donor’s cell of the year asked, in a table with empty cells', kb, [
    ['en', 'How much did Norway contribute to the customs network in 2023?', '218.8'],
    ['es', '¿Cuánto aportó Portugal a la red de aduanas en 2024?', '226.0'],
    ['ru', 'Какой взнос Норвегия внесла в 2023 году?', '218.8'],
  ]);
  itAnswersWith('the names a list holds, in a table of lists', kb, [
    ['en', 'Which country teams in Africa completed their customs review in 2025?', 'Central African Republic'],
    ['es', '¿Qué equipos de América Latina y el Caribe terminaron su examen aduanero en 2025?', 'Cuba'],
  ], 'answer');
  itAbstainsOn('no figure for a year the table does not hold, nor a footnote’s number', kb, [
    ['en', 'How much did Norway contribute to the customs network in 2024?', '218.8'],
    ['en', 'How much did the independent evaluation unit spend in 2021?', '8.7'],
    ['en', 'How many delegates attended the council’s previous session?', '5'],
  ]);
});
