/**
 * A figure a sentence gives for a list of places or languages is none of theirs alone: asked for
 * one item, the bot abstains, though it answers for the whole list and with an item's own figure
 * ("Africa (2)"). A page's dateline answers when the page came out, and only that. A figure about
 * the event a document reports does not answer for the event it announces next. A question asking
 * for a total is answered by the total line, read with the lines it sums. Through the real
 * pipeline, in several languages.
 */
import { describe } from 'vitest';
import { itAbstainsOn, itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const PLAN_FR = [
  '# Plan de formation des douanes 2026-2027',
  '',
  '## Ateliers régionaux',
  '',
  'Organisation de sept ateliers régionaux dans les régions suivantes : Afrique de l’Ouest (3), Pacifique, Asie centrale (2), Europe orientale.',
  '',
  'Le coût total prévu pour ces ateliers régionaux est de 420 000 dollars.',
  '',
  'Les experts du réseau viennent aujourd’hui surtout d’Europe ; le réseau compte 64 experts, et ceux du Pacifique, de l’Asie centrale et de l’Afrique de l’Ouest y sont encore trop peu nombreux.',
  '',
  'Pour les pays d’Amérique du Sud, un atelier national a réuni 38 agents à Lima.',
].join('\n');

const NEWS_EN = [
  '# Measuring what training changes: lessons from the customs workshops',
  '',
  '14 March 2026',
  '',
  'The customs academy held its annual review on 2 March 2026 in Vienna, with delegates from 40 administrations.',
  '',
  'The review looked at how trainees apply what they learned six months after each course.',
].join('\n');

const OUTREACH_EN = [
  '# Outreach sessions of the customs academy in 2025',
  '',
  'The academy held one session in each of its four working languages.',
  '',
  'Two more sessions in English covered the English-speaking countries of West Africa and the Caribbean.',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'plan.md': PLAN_FR, 'news.md': NEWS_EN, 'outreach.md': OUTREACH_EN });

describe('a figure given for a list of places is none of theirs alone', () => {
  itAbstainsOn('no share of the list’s sum for one item', kb, [
    ['fr', 'Combien coûtera à lui seul l’atelier régional prévu pour l’Europe orientale ?', '420 000'],
    ['en', 'How much will the regional workshop for Eastern Europe cost on its own?', '420 000'],
    ['es', '¿Cuánto costará el taller regional de Europa oriental?', '420 000'],
    ['ru', 'Сколько будет стоить региональный семинар для Восточной Европы?', '420 000'],
    ['en', 'How many experts from the Pacific does the network have?', '64'],
    ['es', '¿Cuántos expertos del Pacífico tiene la red?', '64'],
  ]);
  itAnswersWith('the list’s own figure, and an item’s', kb, [
    ['en', 'How much will the regional workshops cost in total?', '420 000'],
    ['fr', 'Combien d’experts compte le réseau ?', '64'],
    ['en', 'How many agents did the national workshop in Lima bring together?', '38'],
  ]);
});

describe('a dateline says when the page came out', () => {
  itAnswersWith('the dateline for “published”', kb, [
    ['en', 'When was the report on lessons from the customs workshops published?', '14 March 2026'],
    ['fr', 'Quand le rapport sur les leçons des ateliers des douanes a-t-il été publié ?', '14 March 2026'],
    ['es', '¿Cuándo se publicó el informe sobre las lecciones de los talleres de aduanas?', '14 March 2026'],
    ['zh', '关于海关讲习班的报告是哪一天发布的？', '14 March 2026'],
  ]);
  itAnswersWith('the event’s date for “held”', kb, [
    ['en', 'When did the customs academy hold its annual review?', '2 March 2026'],
    ['fr', 'Quand l’académie des douanes a-t-elle tenu son examen annuel ?', '2 March 2026'],
  ]);
});

const SERIES_EN = [
  '# Customs training webinars 2026: first session',
  '',
  'The 2026 series of customs training webinars opened on 3 March with a session on sharing customs data between neighbouring countries.',
  '',
  'This event brought together 420 participants from 60 countries.',
  '',
  'The next session, entitled "Managing risk at land borders: targeting and inspections", is planned later in the year.',
].join('\n');

const seriesKb = useDocumentsKnowledgeBase({ 'series.md': SERIES_EN });

describe('a figure about one event, asked of the event a document announces next', () => {
  itAbstainsOn('no attendance for a session still to come', seriesKb, [
    ['en', 'How many participants attended the session on managing risk at land borders?', '420'],
    ['fr', 'Combien de participants ont suivi la session sur la gestion des risques aux frontières terrestres ?', '420'],
    ['es', '¿Cuántos participantes asistieron a la sesión sobre la gestión de riesgos en las fronteras terrestres?', '420'],
  ]);
  itAnswersWith('the attendance of the session it reports', seriesKb, [
    ['en', 'How many participants attended the first session of the 2026 customs webinars?', '420'],
    ['fr', 'Combien de participants ont suivi la première session de la série 2026 sur les données douanières ?', '420'],
    ['es', '¿Cuántos participantes asistieron a la sesión sobre el intercambio de datos aduaneros entre países vecinos?', '420'],
  ]);
});

const BUDGET_FR = [
  '# Stratégie de formation douanière 2026-2027 : budget',
  '',
  'Ressources requises pour les activités de formation et d’assistance technique (en dollars des États-Unis) :',
  '',
  'Ateliers régionaux de formation et d’assistance technique 2026-2027 450 000',
  '',
  'Ateliers nationaux de formation et d’assistance technique 2026-2027 380 000',
  '',
  'Missions d’assistance technique de longue durée 2026-2027 520 000',
  '',
  'TOTAL DES COÛTS dont 13 % de frais de soutien 1 525 900',
].join('\n');

const budgetKb = useDocumentsKnowledgeBase({ 'budget.md': BUDGET_FR });

describe('a question asking for a total', () => {
  // Each activity's line holds more of the question's words; the total line answers it.
  itAnswersWith('the total line', budgetKb, [
    ['en', 'What is the total cost of the training and technical assistance activities for 2026-2027?', '1 525 900'],
    ['fr', 'Quel est le coût total des activités de formation et d’assistance technique pour 2026-2027 ?', '1 525 900'],
    ['es', '¿Cuál es el costo total de las actividades de formación y asistencia técnica para 2026-2027?', '1 525 900'],
    ['zh', '2026-2027年培训和技术援助活动的总费用是多少？', '1 525 900'],
  ]);
  itAnswersWith('one line, when no total is asked', budgetKb, [
    ['en', 'How much will the national training and technical assistance workshops cost in 2026-2027?', '380 000'],
  ]);
});

describe('a sub-region is not its neighbour', () => {
  itAbstainsOn('the Caribbean is not Latin America', kb, [
    ['en', 'How many sessions of the customs academy covered Latin America?', 'Two'],
    ['es', '¿Cuántas sesiones de la academia de aduanas abarcaron América Latina?', 'Two'],
    ['zh', '海关学院有多少场会议面向拉丁美洲？', 'Two'],
  ]);
  itAnswersWith('the Caribbean named in the question', kb, [
    ['es', '¿Cuántas sesiones más en inglés abarcaron el Caribe?', 'Two'],
  ]);
});
