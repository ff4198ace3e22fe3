/**
 * Figures that are not the quantity asked: a section's zero-padded number ("03 A core result…") and
 * an index written as a decimal ("(0,467)") are no count and no sum of money, so a question about a
 * count or a budget the document does not give is not answered with them — while the document's
 * own counts and sums are. Through the real pipeline, in several languages.
 */
import { describe, expect, it } from 'vitest';
import { unitsOf } from '../../src/rag/units.ts';
import { itAbstainsOn, itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const PROGRAMME_ES = [
  '# Programa de país para Ruritania 2021-2025',
  '',
  'Ruritania sigue en la categoría de desarrollo humano medio: el índice de desigualdad de género (0,467) y el índice ajustado por la desigualdad (0,522) muestran brechas persistentes entre regiones.',
  '',
  'El programa apoyará a 120 municipios en la planificación territorial y la gestión del agua.',
  '',
  '## Borduria',
  '',
  'En Borduria, el programa hermano apoyará a 45 municipios en la gestión del agua.',
].join('\n');

const NETWORK_EN = [
  '# Learning network: results framework',
  '',
  '01 The network connects teams in forty countries that test new ways of delivering public services.',
  '',
  '03 A core global result will be that a learning and scaling network is established and working.',
  '',
  'In its first year the network trained 85 facilitators in running experiments with local partners.',
].join('\n');

const REVIEW_FR = [
  '# Bureau de pays d’Ostlandie - Bilan 2021',
  '',
  'Le bureau a renforcé ses partenariats avec les ministères et la société civile, et a ouvert deux antennes régionales.',
  '',
  'Le bureau a mobilisé auprès de ses partenaires un montant de 3 481 200 USD.',
  '',
  'Par rapport à 2020, la part des ressources propres a baissé, tandis que les fonds verticaux ont augmenté.',
].join('\n');

const PRESS_EN = [
  '# Island statistics offices trained on census results',
  '',
  'Monday, 1 August 2011. Press release: University of the Coral Sea.',
  '',
  'A regional training on the use of census results was held in Port Vila from 25 to 29 July 2011, run jointly by the university and the population fund.',
  '',
  'Statisticians from nine island countries took part, and each office left with a plan to publish its census tables.',
  '',
  'Our reporting is open to everyone, on every device.',
  '',
  'Readers like you keep this site independent and free of advertising.',
  '',
  'Join today with plans starting from less than $3 per week, plus access to exclusive features.',
].join('\n');

const REVIEW_EN = [
  '# Midterm review of the Delta Labs',
  '',
  'Interviews with the lab teams were conducted over a period of two months, in person and online.',
  '',
  'The final report of the Delta Labs review is due six weeks after the last field visit.',
].join('\n');

const SUMMARY_EN = [
  '# Trade facilitation programme: project summary',
  '',
  '| Item | West and Central Africa |',
  '|---|---|',
  '| Project period | 1 March 2024 – 28 February 2026 |',
  '| Confirmed funding | 450 000 US dollars |',
  '| Evaluator | Marta Ilunga |',
].join('\n');

const FUNDS_FR = [
  '# Programme d’appui aux coopératives laitières du Sahel',
  '',
  'La coopération italienne a apporté 12 millions de francs CFA au programme en 2024.',
  '',
  'Les coopératives ont vendu 4 300 litres de lait par jour pendant la saison sèche.',
  '',
  'Le fonds de garantie a couvert des prêts pour un montant de 96 480 000 FCFA.',
].join('\n');

const PROFILE_FR = [
  '# Profil de pays : Bolivie',
  '',
  'Les inégalités restent fortes en Bolivie : le coefficient de Gini des revenus est de 0,46.',
  '',
  'Pour la répartition des terres, le coefficient de Gini atteint 0,88.',
  '',
  'L’indice d’inégalité de genre du pays (0,431) place la Bolivie au 97e rang.',
].join('\n');

const TOURISM_FR = [
  '# Attractivité touristique des pays andins',
  '',
  'Les offres des voyagistes ont été notées pays par pays.',
  '',
  '| Pays | Score moyen (/100) | Offres analysées |',
  '|---|---|---|',
  '| Bolivie | 21,4 | 38 |',
  '| Pérou | 47,2 | 55 |',
  '| Équateur | 33,8 | 41 |',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'profil.md': PROFILE_FR, 'tourisme.md': TOURISM_FR, 'delta.md': REVIEW_EN,  'press.md': PRESS_EN,  'programa.md': PROGRAMME_ES, 'network.md': NETWORK_EN, 'bilan.md': REVIEW_FR, 'summary.md': SUMMARY_EN, 'sahel.md': FUNDS_FR });

describe('figures that are not the quantity asked', () => {
  itAnswersWith('answers with the document’s own count', kb, [
    ['es', '¿A cuántos municipios apoyará el programa en Ruritania?', '120'],
    ['en', 'How many facilitators did the learning network train in its first year?', '85'],
    ['fr', 'Combien d’animateurs le réseau d’apprentissage a-t-il formés la première année ?', '85'],
    // A name written in Cyrillic letters (Руритания) is found in the Latin ones of the document.
    ['ru', 'Скольким муниципалитетам поможет программа в Руритании?', '120'],
  ]);

  itAbstainsOn('does not give an index as a budget, nor a section’s number as a count', kb, [
    ['es', '¿Cuál es el presupuesto total, en dólares, del programa para Ruritania?', '0,467'],
    ['en', 'What is the total budget in dollars of the Ruritania country programme?', '0,522'],
    ['ru', 'Сколько полицейских обучила сеть в 2020 году?', '03'],
    ['en', 'How many police officers did the learning network train in 2020?', '03'],
  ]);
});

