/**
 * Answers that hold the fact, through the real pipeline (ingestion, the built-in glossary, lexicon
 * and names, retrieval, extraction) on documents written for this test: a French report whose
 * table is laid out one cell per line, an English page with a Markdown table, and a French
 * strategy whose table of numbered records was copied out of a PDF. Questions of
 * each kind in the six languages; unanswerable ones next to answerable ones.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { glossaryFor } from '../../src/main.ts';
import { ingestPaths } from '../../src/rag/ingest/ingest.ts';
import { KnowledgeBase } from '../../src/rag/knowledge-base.ts';
import { type Store } from '../../src/store/index.ts';
import { openTestStore } from '../support/pglite-template.ts';

const REPORT = [
  'Rapport sur les ateliers régionaux de formation',
  '',
  'Le programme d’ateliers a été lancé le 12 mars 2023. Mme Claire Fontaine, directrice de la Division de la formation, a présidé la séance d’ouverture.',
  'Les ateliers de l’année sont présentés dans le tableau ci-dessous :',
  '\tAtelier',
  '\tPays',
  '\tParticipants',
  '\tDurée',
  '\tCoût',
  '',
  '\tAtelier A',
  '\tSénégal',
  '\t48',
  '\t3 jours',
  '\t12 000 francs suisses',
  '',
  '\tAtelier B',
  '\tPérou',
  '\t31',
  '\t5 jours',
  '\t9 500 francs suisses',
  '',
  '\tAtelier C',
  '\tNépal',
  '\t27',
  '\t2 jours',
  '\t7 250 francs suisses',
  '',
  'Après chaque atelier, une enquête de satisfaction a été envoyée aux participants. Le taux de réponse à l’enquête a été de 64 %.',
  '',
  'Financement',
  '',
  'Le coût prévu de l’ensemble des ateliers était de 40 000 francs suisses. Leur coût effectif s’est élevé à 28 750 francs suisses.',
].join('\n');

const COURSES = `# Online courses

The online courses of the programme are listed below.

| Course | Language | Registrations | Attendance |
|---|---|---:|---:|
| Course 1 | Arabic | 120 | 80 |
| Course 2 | Russian | 95 | 41 |
| Course 3 | Chinese | 210 | 64 |

Each course ends with an exam.

## Budget

The programme budget for 2024 was USD 45,000, of which two thirds went to the courses.
`;

// A date in the first passage; what the question asks about that day, in a later one.
const SESSION = [
  '# Regional dialogue',
  '',
  'The dialogue brings together the agencies in charge of innovation policy every year.',
  '',
  ...Array.from({ length: 7 }, (_, i) => `Point ${i + 1} of the agenda dealt with the coordination of national strategies, the role of universities and the support given to small firms, with examples from several regions and a discussion among the delegates.`),
  '',
  'This year’s dialogue met on 14 May 2024 in a hybrid format.',
  '',
  ...Array.from({ length: 2 }, (_, i) => `Point ${i + 8} of the agenda dealt with the coordination of national strategies, the role of universities and the support given to small firms, with examples from several regions and a discussion among the delegates.`),
  '',
  'The recording can be watched in English and Portuguese on the organisation’s video channel.',
].join('\n');

// A fund named in full in one sentence and by its acronym in the next; a decimal amount.
const FACILITY = [
  '# Innovation fund',
  '',
  'The Regional Innovation Support Facility (RISF) has signed grant agreements with twelve countries, including Peru and Kenya.',
  'In 2024, Ghana received an advance',
  'grant payment of $3.5 million, which covers half of the work planned for the',
  'first phase.',
  'A second phase is planned from 2026, its grants to be decided by the board.',
  '',
  '## Abbreviations',
  '',
  'GPSA | Global Partnership for Social Accountability',
  'RISF | Regional Innovation Support Facility',
  'TFSCB | Trust Fund for Statistical Capacity Building',
].join('\n');

// An agreement between two countries that never names the language of either.
const AGREEMENT = [
  '# Technical cooperation agreement',
  '',
  'The Government of the Kingdom of the Netherlands and the Government of the Republic of Kenya have agreed as follows.',
  '',
  'The provisions of Article II, III and IV, 1, of this Agreement apply to the experts made available by the Netherlands.',
  'However, those experts shall pay local income tax on the emoluments paid to them by the Government of Kenya.',
  '',
  'The Government of Kenya shall refund half of the cost of board and lodging while no permanent housing is ready.',
].join('\n');

// A table copied out of a PDF: numbered records, one wrapped cell per paragraph, the header in
// pieces and repeated after a page break.
const MODULES = [
  'Stratégie de formation 2024-2025',
  '',
  'Les premiers séminaires de la stratégie ont été tenus à Dakar (juin 2018) et à Lima (octobre 2019).',
  '',
  'Le budget total de 250 000 dollars comprend 13 % de frais de soutien.',
  '',
  'À sa vingt-troisième session, tenue du 20 au 24 mai 2019, le comité a adopté la stratégie. À sa dix-neuvième session, tenue du 15 au 19 mai 2017, il avait demandé un rapport sur les besoins.',
  '',
  'M. Somsak Vongxay, conseiller auprès de la Mission permanente du Cambodge, a présenté la stratégie aux délégations.',
  '',
  'Tableau : Modules de formation',
  '',
  'Module Public visé Format',
  '',
  'Partenaires',
  '',
  '1. Politiques',
  'culturelles',
  '',
  'Ministères de la',
  'culture',
  '',
  'Séminaire de 4 jours',
  '',
  'Universités',
  'nationales',
  '',
  '2. Statistiques',
  'culturelles',
  '',
  'Offices nationaux de',
  'statistique',
  '',
  'Séminaire de 2 jours +',
  'assistance technique',
  '',
  'Institut de',
  'statistique',
  '',
  'Module Public visé Format',
  '',
  'Partenaires',
  '',
  '3. Droit d’auteur',
  '',
  'Juristes et',
  'créateurs',
  '',
  'Séminaire de 6 jours',
  '',
  'Offices du droit',
  'd’auteur',
  '',
  'Chaque module est évalué par les participants à la fin du séminaire, et le rapport d’évaluation est publié sur le site.',
  '',
  // An annex whose last cells (period, amount) end each record on one line.
  'Annexe : Activités et ressources requises',
  '',
  'Activité Indicateur Échéancier Ressources (en dollars)',
  '',
  'Création d’une base de données',
  'des experts',
  '',
  'Base de données en place',
  '',
  '2024-2025 80 000',
  '',
  'Traduction des guides',
  '',
  'Guides traduits en six langues',
  '',
  'Mars 2025 45 000',
  '',
  'COÛTS DU PROGRAMME 125 000*',
  // A total whose value a PDF put alone below its label.
  'TOTAL DES RESSOURCES',
  'frais de gestion',
  'compris',
  '',
  '138 750',
  '',
  // Two columns of costs that a PDF ran together: their items interleaved, their totals on one line.
  'Le tableau ci-après donne le budget du réseau des formateurs :',
  '',
  'Dépenses uniques Dépenses annuelles',
  '',
  '- Conception du site : 30 000 francs suisses',
  '',
  '- Animation du réseau : 60 000 francs suisses',
  '',
  '- Impression des supports : 12 000 francs suisses',
  '',
  'Total : 42 000 francs suisses Total : à fixer',
].join('\n');

// A report whose date is given in its first passage only; what happened that day, passages later.
const SEMINAR = [
  'Rapport du séminaire régional',
  '',
  'Le présent rapport rend compte des travaux du séminaire régional sur la gestion des offices nationaux, organisé à l’intention des responsables des offices de toute la région, de leurs partenaires techniques et des représentants des milieux universitaires. Le séminaire s’est tenu le 12 juin 2024.',
  '',
  ...Array.from({ length: 8 }, (_, i) => `Le point ${i + 1} de l’ordre du jour a porté sur la coordination des stratégies nationales, le rôle des universités et l’appui aux petites entreprises, avec des exemples de plusieurs pays.`),
  '',
  'M. Peter Otieno, directeur de l’Office national des brevets, a ouvert les débats en présentant les priorités de la région.',
  '',
  'La banque de formateurs de la région a été créée grâce à un projet financé par la Banque africaine de développement.',
  '',
  // Who may enter: a sentence with neither a name nor a figure, a line of a list of questions cut before its end.
  'Afin de protéger les données des formateurs, l’accès à la plateforme de la banque devrait être limité aux offices membres et protégé par un mot de passe.',
  '',
  '• La plateforme devrait-elle être accessible uniquement aux',
  'offices membres ?',
].join('\n');

let root: string;
let store: Store;
let kb: KnowledgeBase;
/** The strategy alone, in a knowledge base of its own (the others' figures stay as they were written for). */
let strategyStore: Store;
let strategyKb: KnowledgeBase;
/** The agreement alone (an English document beside French ones would change what the others test). */
let agreementStore: Store;
let agreementKb: KnowledgeBase;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ta-answers-'));
  await mkdir(path.join(root, 'docs'));
  await writeFile(path.join(root, 'docs', 'ateliers.txt'), REPORT);
  await writeFile(path.join(root, 'docs', 'courses.md'), COURSES);
  await writeFile(path.join(root, 'docs', 'session.md'), SESSION);
  await writeFile(path.join(root, 'docs', 'facility.md'), FACILITY);

  store = await openTestStore();
  // An empty knowledge folder: the built-in glossary and lexicon are used, as for any organisation.
  kb = new KnowledgeBase(store.db, glossaryFor(loadConfig({ KNOWLEDGE_DIR: root })));
  await ingestPaths(kb, store.db, [path.join(root, 'docs')], { cwd: root, defaultLang: 'en', prune: false, now: () => new Date() });
  await mkdir(path.join(root, 'strategy'));
  await writeFile(path.join(root, 'strategy', 'modules.txt'), MODULES);
  await writeFile(path.join(root, 'strategy', 'seminar.txt'), SEMINAR);
  strategyStore = await openTestStore();
  strategyKb = new KnowledgeBase(strategyStore.db, glossaryFor(loadConfig({ KNOWLEDGE_DIR: root })));
  await ingestPaths(strategyKb, strategyStore.db, [path.join(root, 'strategy')], { cwd: root, defaultLang: 'en', prune: false, now: () => new Date() });
  await mkdir(path.join(root, 'agreement'));
  await writeFile(path.join(root, 'agreement', 'agreement.md'), AGREEMENT);
  agreementStore = await openTestStore();
  agreementKb = new KnowledgeBase(agreementStore.db, glossaryFor(loadConfig({ KNOWLEDGE_DIR: root })));
  await ingestPaths(agreementKb, agreementStore.db, [path.join(root, 'agreement')], { cwd: root, defaultLang: 'en', prune: false, now: () => new Date() });
});

