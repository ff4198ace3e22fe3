/**
 * One table split in two (a schedule of sessions, and further on their attendance, under the same
 * row labels) is read as one: a row holds its whole record, so a question naming a cell of one
 * part and asking for a cell of the other is answered. Tables that only share row numbers, or
 * whose shared column disagrees, stay apart.
 */
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../../src/rag/ingest/parse.ts';
import { itAnswersWith } from '../../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../../support/documents-kb.ts';

const REPORT_EN = [
  '# Report on the 2026 online training sessions on customs valuation',
  '',
  '## Sessions held',
  '',
  'The secretariat organised five online sessions, listed below.',
  '',
  '| No. | Title | Date | Language |',
  '|---|---|---|---|',
  '| 1 | Valuation of used vehicles | 4 February 2026 | English |',
  '| 2 | Transfer pricing and customs value | 19 February 2026 | French |',
  '| 3 | Royalties and licence fees | 5 March 2026 | English |',
  '| 4 | Valuation databases | 26 March 2026 | Spanish |',
  '| 5 | Post-clearance audit of declared values | 9 April 2026 | English |',
  '',
  '## Attendance',
  '',
  'Each session was announced to the administrations of the region it was meant for.',
  '',
  '| No. | Language | Registered | Attended |',
  '|---|---|---|---|',
  '| 1 | English (West Africa) | 212 | 118 |',
  '| 2 | French | 164 | 97 |',
  '| 3 | English (Pacific) | 88 | 41 |',
  '| 4 | Spanish | 240 | 133 |',
  '| 5 | English (South Asia) | 175 | 102 |',
].join('\n');

const text = (md: string): Promise<string> => parseContent('md', new TextEncoder().encode(md)).then((d) => d.sections.map((s) => s.text).join('\n'));

describe('a table continued under the same row labels', () => {
  it('joins the later table’s cells to the earlier table’s rows, once', async () => {
    const rows = (await text(REPORT_EN)).split('\n').filter((l) => l.startsWith('No. 3 — '));
    expect(rows).toEqual(['No. 3 — Title: Royalties and licence fees; Date: 5 March 2026; Language: English (Pacific); Registered: 88; Attended: 41']);
  });

  it('keeps apart two tables that only share their row numbers', async () => {
    const md = [
      '| No. | Country | Experts |',
      '|---|---|---|',
      '| 1 | Kenya | 12 |',
      '| 2 | Peru | 9 |',
      '| 3 | Nepal | 7 |',
      '',
      'Budget lines follow.',
      '',
      '| No. | Budget line | Amount |',
      '|---|---|---|',
      '| 1 | Travel | 40 000 |',
      '| 2 | Interpretation | 25 000 |',
      '| 3 | Venues | 18 000 |',
    ].join('\n');
    const lines = (await text(md)).split('\n');
    expect(lines.filter((l) => l.startsWith('No. 2 — '))).toEqual(['No. 2 — Country: Peru; Experts: 9', 'No. 2 — Budget line: Interpretation; Amount: 25 000']);
  });

  it('keeps apart two tables whose shared column disagrees on a row', async () => {
    const md = [
      '| Session | Language | Date |',
      '|---|---|---|',
      '| A | English | 4 May |',
      '| B | French | 9 May |',
      '| C | Spanish | 14 May |',
      '',
      'A year later:',
      '',
      '| Session | Language | Attended |',
      '|---|---|---|',
      '| A | Arabic | 30 |',
      '| B | French | 41 |',
      '| C | Spanish | 52 |',
    ].join('\n');
    const lines = (await text(md)).split('\n');
    expect(lines.filter((l) => l.startsWith('B — '))).toEqual(['B — Language: French; Date: 9 May', 'B — Language: French; Attended: 41']);
  });

  it('joins tables of the same named rows that share no column', async () => {
    const md = [
      '| Country | Workshops |',
      '|---|---|',
      '| Kenya | 3 |',
      '| Peru | 2 |',
      '| Nepal | 4 |',
      '',
      'Spending by country:',
      '',
      '| Country | Spent |',
      '|---|---|',
      '| Kenya | 31 000 |',
      '| Peru | 18 500 |',
      '| Nepal | 27 250 |',
    ].join('\n');
    const lines = (await text(md)).split('\n');
    expect(lines.filter((l) => l.startsWith('Peru — '))).toEqual(['Peru — Workshops: 2; Spent: 18 500']);
  });
});

const kb = useDocumentsKnowledgeBase({ 'sessions.md': REPORT_EN });

describe('a question joining the two parts of a record', () => {
  itAnswersWith('the date of the session named by its region', kb, [
    ['en', 'When was the English session for the Pacific held?', '5 March 2026'],
    ['fr', 'Quand a eu lieu la session en anglais destinée au Pacifique ?', '5 March 2026'],
    ['es', '¿En qué fecha se celebró la sesión en inglés para el Pacífico?', '5 March 2026'],
    ['ru', 'Когда прошла англоязычная сессия для Тихоокеанского региона?', '5 March 2026'],
  ]);
  itAnswersWith('the attendance of the session named by its title', kb, [
    ['en', 'How many people attended the session on valuation databases?', '133'],
    ['fr', 'Combien de personnes ont assisté à la session sur les bases de données d’évaluation ?', '133'],
    ['zh', '关于估价数据库的那次培训有多少人参加？', '133'],
  ]);
});