describe('a review titled with its year', () => {
  itAnswersWith('answers for the year of its title', kb, [
    ['fr', 'Quel montant le bureau d’Ostlandie a-t-il mobilisé auprès de ses partenaires en 2021 ?', '3 481 200'],
    ['en', 'How much did the Ostland country office raise from its partners in 2021?', '3 481 200'],
  ]);

  itAbstainsOn('does not answer for another year with a line that names none', kb, [
    ['fr', 'Quel montant le bureau d’Ostlandie a-t-il mobilisé auprès de ses partenaires en 2020 ?', '3 481 200'],
    ['en', 'How much did the Ostland country office raise from its partners in 2020?', '3 481 200'],
    ['es', '¿Cuánto movilizó la oficina de Ostland con sus socios en 2020?', '3 481 200'],
  ]);
});

describe('a page with a subscription banner', () => {
  itAnswersWith('answers from the release', kb, [
    ['en', 'How many island countries sent statisticians to the census training in Port Vila?', 'nine'],
  ]);

  itAbstainsOn('does not give the banner’s price as the cost of the training', kb, [
    ['en', 'What was the total cost of the census training run by the University of the Coral Sea?', '$3'],
    ['zh', '珊瑚海大学与人口基金的普查培训总经费是多少？', '$3'],
    ['es', '¿Cuánto costó en total la formación sobre el censo en Port Vila?', '$3'],
  ]);
});

describe('a duration asked “when”', () => {
  itAnswersWith('answers with a time relative to something', kb, [
    ['en', 'When is the final report of the Delta Labs review due?', 'six weeks'],
    ['fr', 'Quand le rapport final de la revue des Delta Labs est-il attendu ?', 'six weeks'],
  ]);

  itAbstainsOn('does not answer “when” with how long something took', kb, [
    ['en', 'When were the interviews with the Delta Labs teams conducted?', 'two months'],
    ['es', '¿Cuándo se realizaron las entrevistas con los equipos de los Delta Labs?', 'two months'],
  ]);
});

describe('a section’s zero-padded number', () => {
  it('is not part of what the section says, in any language written with capitals', () => {
    expect(unitsOf('03 A core global result will be that a network is established.', 'en')[0]?.text).toBe('A core global result will be that a network is established.');
    expect(unitsOf('02 Le réseau relie des équipes dans quarante pays.', 'fr')[0]?.text).toBe('Le réseau relie des équipes dans quarante pays.');
    expect(unitsOf('04 Сеть объединяет команды в сорока странах.', 'ru')[0]?.text).toBe('Сеть объединяет команды в сорока странах.');
    // A figure that counts something stays: "05 countries" is not numbered.
    expect(unitsOf('05 countries joined in 2021.', 'en')[0]?.text).toBe('05 countries joined in 2021.');
  });
});

describe('"M." opening a paragraph', () => {
  it('is the title before a name, not a list’s letter: it stays with the name', () => {
    expect(unitsOf('M. Tomas Reyes, chef de la section des contrôles, a présenté un aperçu.', 'fr')[0]?.text).toBe('M. Tomas Reyes, chef de la section des contrôles, a présenté un aperçu.');
    // A letter numbering a list or a section still goes.
    expect(unitsOf('A. Independent Evaluation Office staffing', 'en')[0]?.text).toBe('Independent Evaluation Office staffing');
    expect(unitsOf('b) second item of the list', 'en')[0]?.text).toBe('second item of the list');
  });
});

describe('sums of money in the currencies of the field', () => {
  itAnswersWith('a sum written with its currency’s country, or in millions “de” a currency, or in CFA francs', kb, [
    ['en', 'How much confirmed funding did the trade facilitation programme for West and Central Africa have?', '450 000 US dollars'],
    ['fr', 'Quel est le financement confirmé du programme de facilitation du commerce en Afrique de l’Ouest et du Centre ?', '450 000 US dollars'],
    ['es', '¿Cuánta financiación confirmada tuvo el programa de facilitación del comercio para África Occidental y Central?', '450 000 US dollars'],
    ['en', 'How much did Italian cooperation contribute to the Sahel dairy cooperatives programme?', '12 millions de francs CFA'],
    ['ru', 'Сколько денег итальянское сотрудничество выделило программе поддержки молочных кооперативов Сахеля?', '12 millions de francs CFA'],
    ['es', '¿Por qué importe cubrió préstamos el fondo de garantía de las cooperativas lecheras?', '96 480 000 FCFA'],
  ]);
});

describe('the value of an index, a coefficient or a score', () => {
  itAnswersWith('is a figure, decimal or not, in prose or in a table', kb, [
    ['en', 'What is the Gini coefficient of land distribution in Bolivia?', '0,88'],
    ['es', '¿Cuál es el índice de desigualdad de género de Bolivia?', '0,431'],
    ['fr', 'Quel est le coefficient de Gini des revenus en Bolivie ?', '0,46'],
    ['ru', 'Каков коэффициент Джини распределения земель в Боливии?', '0,88'],
    ['zh', '玻利维亚的性别不平等指数是多少？', '0,431'],
    ['en', 'What average score does Peru get for tourist appeal?', '47,2'],
    ['ar', 'ما متوسط درجة الإكوادور في جدول الجاذبية السياحية؟', '33,8'],
  ]);
});
