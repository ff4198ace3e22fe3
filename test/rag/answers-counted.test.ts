/**
 * "How many X": the figure counts what is written by it. A table's row answers with its figure
 * when its own cells (a column's header) name X; a row whose figure counts something else
 * ("Participation: 62") does not answer "from how many countries", even when the sentence that
 * introduces the table names countries in passing; a count of tonnes is not answered by kilograms; a sentence's opening year
 * before its comma is no item of a list.
 * Through the real pipeline, in several languages.
 */
import { describe } from 'vitest';
import { itAbstainsOn, itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const CLINICS_FR = [
  '# Cliniques en ligne sur les marchés publics',
  '',
  'Pour que tous les pays de la région soient servis, le secrétariat a tenu trois cliniques, comme indiqué ci-dessous :',
  '',
  '| N° | Langue | Date | Inscriptions | Participation |',
  '|---|---|---|---|---|',
  '| I | Portugais | 12 mars 2024 | 310 | 74 |',
  '| II | Arabe | 9 avril 2024 | 265 | 58 |',
  '| III | Russe | 21 mai 2024 | 190 | 47 |',
].join('\n');

const NETWORK_EN = [
  '# Customs laboratories network',
  '',
  'The network’s regional meetings brought laboratories together as follows:',
  '',
  '| Meeting | City | Countries | Laboratories |',
  '|---|---|---|---|',
  '| Andean meeting | Quito | 5 | 17 |',
  '| Sahel meeting | Niamey | 7 | 12 |',
].join('\n');

const RECYCLING_EN = [
  '# Recycling packaging into building blocks',
  '',
  'Each year the recycling initiative avoids burning plastic, which emits 2.4 kg of carbon dioxide per kg of plastic.',
  '',
  'It keeps about 58 metric tonnes of waste out of landfills.',
].join('\n');

const SUPPLY_EN = [
  '# Sources of supply',
  '',
  'In 2023, the WMO bought goods and services from 187 countries and territories, a record for its procurement.',
  '',
  'The ten largest supplier countries accounted for 41 per cent of the total.',
].join('\n');

const kb = useDocumentsKnowledgeBase({ 'cliniques.md': CLINICS_FR, 'network.md': NETWORK_EN, 'recycling.md': RECYCLING_EN, 'supply.md': SUPPLY_EN });

describe('a row whose figure counts something else', () => {
  itAbstainsOn('does not answer how many countries', kb, [
    ['fr', 'De combien de pays venaient les participants de la clinique en arabe ?', '58'],
    ['en', 'From how many countries did the participants of the Arabic clinic come?', '58'],
    ['es', '¿De cuántos países eran los participantes de la clínica en árabe?', '58'],
    ['ar', 'من كم دولة جاء المشاركون في العيادة باللغة العربية؟', '58'],
  ]);
  itAnswersWith('answers for what it counts', kb, [
    ['fr', 'Combien de participants la clinique en arabe a-t-elle réunis ?', '58'],
    ['en', 'How many participants attended the Arabic clinic?', '58'],
  ]);
});

describe('a row whose column names what is counted', () => {
  itAnswersWith('answers how many of it', kb, [
    ['en', 'How many countries took part in the Sahel meeting of the laboratories network?', '7'],
    ['fr', 'Combien de pays ont pris part à la réunion du Sahel du réseau de laboratoires ?', '7'],
    ['es', '¿Cuántos laboratorios participaron en la reunión andina de la red?', '17'],
  ]);
});

describe('a unit counted', () => {
  itAnswersWith('is that unit, not another of the same measure (tonnes, not kilograms)', kb, [
    ['fr', 'Combien de tonnes de plastique l’initiative de recyclage évite-t-elle chaque année ?', '58'],
    ['es', '¿Cuántas toneladas de plástico evita cada año la iniciativa de reciclaje?', '58'],
    ['ru', 'Сколько тонн пластика ежегодно позволяет избежать инициатива по переработке?', '58'],
  ]);
});

describe('a sentence opening on its year ("In 2023, the WMO bought goods and services from…")', () => {
  itAnswersWith('is no list whose items would share its figure', kb, [
    ['en', 'From how many countries did the WMO buy goods and services in 2023?', '187'],
    ['fr', 'Dans combien de pays l’OMM a-t-elle acheté des biens et des services en 2023 ?', '187'],
    ['es', '¿De cuántos países compró bienes y servicios la OMM en 2023?', '187'],
  ]);
});

// A figure with another noun right after it counts that noun: "six assistance areas" is no count of experts, nor "sept séances" of States.
const ROSTER_EN = [
  '# The experts network',
  '',
  'Every expert in the network’s roster is filed under one or more of six assistance areas.',
  '',
  'After the 2024 call, 48 high-level international experts were listed. They come from 19 countries and work in four languages.',
].join('\n');

const SESSION_FR = [
  '# Rapport de la trentième session',
  '',
  'Les États membres ont tenu la trentième session de la Commission à Beyrouth en sept séances plénières.',
  '',
  'Des représentants de 16 pays y ont pris part.',
].join('\n');

describe('a figure counts the noun written right after it', () => {
  const roster = useDocumentsKnowledgeBase({ 'roster.md': ROSTER_EN });
  itAnswersWith('the count of experts, not of areas or countries', roster, [
    ['en', 'How many experts are in the network’s roster?', '48'],
    ['fr', 'Combien d’experts figurent dans le fichier du réseau ?', '48'],
    ['es', '¿Cuántos expertos hay en el registro de la red?', '48'],
    ['en', 'From how many countries do the network’s experts come?', '19'],
  ]);
  const session = useDocumentsKnowledgeBase({ 'session.md': SESSION_FR });
  itAnswersWith('the count of States, not of meetings', session, [
    ['fr', 'Combien d’États membres ont tenu la trentième session de la Commission ?', '16'],
    ['en', 'How many member States held the thirtieth session of the Commission?', '16'],
  ]);
});

// Numbers of two words: "ثلاثة عشر" is thirteen, "خمسة وعشرون" twenty-five — not three, not five; "vingt-cinq", "treinta y cinco", "тринадцать" too.
describe('numbers written in words of two parts', () => {
  const words = useDocumentsKnowledgeBase({
    'nairobi.md': '# Nairobi workshop\n\nTwenty-five experts attended the Nairobi workshop on customs data.\n',
    'dakar.md': '---\nlang: fr\n---\n# Séminaire de Dakar\n\nVingt-sept délégués ont participé au séminaire de Dakar sur les données douanières.\n',
    'lima.md': '---\nlang: es\n---\n# Curso de Lima\n\nAsistieron treinta y cinco funcionarios al curso de Lima sobre datos aduaneros.\n',
    'almaty.md': '---\nlang: ru\n---\n# Семинар в Алматы\n\nВ семинаре в Алматы по таможенным данным участвовали тринадцать экспертов.\n',
  });
  itAnswersWith('the whole number, in each language', words, [
    ['en', 'How many experts attended the Nairobi workshop?', 'Twenty-five'],
    ['fr', 'Combien de délégués ont participé au séminaire de Dakar ?', 'Vingt-sept'],
    ['es', '¿Cuántos funcionarios asistieron al curso de Lima?', 'treinta y cinco'],
    ['ru', 'Сколько экспертов участвовало в семинаре в Алматы?', 'тринадцать'],
  ]);

  const kb = useDocumentsKnowledgeBase({
    'session-ar.txt': ['تقرير الدورة', '', 'شارك في الدورة ممثلون عن ثلاثة عشر بلدا من البلدان الأعضاء.', '', 'وحضر الاجتماع خمسة وعشرون خبيرا في الإحصاء.'].join('\n'),
  });
  itAnswersWith('the whole number', kb, [
    ['ar', 'كم بلدا شارك في الدورة؟', 'ثلاثة عشر'],
    ['ar', 'كم خبيرا حضر الاجتماع؟', 'خمسة وعشرون'],
    ['en', 'How many experts attended the meeting?', 'خمسة وعشرون'],
  ]);
});
