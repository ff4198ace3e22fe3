/**
 * Grid tables, as pandoc writes a Word document's tables into Markdown (a call for tenders' scoring
 * grid): rows read with their cells' wrapped lines joined and their list items kept apart, a
 * figure found in its own item; pandoc's attributes ("[text]{.mark}", "{#id .unnumbered}") left out.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/rag/ingest/parse-markdown.ts';
import { itAnswersWith } from '../../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../../support/documents-kb.ts';

const GRID_FR = [
  '# Appel d’offres : formation des agents des douanes',
  '',
  '## Grille de sélection {#grille-de-selection .unnumbered}',
  '',
  '+--------------------------------------------------------+---------+',
  '| **Critère**                                            | Note    |',
  '+========================================================+=========+',
  '| Qualité de l’offre technique                           | 20      |',
  '|                                                        | points  |',
  '+--------------------------------------------------------+---------+',
  '| Preuve de trois marchés similaires :                   | 22      |',
  '|                                                        | points  |',
  '| -   3 attestations de bonne exécution : 3 points       |         |',
  '|                                                        |         |',
  '| -   3 copies de contrats similaires avec leur          |         |',
  '|     intitulé, les parties et leurs signatures : 15     |         |',
  '|     points                                             |         |',
  '|                                                        |         |',
  '| -   3 bons de commande : 4 points                      |         |',
  '+--------------------------------------------------------+---------+',
  '| Offre financière                                       | 50      |',
  '|                                                        | points  |',
  '+--------------------------------------------------------+---------+',
  '',
  'Les offres sont à envoyer à [« offres@douanes.example.org »]{.mark} avant le 30 juin 2026.',
].join('\n');

describe('a grid table in Markdown', () => {
  it('is read as rows, each cell’s lines joined and its list items apart', () => {
    const doc = parseMarkdown(GRID_FR);
    const lines = doc.sections.flatMap((s) => s.text.split('\n')).filter(Boolean);
    expect(lines).toContain('Qualité de l’offre technique — Note: 20 points');
    expect(lines).toContain(
      'Preuve de trois marchés similaires : 3 attestations de bonne exécution : 3 points; 3 copies de contrats similaires avec leur intitulé, les parties et leurs signatures : 15 points; 3 bons de commande : 4 points — Note: 22 points',
    );
    expect(lines).toContain('Offre financière — Note: 50 points');
    expect(lines.join('\n')).not.toMatch(/\+---|\|/);
  });

  it('leaves pandoc’s attributes out of headings and text', () => {
    const doc = parseMarkdown(GRID_FR);
    expect(doc.sections.map((s) => s.headings.at(-1))).toContain('Grille de sélection');
    expect(doc.sections.map((s) => s.text).join('\n')).toContain('Les offres sont à envoyer à « offres@douanes.example.org » avant le 30 juin 2026.');
  });
});

const kb = useDocumentsKnowledgeBase({ 'appel.md': GRID_FR });

describe('answers from a grid table', () => {
  itAnswersWith('the figure of the item asked, not of the one before it', kb, [
    ['fr', 'Combien de points rapportent les copies de contrats similaires signées ?', '15'],
    ['en', 'How many points do the copies of similar contracts with their signatures earn?', '15'],
  ]);
  itAnswersWith('a row’s figure', kb, [
    ['fr', 'Combien de points vaut l’offre financière ?', '50'],
  ]);
});
