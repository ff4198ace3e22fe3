/**
 * The organisations of the field are named by their acronym or their name in each language (IOM,
 * OIM, МОМ, 国际移民组织; UNIDO, ONUDI): a question naming one in its own language reaches the
 * document that names it in another, and is answered for that organisation, not its neighbour.
 * Through the real pipeline, in several languages.
 */
import { describe } from 'vitest';
import { itAnswersWith } from '../support/answer-cases.ts';
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

const kb = useDocumentsKnowledgeBase({ 'review.md': REPORT_EN });

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
