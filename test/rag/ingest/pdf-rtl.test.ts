/**
 * Arabic reports made with a word processor, as PDF.js reads them: each line's runs come in
 * reading order from the right margin leftwards, with no space between runs set apart on the
 * page, and each lam-alef ligature turned around with its run ("االقتصادية" for "الاقتصادية",
 * "خالل" for "خلال"). The lines are read with their spaces and the article before an alef put
 * right, and such a text is answered from in Arabic and in other languages.
 */
import { describe, expect, it } from 'vitest';
import { repairLamAlef, toLines, type TextItem } from '../../../src/rag/ingest/parse-pdf.ts';
import { cellsOf } from '../../../src/rag/ingest/pdf-lines.ts';
import { itAbstainsOn, itAnswersWith } from '../../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../../support/documents-kb.ts';

/** A run of a right-to-left line: its text, its left edge and width on the page (points). */
const run = (str: string, x: number, width: number, y = 700, hasEOL = false): TextItem => ({ str, x, y, width, fontSize: 11, hasEOL, dir: 'rtl' });

describe('lines of a right-to-left PDF', () => {
  it('puts a space between runs set apart, none between the pieces of one word', () => {
    const lines = toLines([
      run('البرنامج العادي للتعاون الفني أداة هامة', 330.1, 172.7),
      // "لت" + "نفيذ": one word cut in two runs that touch.
      run('لت', 319.3, 6.4),
      run('نفيذ برنامج عمل', 245.6, 73.7),
      run('اللجنة االقتصادية واالجتماعية', 56.9, 184.1, 700, true),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['البرنامج العادي للتعاون الفني أداة هامة لتنفيذ برنامج عمل اللجنة الاقتصادية والاجتماعية']);
  });

  it('sets a figure apart from the words around it', () => {
    const lines = toLines([run('بلغت القيمة النهائية للمخصصات ما مجموعه', 300, 200), { str: '73,826,700', x: 240, y: 700, width: 52, fontSize: 11, hasEOL: false, dir: 'ltr' }, run('دوالر', 200, 30, 700, true)]);
    expect(lines[0]?.text).toBe('بلغت القيمة النهائية للمخصصات ما مجموعه 73,826,700 دوالر');
  });

  it('tells a table’s cells apart by a wide gap, right to left', () => {
    const lines = toLines([run('قطر', 480, 20), { str: '346,438', x: 300, y: 700, width: 40, fontSize: 11, hasEOL: false, dir: 'ltr' }, { str: '120,000', x: 150, y: 700, width: 40, fontSize: 11, hasEOL: true, dir: 'ltr' }]);
    expect(cellsOf(lines[0] as NonNullable<(typeof lines)[0]>)).toEqual(['قطر', '346,438', '120,000']);
  });

  it('leaves a left-to-right line as PDF.js gives it', () => {
    const ltr = (str: string, x: number, width: number): TextItem => ({ str, x, y: 500, width, fontSize: 11, hasEOL: false, dir: 'ltr' });
    expect(toLines([ltr('Technical ', 72, 50), ltr('cooperation', 122, 60), ltr(' in 2017', 182, 40)])[0]?.text).toBe('Technical cooperation in 2017');
  });

  it('puts the article before a word opening with alef back in order, and nothing else', () => {
    expect(repairLamAlef('اللجنة االقتصادية واالجتماعية لغربي آسيا (اإلسكوا) والدول األعضاء إال')).toBe('اللجنة الاقتصادية والاجتماعية لغربي آسيا (الإسكوا) والدول الأعضاء إلا');
    // Correct Arabic never holds two alefs in a row: unchanged.
    const correct = 'من خلال الاقتصادية والإسكوا ومسألة الأعمال في العالم';
    expect(repairLamAlef(correct)).toBe(correct);
  });
});

describe('answers from an Arabic report read from such a PDF', () => {
  // Its lines as PDF.js gives them: runs without spaces between them, the article's ligature turned around.
  const lines = toLines([
    run('عقدت', 500, 25),
    run('اإلسكوا ثلاث ورشات عمل حول تعزيز', 330, 165),
    run('العالقات التجارية بين الدول األعضاء', 150, 175, 700, true),
    run('في عمان عام', 480, 50, 684),
    { str: '2017', x: 455, y: 684, width: 20, fontSize: 11, hasEOL: false, dir: 'ltr' },
    run('بمشاركة', 400, 45, 684),
    { str: '64', x: 385, y: 684, width: 10, fontSize: 11, hasEOL: false, dir: 'ltr' },
    run('خبيرا.', 350, 30, 684, true),
  ]);
  const kb = useDocumentsKnowledgeBase({
    'report-ar.txt': [
      'تقرير عن التعاون الفني',
      '',
      lines.map((l) => l.text).join(' '),
      '',
      'وبلغت ميزانية برنامج تطوير الإحصاءات 420,000 دولار لفترة السنتين.',
      '',
      // Such reports number their paragraphs "37-": a paragraph's number is not a figure it gives.
      '37- شارك في الدورة ممثلون عن عدد من الدول الأعضاء والمنظمات الإقليمية.',
    ].join('\n'),
  });

  itAnswersWith('a question meets the words the lines were cut into', kb, [
    ['ar', 'كم خبيرا شارك في ورشات الإسكوا عام 2017؟', '64'],
    ['en', 'How many experts took part in the ESCWA workshops in 2017?', '64'],
    ['fr', 'Combien d’experts ont participé aux ateliers de la CESAO en 2017 ?', '64'],
  ]);

  itAbstainsOn('a figure the report does not give', kb, [
    ['ar', 'كم خبيرا شارك في ورشات الإسكوا عام 2019؟', '64'],
    ['ar', 'كم عدد الممثلين الذين شاركوا في الدورة؟', '37'],
    ['fr', 'Combien de représentants ont participé à la session ?', '37'],
  ]);
});
