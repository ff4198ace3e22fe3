/**
 * A budget of two columns (one-off costs, recurring costs per year) that a PDF ran together line
 * by line, its items as a list under both headers and both totals on one line: each item is read
 * under its column (the items adding up to a column's total are that column's), under the sentence
 * announcing the table, and answers how much it costs in six languages. A question's own word of
 * what is planned ("quel montant est prévu") does not make a sentence about a meeting planned the
 * subject of the question. Through the real pipeline.
 */
import { describe } from 'vitest';
import { itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const PLATFORM_FR = [
  'Plateforme d’échange sur l’assistance technique',
  '',
  '1. Le Secrétariat propose de créer une plateforme d’échange réservée aux États membres. La prochaine étape du développement de la plateforme est prévue en juin.',
  '',
  '2. La plateforme serait administrée par un modérateur chargé de lancer chaque semaine un sujet de discussion.',
  '',
  '3. Le tableau ci-après donne une indication du budget requis pour la création et la gestion de la plateforme :',
  '',
  'Dépenses ponctuelles Dépenses récurrentes par année',
  '',
  '- Développement de la plateforme : 40 000 francs',
  'suisses',
  '',
  '- Modération en trois langues : 90 000 francs suisses',
  '',
  '- Élaboration du protocole : 16 000 francs suisses',
  '',
  '- les dépenses liées à la participation d’autres membres du personnel ne peuvent être évaluées à ce stade',
  '',
  'Total : 56 000 francs suisses Total : à déterminer',
  '',
  '4. Le comité est invité à examiner le présent document.',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'plateforme.txt': PLATFORM_FR });

describe('a budget of two columns run together', () => {
  itAnswersWith('answers with the item’s sum, read under its column', kb, [
    ['fr', 'Quel montant est prévu pour le développement de la plateforme ?', '40 000'],
    ['en', 'What is the yearly cost of moderating the platform in three languages?', '90 000'],
    ['es', '¿Cuánto costará la elaboración del protocolo?', '16 000'],
    ['ar', 'كم تبلغ تكلفة تطوير المنصة؟', '40 000'],
    ['zh', '平台的一次性费用总额是多少？', '56 000'],
  ]);

  itAnswersWith('quotes the item under its column', kb, [
    ['en', 'How much does the development of the platform cost?', 'Développement de la plateforme — Dépenses ponctuelles: 40 000'],
    ['ru', 'Сколько в год стоит модерация на трёх языках?', 'Modération en trois langues — Dépenses récurrentes par année: 90 000'],
  ], 'answer');
});
