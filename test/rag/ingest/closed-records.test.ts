/**
 * Records that end with their figures, one wrapped cell per line (a table copied out of a PDF):
 * each becomes a row under its title with its figures named by the header, its text after it;
 * a page break's repeated header, running title and page number are left out; tables of other
 * shapes (a cell per paragraph) and prose are left to the rest of the layout.
 */
import { describe, expect, it } from 'vitest';
import { closedRecordTables, closingCell } from '../../../src/rag/ingest/closed-records.ts';
import { isRowLine, rowCells } from '../../../src/rag/ingest/layout.ts';

const HEADER = ['PROJETS FINANCÉS EN 2024', 'PAYS ET TITRE', 'OBJECTIF', 'DATE DE DÉBUT', 'MONTANT'];
const PROJECTS = [
  'Le tableau ci-dessous liste les projets.',
  ...HEADER,
  'Mali : Irrigation des',
  'périmètres villageois',
  'Aménager les périmètres irrigués de la région de Ségou et former',
  'les comités de gestion.',
  'Avril',
  '2024',
  '120 000 €',
  'Niger : Cantines',
  'scolaires',
  'Approvisionner les cantines de 40 écoles rurales en produits locaux.',
  'Mai',
  '2024',
  '85 000 €',
  '',
  '3',
  ...HEADER,
  'Tchad : Forages',
  'pastoraux',
  'Creuser des forages sur les routes de transhumance.',
  'Juin',
  '2023',
  '60 000 €',
  'La liste est arrêtée au 31 décembre.',
];

describe('a table of records closed by their figures', () => {
  it('reads each record as a row under its title, its figures named by the header, its text after it', () => {
    const [table, ...others] = closedRecordTables(PROJECTS);
    expect(others).toEqual([]);
    expect(table?.columns).toEqual(['PAYS ET TITRE', 'OBJECTIF']);
    const rows = table?.rows ?? [];
    // (A colon inside a cell is kept from reading as a header's.)
    expect(rows.filter(isRowLine)).toEqual([
      'Mali :\u00a0Irrigation des périmètres villageois — DATE DE DÉBUT: Avril 2024; MONTANT: 120 000 €',
      'Niger :\u00a0Cantines scolaires — DATE DE DÉBUT: Mai 2024; MONTANT: 85 000 €',
      'Tchad :\u00a0Forages pastoraux — DATE DE DÉBUT: Juin 2023; MONTANT: 60 000 €',
    ]);
    expect(rowCells(rows[0] ?? '').cells).toEqual([
      { header: 'DATE DE DÉBUT', value: 'Avril 2024' },
      { header: 'MONTANT', value: '120 000 €' },
    ]);
    // The record's text follows its row; the page break (its number, header and running title) is gone.
    expect(rows[1]).toBe('Aménager les périmètres irrigués de la région de Ségou et former les comités de gestion.');
    expect(rows.join('\n')).not.toMatch(/PROJETS FINANCÉS|^3$/m);
    // The table ends with its last figure: the sentence after it is prose again.
    expect(PROJECTS.slice(table?.end)).toEqual(['La liste est arrêtée au 31 décembre.']);
    expect(PROJECTS[table?.start ?? -1]).toBe('PAYS ET TITRE');
  });

  it('tells a line of figures or dates from a page number or words', () => {
    expect(closingCell('$250,000')).toBe('amount');
    expect(closingCell('2024')).toBe('date');
    expect(closingCell('April')).toBe('date');
    expect(closingCell('12 %')).toBe('percentage');
    expect(closingCell('3')).toBeUndefined();
    expect(closingCell('Displacement')).toBeUndefined();
    expect(closingCell('Budget 2024')).toBeUndefined();
  });

  it('leaves a table of one cell per paragraph and prose with figures alone', () => {
    const perParagraph = ['Langue', '', 'Inscrits', '', 'Arabe', '', '161', '', 'Russe', '', '159', '', 'Espagnol', '', '273'];
    expect(closedRecordTables(perParagraph)).toEqual([]);
    const prose = ['The programme began in', '2019', 'and grew every year after.', 'Its budget reached', '$2,000,000', 'by the end.', 'It closed in', '2023'];
    expect(closedRecordTables(prose)).toEqual([]);
  });
});