afterAll(async () => {
  await store?.close();
  await strategyStore?.close();
  await agreementStore?.close();
  await rm(root, { recursive: true, force: true });
});

const ANSWERED: [string, Lang, string, string, string][] = [
  // kind, language, question, the fact, the document
  ['number, table row', 'en', 'How many people took part in the workshop in Peru?', '31', 'ateliers.txt'],
  ['amount, table row', 'fr', 'Combien a coûté l’atelier au Népal ?', '7 250 francs suisses', 'ateliers.txt'],
  ['duration, table row', 'es', '¿Cuántos días duró el taller de Senegal?', '3 jours', 'ateliers.txt'],
  ['number, table row', 'ar', 'كم عدد المشاركين في ورشة بيرو؟', '31', 'ateliers.txt'],
  ['date', 'ru', 'Когда была запущена программа практикумов?', '12 mars 2023', 'ateliers.txt'],
  ['percentage', 'zh', '满意度调查的回复率是多少？', '64 %', 'ateliers.txt'],
  ['person', 'en', 'Who chaired the opening session?', 'Claire Fontaine', 'ateliers.txt'],
  ['number, Markdown row', 'en', 'How many people attended the Russian course?', '41', 'courses.md'],
  ['number, Markdown row', 'fr', 'Combien d’inscriptions au cours en chinois ?', '210', 'courses.md'],
  ['amount', 'es', '¿Cuál fue el presupuesto del programa en 2024?', 'USD 45,000', 'courses.md'],
  ['amount asked as "how much", no money word', 'ru', 'Сколько изначально предусмотрели на все практикумы?', '40 000 francs suisses', 'ateliers.txt'],
  ['amount asked as "how much", no money word', 'fr', 'Combien avait-on prévu pour l’ensemble des ateliers ?', '40 000 francs suisses', 'ateliers.txt'],
  ['amount, verbs outside the lexicon', 'ar', 'كم بلغت تكلفة الورشة التي احتضنتها بيرو؟', '9 500 francs suisses', 'ateliers.txt'],
  ['number, verbs outside the lexicon', 'ru', 'Сколько человек собрал практикум, прошедший в Перу?', '31', 'ateliers.txt'],
  ['duration, words outside the lexicon', 'zh', '在秘鲁办的那期讲习班一共持续了几天？', '5 jours', 'ateliers.txt'],
  ['a date given whole, written away from the answer (one condition, not three)', 'en', 'In which languages can the recording of the 14 May 2024 dialogue be watched?', 'Portuguese', 'session.md'],
  ['superlative over rows', 'en', 'Which workshop had the most participants?', 'Sénégal', 'ateliers.txt'],
  ['superlative over rows', 'ru', 'На какой курс записалось меньше всего людей?', 'Russian', 'courses.md'],
  ['superlative over rows, the column named by the people counted', 'es', '¿Qué curso tuvo más público?', 'Arabic', 'courses.md'],
  ['superlative over rows, the column named by the people counted', 'fr', 'Quel cours a attiré le plus de public ?', 'Arabic', 'courses.md'],
  ['superlative over rows, a comparative with "всего"', 'ru', 'На какой курс чаще всего приходили слушатели?', 'Arabic', 'courses.md'],
  ['amount asked as "what did it cost"', 'en', 'What did the workshop in Nepal cost?', '7 250 francs suisses', 'ateliers.txt'],
  ['percentage of a budget (a rate, not the sum)', 'en', 'What support-cost rate is included in the total budget?', '13 %', 'modules.txt'],
  ['place: towns', 'fr', 'Dans quelles villes les premiers séminaires ont-ils été tenus ?', 'Dakar', 'modules.txt'],
  ['place: towns', 'es', '¿En qué ciudades se celebraron los primeros seminarios?', 'Dakar', 'modules.txt'],
  ['duration, a record of a table copied from a PDF', 'en', 'How many days does the seminar of the cultural statistics module last?', '2 jours', 'modules.txt'],
  ['duration, a record of a table copied from a PDF', 'ar', 'كم يوما تستغرق ندوة وحدة الإحصاءات الثقافية؟', '2 jours', 'modules.txt'],
  ['audience ("who is it for"), a record of a table copied from a PDF', 'ru', 'Для кого предназначен модуль по культурной статистике?', 'Offices nationaux de statistique', 'modules.txt'],
  ['audience ("who is it for"), a record of a table copied from a PDF', 'en', 'Who is the copyright module meant for?', 'Juristes et créateurs', 'modules.txt'],
  ['audience ("who is it for"), a record of a table copied from a PDF', 'zh', '文化政策模块面向哪些人？', 'Ministères de la culture', 'modules.txt'],
  ['date of a session named by its ordinal', 'en', 'When was the 23rd session held?', '20 au 24 mai 2019', 'modules.txt'],
  ['date of a session named by its ordinal', 'es', '¿Cuándo se celebró la vigesimotercera sesión?', '20 au 24 mai 2019', 'modules.txt'],
  ['date of a session named by its ordinal', 'ru', 'Когда прошла девятнадцатая сессия?', '15 au 19 mai 2017', 'modules.txt'],
  ['date of a session named by its ordinal', 'zh', '第十九届会议是什么时候举行的？', '15 au 19 mai 2017', 'modules.txt'],
  ['date of a session named by its ordinal', 'ar', 'متى عقدت الدورة الثالثة والعشرين؟', '20 au 24 mai 2019', 'modules.txt'],
  ['a name each language stems its own way', 'en', 'Which country is the mission that Somsak Vongxay advises?', 'Cambodge', 'modules.txt'],
  ['a name each language stems its own way', 'es', '¿De qué país es la misión de Somsak Vongxay?', 'Cambodge', 'modules.txt'],
  ['amount on a line of figures closing a record (no money word beside it)', 'es', '¿Cuánto costará la base de datos de expertos?', '80 000', 'modules.txt'],
  ['amount on a line of figures closing a record (no money word beside it)', 'en', 'How much will the translation of the guides cost?', '45 000', 'modules.txt'],
  ['a total whose value stands alone below its label', 'fr', 'Quel est le total des ressources de l’annexe, frais de gestion compris ?', '138 750', 'modules.txt'],
  ['a total whose value stands alone below its label', 'en', 'What do the resources come to in total, management fees included?', '138 750', 'modules.txt'],
  ['a total whose value stands alone below its label', 'es', '¿A cuánto ascienden en total los recursos, incluidos los gastos de gestión?', '138 750', 'modules.txt'],
  ['a total of one of two columns run together', 'en', 'What is the total of the one-off costs of the trainers network?', '42 000 francs suisses', 'modules.txt'],
  ['a total of one of two columns run together', 'es', '¿Cuál es el total de los gastos anuales de la red de formadores?', 'à fixer', 'modules.txt'],
  ['person, the date given only in the document’s first passage', 'es', '¿Quién abrió los debates del seminario del 12 de junio de 2024?', 'Peter Otieno', 'seminar.txt'],
  ['person, the date given only in the document’s first passage', 'en', 'Who opened the discussions at the seminar of 12 June 2024?', 'Peter Otieno', 'seminar.txt'],
  ['words in Title Case that the documents write in their own language', 'en', 'Who funded the project that created the Trainers Bank?', 'Banque africaine de développement', 'seminar.txt'],
  ['a decimal amount and a name in full that the answer’s sentence does not repeat', 'en', 'Which country got an advance payment of $3.5 million from the Regional Innovation Support Facility in 2024?', 'Ghana', 'facility.md'],
  ['a decimal amount and a name in full that the answer’s sentence does not repeat', 'es', '¿Qué país recibió un pago anticipado de 3,5 millones de dólares del Regional Innovation Support Facility en 2024?', 'Ghana', 'facility.md'],
  ['a decimal amount and a name in full that the answer’s sentence does not repeat', 'fr', 'Quel pays a reçu un paiement anticipé de 3,5 millions de dollars du Regional Innovation Support Facility en 2024 ?', 'Ghana', 'facility.md'],
  ['what an acronym stands for, from a list of abbreviations', 'fr', 'Que signifie le sigle TFSCB dans la liste des abréviations ?', 'Trust Fund for Statistical Capacity Building', 'facility.md'],
  ['what an acronym stands for, from a list of abbreviations', 'ar', 'ماذا يعني اختصار GPSA الوارد في قائمة المختصرات؟', 'Global Partnership for Social Accountability', 'facility.md'],
  ['what an acronym stands for, from a list of abbreviations', 'ru', 'Что означает сокращение TFSCB в списке сокращений?', 'Trust Fund for Statistical Capacity Building', 'facility.md'],
  ['a people named by its language or its country’s name (Dutch, Kenyan)', 'en', 'Do Dutch experts pay income tax on the emoluments the Kenyan Government pays them?', 'pay local income tax', 'agreement.md'],
  ['a people named by its language or its country’s name (Dutch, Kenyan)', 'fr', 'Les experts néerlandais doivent-ils payer l’impôt local sur le revenu de leurs émoluments ?', 'pay local income tax', 'agreement.md'],
  ['a people named by its language or its country’s name (Dutch, Kenyan)', 'es', '¿Los expertos neerlandeses pagan el impuesto local sobre la renta de sus emolumentos?', 'pay local income tax', 'agreement.md'],
  ['who may enter (an audience, not a name)', 'en', 'Who can access the platform of the trainers bank?', 'limité aux offices membres', 'seminar.txt'],
  ['who may enter (an audience, not a name)', 'es', '¿Quiénes podrán acceder a la plataforma de la banca de formadores?', 'limité aux offices membres', 'seminar.txt'],
  ['who may enter (an audience, not a name)', 'ru', 'Кому будет открыт доступ к платформе банка тренеров?', 'limité aux offices membres', 'seminar.txt'],
  ['who may enter (an audience, not a name)', 'zh', '谁可以访问培训师库的平台？', 'limité aux offices membres', 'seminar.txt'],
  ['the record the question names by its label', 'ru', 'С какими партнёрами будет работать модуль по культурной статистике?', 'Institut de statistique', 'modules.txt'],
];

