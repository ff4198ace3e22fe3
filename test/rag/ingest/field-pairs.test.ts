/**
 * A cover page's box of fields copied out of a PDF — each field's label on one line, its value on
 * the next, a blank line between fields — becomes a two-column table: one "label — value" line a
 * field, found and quoted with what it is. A label with a colon says so alone; without colons only
 * a run of such pairs does, so prose of two short lines is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { joinFieldPairs } from '../../../src/rag/ingest/field-pairs.ts';
import { parseMarkdown } from '../../../src/rag/ingest/parse-markdown.ts';
import { parseText } from '../../../src/rag/ingest/parse-text.ts';
import { itAnswersWith } from '../../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../../support/documents-kb.ts';

const COVER = [
  'Final evaluation of the River Basin Programme',
  '',
  'Programme Dates',
  '15 Feb 2018—30 Jun 2022',
  '',
  'Countries',
  '4 countries / 2 regions',
  '',
  'Programme Budget',
  'US$ 12,400,000',
  '',
  'Evaluation Type:',
  'Final Evaluation',
  '',
  'Lead evaluator:',
  'Marisol Quintero',
  '',
  'The programme helped four countries share the data of their river basins and plan their water use together.',
];

describe('a box of fields on two lines each', () => {
  it('joins each label with its value', () => {
    const joined = joinFieldPairs(COVER).filter(Boolean);
    expect(joined).toEqual([
      'Final evaluation of the River Basin Programme',
      'Programme Dates — 15 Feb 2018—30 Jun 2022',
      'Countries — 4 countries / 2 regions',
      'Programme Budget — US$ 12,400,000',
      'Evaluation Type — Final Evaluation',
      'Lead evaluator — Marisol Quintero',
      'The programme helped four countries share the data of their river basins and plan their water use together.',
    ]);
  });

  it('joins a label with a colon alone, but not prose of two short lines', () => {
    expect(joinFieldPairs(['Contact:', 'Ana Ruiz', '', 'More below.']).filter(Boolean)).toEqual(['Contact — Ana Ruiz', 'More below.']);
    const prose = ['The board met twice', 'in the spring of 2021.', '', 'Its minutes follow.'];
    expect(joinFieldPairs(prose)).toEqual(prose);
    // A label whose sentence goes on, in lower case, on the next line is no field.
    const goesOn = ['20 new trainers recruited:', 'the network widened (in particular to regions with few of them)', '', 'March - April 2015'];
    expect(joinFieldPairs(goesOn)).toEqual(goesOn);
    expect(joinFieldPairs(['Evaluator Email Address:', 'ana@example.org']).filter(Boolean)).toEqual(['Evaluator Email Address — ana@example.org']);
  });

  it('reads a signature, a name with the position under it, as the position naming the person', () => {
    expect(joinFieldPairs(['Njoya Tikum', 'Représentant Résident ai']).filter(Boolean)).toEqual(['Représentant Résident ai — Njoya Tikum']);
    expect(joinFieldPairs(['Alfonso Fernandez de Castro', 'Representante Residente Adjunto']).filter(Boolean)).toEqual(['Representante Residente Adjunto — Alfonso Fernandez de Castro']);
    // Two headings, or a name with a line that holds no position, are no signature.
    for (const lines of [['Executive Summary', 'Introduction'], ['Silvia Morimoto', 'Asunción, 2020']]) expect(joinFieldPairs(lines)).toEqual(lines);
    // A list item is no field's value.
    expect(joinFieldPairs(['Text:', '- None visible.'])).toEqual(['Text:', '- None visible.']);
  });

  it('is read so in a text file and in Markdown alike', () => {
    for (const parsed of [parseText(COVER.join('\n')), parseMarkdown(COVER.join('\n'))]) {
      const text = parsed.sections.map((s) => s.text).join('\n');
      expect(text).toContain('Lead evaluator — Marisol Quintero');
      expect(text).toContain('Programme Budget — US$ 12,400,000');
    }
  });
});

const FOREWORD_ES = [
  '# Presentación',
  '',
  'Este programa es fruto de un año de diálogo con el Gobierno, la sociedad civil y los asociados para el desarrollo.',
  '',
  'Marta Villalba Ortiz',
  'Representante Residente',
  '',
  '3',
].join('\n');

const EDITORIAL_FR = ['Éditorial', '', 'L’année écoulée a vu le bureau renforcer ses partenariats avec les communes et la société civile.', '', 'Jean-Marc Okoye', 'Directeur de pays par intérim', '', '5'].join('\n');

const kb = useDocumentsKnowledgeBase({ 'cover.md': COVER.join('\n'), 'presentacion.md': FOREWORD_ES, 'editorial.txt': EDITORIAL_FR });

describe('answers from a box of fields', () => {
  itAnswersWith('answers with the field’s value', kb, [
    ['en', 'Who led the evaluation of the River Basin Programme?', 'Quintero'],
    ['es', '¿Quién fue la evaluadora principal del programa River Basin?', 'Quintero'],
    ['en', 'What was the budget of the River Basin Programme?', '12,400,000'],
    ['fr', 'Quel était le budget du programme River Basin ?', '12,400,000'],
  ]);

  itAnswersWith('names who signs in a position', kb, [
    ['es', '¿Quién firma la presentación como Representante Residente?', 'Villalba'],
    ['fr', 'Qui signe l’éditorial en tant que directeur de pays par intérim ?', 'Okoye'],
  ]);
});
