/**
 * The everyday words of the field's reports — enterprise development, tourism, statistics,
 * evaluation practice — reach the document written in another language: "voyagiste", "operador
 * turístico" and "туроператор" are tour operators; "chiffre d'affaires" is turnover, a sum of
 * money, whose change may be asked and given as a share. A word the field uses in two senses
 * ("volontaire": a volunteer, and voluntary) carries both, and the passages decide. Through the
 * real pipeline, in several languages.
 */
import { describe } from 'vitest';
import { itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const STUDY_EN = [
  '# Benchmarking the cultural tourism offer of the coastal region',
  '',
  'The study reviewed the packages of 27 tour operators from nine source markets.',
  '',
  'Most packages mention the beaches; fewer than one in five mention a craft village or a festival.',
].join('\n');

const REVIEW_FR = [
  '# Appui aux coopératives de transformation du karité : bilan 2024',
  '',
  'Le chiffre d’affaires annuel moyen des coopératives appuyées a atteint 2 300 000 FCFA en 2024.',
  '',
  'Par rapport à 2023, ce chiffre d’affaires a progressé de 35 % grâce aux ventes à l’export.',
  '',
  'Les membres ont suivi des formations en gestion et en hygiène alimentaire.',
].join('\n');

const MISSION_EN = [
  '# Expert mission to the coastal region',
  '',
  'The host country covered the travel of the 14 experts and their stay in the capital.',
  '',
  'The experts visited three craft villages and met the regional tourism office.',
].join('\n');

const VOLUNTEERS_EN = [
  '# Volunteer programme: annual report',
  '',
  'The refugee agency hosted 973 United Nations Volunteers in 41 countries.',
  '',
  'Donors paid voluntary contributions of 4.9 million US dollars into the special fund.',
  '',
  'The training programme ran its sessions for officials of 12 countries.',
  '',
  'The sessions were broadcast live with the GoToWebinar software.',
].join('\n');

const SESSIONS_EN = [
  '# Online sessions of the pilot phase',
  '',
  '| Session | Language | Registrations | Attendance |',
  '| --- | --- | --- | --- |',
  '| III | Spanish | 273 | 92 |',
  '| IV | English | 209 | 58 |',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'study.md': STUDY_EN, 'bilan.md': REVIEW_FR, 'mission.md': MISSION_EN, 'volunteers.md': VOLUNTEERS_EN, 'sessions.md': SESSIONS_EN });

describe('the words of the field in another language', () => {
  itAnswersWith('tour operators and turnover', kb, [
    ['fr', 'Combien de voyagistes l’étude a-t-elle examinés ?', '27'],
    ['es', '¿Cuántos operadores turísticos revisó el estudio?', '27'],
    ['ru', 'Сколько туроператоров рассмотрело исследование?', '27'],
    ['en', 'What was the average annual turnover of the supported cooperatives?', '2 300 000 FCFA'],
    ['es', '¿Cuál fue la facturación anual media de las cooperativas apoyadas?', '2 300 000 FCFA'],
  ]);
});

describe('a change asked of a sum of money', () => {
  itAnswersWith('is answered by a share of what it was, as well as by a sum', kb, [
    ['fr', 'De combien a progressé le chiffre d’affaires des coopératives par rapport à 2023 ?', '35 %'],
    ['en', 'By how much did the cooperatives’ turnover increase compared with 2023?', '35 %'],
    ['es', '¿Cuánto aumentó la facturación de las cooperativas con respecto a 2023?', '35 %'],
  ]);
});

describe('a word of two senses', () => {
  itAnswersWith('reaches the sense the passages hold', kb, [
    ['fr', 'Combien de volontaires l’agence pour les réfugiés a-t-elle accueillis ?', '973'],
    ['fr', 'Quel a été le montant des contributions volontaires versées au fonds spécial ?', '4.9 million'],
  ]);

  // "программа": a programme, and a piece of software.
  itAnswersWith('finds the software a program of the question may be', kb, [['ru', 'С помощью какой программы проводили сессии?', 'GoToWebinar']], 'answer');

  // Connecting to an online session is attending it.
  itAnswersWith('reads connecting to a session as attending it', kb, [
    ['es', '¿Cuántas personas se conectaron a la sesión en español?', '92'],
    ['fr', 'Combien de personnes se sont connectées à la session en espagnol ?', '92'],
  ]);

  // The noun counted may stand three words after its figure, past a name ("973 United Nations Volunteers").
  itAnswersWith('counts the noun after a name', kb, [['en', 'How many volunteers did the refugee agency host?', '973']]);
});