describe('answers that hold the fact', () => {
  it.each(ANSWERED)('%s in %s: %s', async (_kind, lang, question, fact, doc) => {
    const strategy = doc === 'modules.txt' || doc === 'seminar.txt';
    const agreement = doc === 'agreement.md';
    const answer = await (strategy ? strategyKb : agreement ? agreementKb : kb).answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer.slice(0, 700)).toContain(fact);
    const source = `${strategy ? 'strategy' : agreement ? 'agreement' : 'docs'}/${doc}`;
    expect(answer.citations[0]?.source).toBe(source);
    expect(answer.retrieval[0]?.source).toBe(source);
  });

  it('leads with the fact, then the row or sentence it stands in, framed in the asker’s language', async () => {
    const french = await kb.answer('Combien a coûté l’atelier au Népal ?', 'fr');
    expect(french.answer.split('\n')[0]).toBe('Montant : 7 250 francs suisses');
    const chinese = await kb.answer('满意度调查的回复率是多少？', 'zh');
    expect(chinese.answer.split('\n').slice(0, 2)).toEqual(['比例：64 %', '摘自法语文件：']);
    const answer = await kb.answer('How many people took part in the workshop in Peru?', 'en');
    const [lead, frame, quote] = answer.answer.split('\n');
    expect(lead).toBe('Number: 31');
    expect(frame).toBe('Quoted from documents in French:');
    expect(quote).toBe('“Atelier B — Pays: Pérou; Participants: 31; Durée: 5 jours; Coût: 9 500 francs suisses” [1]');
    expect(answer.citations[0]?.excerpt).toBe('Atelier B — Pays: Pérou; Participants: 31; Durée: 5 jours; Coût: 9 500 francs suisses');
    // One clear answer: nothing else is quoted.
    expect(answer.answer.split('\n')).toHaveLength(3);
  });

  it('quotes a second answer nearly as good (the budget planned and the money spent), each with its sentence', async () => {
    for (const [question, lang, also] of [
      ['How much money did the workshops cost?', 'en', 'Also in the documents: '],
      ['¿Cuánto dinero costaron los talleres?', 'es', 'También en los documentos: '],
      ['Сколько денег стоили практикумы?', 'ru', 'Также в документах: '],
    ] as const) {
      const answer = await kb.answer(question, lang);
      expect(answer.answered, question).toBe(true);
      const lines = answer.answer.split('\n');
      const facts = ['40 000 francs suisses', '28 750 francs suisses'];
      expect(facts.map((f) => lines[0]?.endsWith(f)), answer.answer).toContain(true);
      const other = facts.find((f) => !lines[0]?.endsWith(f));
      expect(lines, answer.answer).toContain(`${also}${other}`);
      expect(answer.answer.length).toBeLessThanOrEqual(700);
    }
  });
});

