/**
 * The organisations of the field are named by their acronym or their name in each language (IOM,
 * OIM, МОМ, 国际移民组织; UNIDO, ONUDI): a question naming one in its own language reaches the
 * document that names it in another, and is answered for that organisation, not its neighbour.
 * A body the question writes as an acronym that a document never names is another one's: that
 * document's figures do not answer it — unless the question gives the body as its source
 * ("según la nota de la OMPI"), which a note may not write. Through the real pipeline, in several languages.
 */
import { describe } from 'vitest';
import { itAbstainsOn, itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const REPORT_EN = [
  '# Joint programme on returning migrants in Niger: 2023 review',
  '',
  'In 2023 IOM supported 412 returning migrants in Niger with business training and start-up kits.',
  '',
  'UNIDO trained 95 artisans of the same regions in food processing and packaging.',
  '',
  'The African Development Bank lent 2.4 million US dollars to the microfinance institutions of the programme.',
].join('\n');

const BUDGET_FR = [
  '# Forum sur le Web : incidences financières',
  '',
  'Le Secrétariat de l’OMPI propose un forum de discussion réservé aux États membres.',
  '',
  '',
  'Le développement technique du forum coûtera 41 518 francs suisses.',
  '',
  'Sa modération coûtera 120 736 francs suisses par année.',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'review.md': REPORT_EN, 'forum.md': BUDGET_FR });

describe('an organisation named in the asker’s language', () => {
  itAnswersWith('reaches the document that names it in English', kb, [
    ['fr', 'Combien de migrants de retour l’OIM a-t-elle soutenus au Niger en 2023 ?', '412'],
    ['es', '¿A cuántos migrantes retornados apoyó la Organización Internacional para las Migraciones en Níger en 2023?', '412'],
    ['ru', 'Скольким вернувшимся мигрантам помогла МОМ в Нигере в 2023 году?', '412'],
    ['zh', '2023年国际移民组织在尼日尔支持了多少名返回移民？', '412'],
    ['fr', 'Combien d’artisans l’ONUDI a-t-elle formés ?', '95'],
    ['es', '¿Cuánto prestó el Banco Africano de Desarrollo a las instituciones de microfinanzas?', '2.4 million US dollars'],
  ]);
});

describe('a body named by its acronym that a document never names', () => {
  itAbstainsOn('is not answered with that document’s figures', kb, [
    ['en', 'How much will UNESCO spend on the technical development of the forum?', '41 518'],
    ['es', '¿Cuánto costará a la UNESCO la moderación del foro cada año?', '120 736'],
    ['fr', 'Combien l’UNICEF prévoit-il pour le développement technique du forum ?', '41 518'],
  ]);

  itAnswersWith('while the same question without it is, and one naming it as its source (a note may not write its author)', kb, [
    ['en', 'How much will the technical development of the forum cost?', '41 518'],
    ['es', 'Según la nota de la OMPI, ¿cuánto costará el desarrollo técnico del foro?', '41 518'],
    // A document names its body once: the sentence with the figure need not repeat it.
    ['en', 'How much will the moderation of the WIPO forum cost each year?', '120 736'],
  ]);
});
