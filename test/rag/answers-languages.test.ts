/**
 * One answer per question, in one language: the asker's when a passage in it supports the
 * question — but a superlative is answered by the row a comparison picks, in whatever language,
 * not by a sentence of the asker's that only names what is compared. Through the real pipeline.
 */
import { describe } from 'vitest';
import { itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const SUMMARY_ES = [
  '# Serie de seminarios web sobre aduanas de 2024',
  '',
  'La academia organizó en 2024 una serie de seminarios web en cuatro idiomas sobre la valoración en aduana.',
  '',
  'El público conectado varió mucho de una sesión a otra y las preguntas se respondieron en directo.',
].join('\n');

const RESULTS_FR = [
  '# Séminaires web sur les douanes : participation en 2024',
  '',
  '| Session | Langue | Inscriptions | Participation |',
  '|---|---|---|---|',
  '| 1 | Anglais | 240 | 131 |',
  '| 2 | Français | 180 | 97 |',
  '| 3 | Espagnol | 210 | 64 |',
  '| 4 | Arabe | 150 | 88 |',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'serie.md': SUMMARY_ES, 'participation.md': RESULTS_FR });

describe('a superlative asked beside a sentence of the asker’s language', () => {
  itAnswersWith('is answered by the row of another language’s table', kb, [
    ['es', '¿Qué sesión de la serie de seminarios web de 2024 tuvo menos público conectado?', 'Participation: 64'],
    ['es', '¿Qué sesión de los seminarios web de 2024 tuvo más público conectado?', 'Participation: 131'],
  ]);
});