const UNANSWERABLE: [string, Lang, string][] = [
  ['a figure its sentence gives for another year (the year asked is elsewhere in the document)', 'en', 'What advance payment did Ghana receive in 2026?'],
  ['a figure its sentence gives for another year (the year asked is elsewhere in the document)', 'fr', 'Quel paiement anticipé le Ghana a-t-il reçu en 2026 ?'],
  ['a country the table has not', 'en', 'How many people took part in the workshop in Brazil?'],
  ['a year the documents do not cover', 'en', 'What was the programme budget for 2022?'],
  ['a course language the table has not', 'en', 'How many people attended the Spanish course?'],
  ['a country the table has not', 'zh', '巴西讲习班的费用是多少？'],
  ['a thing the documents never count', 'es', '¿Cuántos certificados se entregaron en el taller de Perú?'],
  ['off-topic', 'fr', 'Quelle est la recette du gâteau au chocolat ?'],
  ['an organisation the documents never name', 'fr', 'Quel est le budget annuel de l’INPI ?'],
  ['contact details the documents do not give', 'en', 'What is the e-mail address of Claire Fontaine?'],
  ['a row without what the question counts (its other figures are not the answer)', 'en', 'How many people passed the exam of the Chinese course?'],
  ['a sum of money asked, a count in the documents', 'es', '¿Cuánto cobra por día un experto de los talleres?'],
];

