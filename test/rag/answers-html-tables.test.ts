/**
 * Answers from a table written in raw HTML inside a Markdown page, as converters of web pages and
 * word-processor files leave them: each row kept whole with its headers (a country's full stop
 * does not cut a row from its label), and a cell of text answering "which organisation" when it
 * holds the question's words. Through the real pipeline, in several languages.
 */
import { describe } from 'vitest';
import { itAbstainsOn, itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const POSTS: [country: string, sector: string, no: string, post: string, allowance: string, code: string][] = [
  ['Argentine.', 'AG', '12', 'Conseiller pour la gestion des sols auprès de l’Institut national de technologie agricole.', '18', '710'],
  ['Bolivie.', 'S', '3', 'Expert en épidémiologie auprès du ministère de la santé, à La Paz.', '21', '705'],
  ['Canada.', 'TR', '4001', 'Responsable de la sécurité des vols à l’Organisation de l’aviation civile internationale (OACI).', '12', '710'],
  ['Canada.', 'EN', '7', 'Chargé de mission auprès du secrétariat de la convention sur la diversité biologique.', '14', '710'],
  ['Égypte.', 'ED', '22', 'Professeur de français langue étrangère à l’université du Caire.', '19', '725'],
  ['Gabon.', 'ED', '18', 'Directeur d’école publique conventionnée, à Port-Gentil.', '30', '725'],
  ['Kenya.', 'EN', '9', 'Conseiller technique auprès du Programme des Nations unies pour l’environnement, à Nairobi.', '16', '710'],
  ['Laos.', 'AG', '5', 'Chef de projet d’irrigation dans la province de Savannakhet.', '20', '463'],
  ['Maroc.', 'FP', '31', 'Formateur en maintenance industrielle à l’institut de Tanger.', '15', '705'],
  ['Pérou.', 'S', '2', 'Conseiller pour la lutte contre la tuberculose auprès de l’Organisation panaméricaine de la santé (OPS).', '17', '710'],
  ['Sénégal.', 'ED', '44', 'Directeur de l’école franco-sénégalaise de Dakar.', '20', '715'],
  ['Viêt Nam.', 'FP', '6', 'Coordonnateur du pôle universitaire de formation en gestion, à Hanoï.', '18', '463'],
];

const cell = (text: string, centred = true): string => `<td width="76">\n<p${centred ? ' align="center"' : ''}>${text}</p>\n</td>`;
const PAGE = `# Annexe : postes d'assistance technique

Liste des postes ouverts à l'étranger, par pays.

<table>
<tbody>
<tr>
${['PAYS', 'SECTEUR', 'NUMÉRO', 'DÉFINITION', 'Indemnité', 'CODE fonction'].map((h) => cell(h)).join('\n')}
</tr>
${POSTS.map((row) => `<tr>\n${row.map((v, i) => cell(v, i !== 3)).join('\n')}\n</tr>`).join('\n')}
</tbody>
</table>
`;

const kb = useDocumentsKnowledgeBase({ 'postes.md': PAGE });

describe('a Markdown page holding an HTML table of posts', () => {
  itAnswersWith('answers from the row of the post asked about, its country kept', kb, [
    ['fr', 'Quelle indemnité est prévue pour le directeur d’école au Gabon ?', '30'],
    // The page names no year: the year a question gives it (its decree's) does not rule its rows out.
    ['fr', 'Dans l’annexe de 2007, quelle indemnité est prévue pour le directeur d’école au Gabon ?', '30'],
    ['en', 'Which international organisation is the flight safety officer in Canada posted to?', 'Organisation de l’aviation civile internationale'],
    ['es', '¿En qué organización trabajará el consejero contra la tuberculosis en Perú?', 'Organisation panaméricaine de la santé'],
    ['fr', 'Auprès de quelle organisation est placé le conseiller technique envoyé au Kenya ?', 'Programme des Nations unies pour l’environnement'],
  ]);

  itAbstainsOn('does not give another country’s post', kb, [
    ['fr', 'Quelle indemnité est prévue pour le directeur d’école en Tunisie ?', '30'],
  ]);
});