/** Asked of the strategy alone. */
const UNANSWERABLE_STRATEGY: [string, Lang, string][] = [
  ['a module the table has not', 'en', 'Who is the tourism module meant for?'],
  ['a module the table has not', 'es', '¿Cuántos días dura el seminario del módulo de turismo?'],
  ['a module the table has not', 'fr', 'Combien de jours dure le séminaire du module sur le patrimoine ?'],
  ['a session the documents do not mention', 'en', 'When was the 25th session held?'],
  ['a session the documents do not mention', 'es', '¿Cuándo se celebró la vigesimoquinta sesión?'],
  ['a place the documents never name, asked in their language', 'fr', 'Qui a financé le séminaire de Tombouctou ?'],
  ['a date the documents do not give', 'en', 'Who opened the discussions at the seminar of 14 June 2024?'],
  ['a count the table does not give (a record’s number is no quantity)', 'en', 'How many statistics offices take part in the cultural statistics module?'],
];

describe('abstention next to answerable questions', () => {
  it.each(UNANSWERABLE)('%s (%s): %s', async (_why, lang, question) => {
    const answer = await kb.answer(question, lang);
    expect(answer.answered, answer.answer).toBe(false);
    expect(answer.answer).toBe('');
  });
  it.each(UNANSWERABLE_STRATEGY)('%s (%s): %s', async (_why, lang, question) => {
    const answer = await strategyKb.answer(question, lang);
    expect(answer.answered, answer.answer).toBe(false);
  });

  it.each([
    ['a count the agreement never gives (an article’s paragraph number is no count)', 'en', 'How many Dutch experts will be sent to Kenya?'],
    ['a count the agreement never gives (an article’s paragraph number is no count)', 'ru', 'Сколько нидерландских экспертов направят в Кению?'],
    ['an allowance the agreement names without its amount', 'en', 'What daily allowance, in Kenyan shillings, do the Dutch experts receive?'],
  ] as [string, Lang, string][])('%s (%s): %s', async (_why, lang, question) => {
    const answer = await agreementKb.answer(question, lang);
    expect(answer.answered, answer.answer).toBe(false);
  });
});

it('uses the built-in lexicon and the names of months, languages and countries, not only the glossary', () => {
  const ids = Array.from({ length: kb.glossary.size }, (_, i) => kb.glossary.idOf(i));
  expect(ids).toEqual(expect.arrayContaining(['topic', 'name:month:4', 'name:language:ru', 'name:region:PE']));
});
