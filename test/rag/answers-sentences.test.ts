/**
 * Answers made of sentences, through the real pipeline (ingestion, the built-in glossary and
 * lexicon, retrieval, extraction) on documents written for this test: a sentence that opens on a
 * pronoun pointing back goes with the sentence before it, in the documents' languages, whatever the
 * asker's language; a long one, or one that does not point back, is not added. A month the question
 * names is found written short ("Feb. 11-13"), and another month is no answer; so is another part
 * of the world than the one the question names. A line of dates that closes a record of a table
 * copied out of a PDF is read, and quoted, with that record.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';

const DECISIONS_FR = [
  'Décisions du comité sur la formation',
  '',
  'Le comité a demandé au Secrétariat de présenter une étude sur les méthodes de sélection des formateurs régionaux. Cela sera fait à titre informatif.',
  '',
  'Le comité a également demandé une mise à jour annuelle de la liste des formateurs disponibles pour les missions de courte durée.',
].join('\n');

const DECISIONS_EN = [
  '# Board decisions on the rural water programme',
  '',
  'The board asked the programme office to publish a review of the maintenance contracts of the village pumps. This will be submitted for approval at the next meeting.',
  '',
  'The board also asked for a yearly list of the districts where new wells are drilled, with their population.',
].join('\n');

const DECISIONS_ES = [
  'Decisiones de la junta sobre las becas',
  '',
  'La junta pidió a la secretaría un informe sobre los criterios de concesión de las becas de movilidad. Esto se hará antes del cierre del ejercicio.',
  '',
  'La junta pidió también una lista actualizada de las universidades asociadas al programa de becas y de sus coordinadores.',
].join('\n');

const CLINICS_EN = [
  '# Regional clinics',
  '',
  'The third regional clinic on aid data was held from Feb. 11-13 in Accra, Ghana. More than 70 people attended from twelve countries.',
].join('\n');

const CALLS_ES = [
  'Convocatoria de pequeñas subvenciones',
  '',
  'La fecha límite para la presentación de las notas conceptuales para el Caribe es el 10 de noviembre de 2016. Cada proyecto recibirá como máximo 60 000 euros.',
  '',
  'Para África subsahariana, las propuestas debían llegar antes del 20 de noviembre de 2015.',
].join('\n');

const TEACHERS_FR = [
  'Formation des enseignants',
  '',
  'L’État consacrera au moins 40 % de ses subventions à la formation des enseignants du primaire.',
].join('\n');

const ANNEX_FR = [
  'Annexe : activités prévues et ressources requises',
  '',
  'Réseau de formateurs',
  '',
  'Recensement de formateurs avec les bureaux régionaux, afin de développer le réseau',
  '',
  '20 nouveaux formateurs recrutés :',
  'élargissement du réseau de formateurs (en particulier des régions peu représentées)',
  '',
  'Mars -',
  'avril 2015',
  '',
  'Organisation d’un séminaire pour le réseau',
  '',
  '1 séminaire organisé pour le réseau',
  '',
  'Juin 2015 30 000',
].join('\n');

const kb = useDocumentsKnowledgeBase({
  'decisions-fr.txt': DECISIONS_FR,
  'decisions-en.md': DECISIONS_EN,
  'decisions-es.txt': DECISIONS_ES,
  'clinics-en.md': CLINICS_EN,
  'calls-es.txt': CALLS_ES,
  'teachers-fr.txt': TEACHERS_FR,
  'annex-fr.txt': ANNEX_FR,
});

describe('a sentence that points back goes with the one before it', () => {
  it.each([
    ['fr', 'L’étude sur la sélection des formateurs régionaux est-elle présentée au comité pour décision ?', 'à titre informatif', 'decisions-fr.txt'],
    ['en', 'Is the study on how regional trainers are selected presented to the committee for a decision?', 'à titre informatif', 'decisions-fr.txt'],
    ['zh', '关于区域培训师遴选方法的研究是否提交委员会作决定？', 'à titre informatif', 'decisions-fr.txt'],
    ['en', 'Will the review of the maintenance contracts of the village pumps be put to the board?', 'submitted for approval', 'decisions-en.md'],
    ['fr', 'L’examen des contrats d’entretien des pompes des villages sera-t-il soumis au conseil ?', 'submitted for approval', 'decisions-en.md'],
    ['es', '¿Presentará la secretaría un informe sobre los criterios para conceder las becas de movilidad?', 'antes del cierre del ejercicio', 'decisions-es.txt'],
    ['ru', 'Подготовит ли секретариат доклад о критериях предоставления стипендий на мобильность?', 'antes del cierre del ejercicio', 'decisions-es.txt'],
  ] as [Lang, string, string, string][])('%s: %s', async (lang, question, continuation, doc) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.citations[0]?.source).toBe(`docs/${doc}`);
    expect(answer.answer.slice(0, 700)).toContain(continuation);
  });

  it('adds nothing after a sentence whose next one does not point back', async () => {
    const answer = await kb().answer('Le comité a-t-il demandé une mise à jour annuelle de la liste des formateurs ?', 'fr');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('mise à jour annuelle');
    expect(answer.answer).not.toContain('Cela sera fait');
  });
});

describe('a month written short', () => {
  it.each([
    ['fr', 'Combien de personnes ont participé à la clinique régionale d’Accra en février ?'],
    ['ru', 'Сколько человек участвовало в региональной клинике в Аккре в феврале?'],
    ['en', 'How many people attended the regional clinic in Accra in February?'],
  ] as [Lang, string][])('is the month the question names (%s): %s', async (lang, question) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer.split('\n')[0]).toMatch(/70$/);
  });

  it('is not another month', async () => {
    const answer = await kb().answer('How many people attended the regional clinic in Accra in March?', 'en');
    expect(answer.answered, answer.answer).toBe(false);
  });
});

describe('a part of the world', () => {
  it.each([
    ['ru', 'Какой крайний срок подачи концептуальных записок для Карибского региона?'],
    ['en', 'What is the deadline for concept notes for the Caribbean?'],
    ['fr', 'Quelle est la date limite des notes conceptuelles pour les Caraïbes ?'],
  ] as [Lang, string][])('is the one the question names (%s): %s', async (lang, question) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer.slice(0, 700)).toContain('10 de noviembre de 2016');
  });

  it.each([
    ['ru', 'Какой крайний срок подачи концептуальных записок для Тихоокеанского региона?'],
    ['en', 'What is the deadline for concept notes for the Pacific?'],
    ['zh', '太平洋地区概念说明的截止日期是什么？'],
  ] as [Lang, string][])('is not another one (%s): %s', async (lang, question) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(false);
  });
});

describe('a part of the world named in several words', () => {
  it.each([
    ['ru', 'Какой крайний срок подачи предложений для Африки южнее Сахары?'],
    ['ar', 'ما هو الموعد النهائي لتقديم المقترحات لأفريقيا جنوب الصحراء؟'],
    ['zh', '撒哈拉以南非洲的提案截止日期是什么时候？'],
    ['en', 'What was the deadline for proposals from sub-Saharan Africa?'],
  ] as [Lang, string][])('is that part, in any language (%s): %s', async (lang, question) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer.split('\n')[0]).toContain('20 de noviembre de 2015');
  });

  it('is not the continent, nor another part of it', async () => {
    const answer = await kb().answer('What was the deadline for proposals from North Africa?', 'en');
    expect(answer.answered, answer.answer).toBe(false);
  });
});

describe('a capitalised word of the question', () => {
  it('may be translated in a document of another language ("the State", "l’État")', async () => {
    const answer = await kb().answer('What share of its grants does the State give to teachers’ training?', 'en');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer.split('\n')[0]).toMatch(/40 %$/);
  });

  it('is still a name that must be there when it is one ("in Timbuktu")', async () => {
    const answer = await kb().answer('What share of its grants does the State give to teachers’ training in Timbuktu?', 'en');
    expect(answer.answered, answer.answer).toBe(false);
  });
});

describe('a line of dates that closes a record of a flattened table', () => {
  it.each([
    ['en', 'When are the 20 new trainers to be recruited?'],
    ['zh', '20名新培训师打算什么时候招聘？'],
    ['ru', 'Когда планируется набрать 20 новых тренеров?'],
  ] as [Lang, string][])('answers for that record (%s): %s', async (lang, question) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    const [lead, , quote] = answer.answer.split('\n');
    expect(lead).toMatch(/Mars - avril 2015$/);
    expect(quote).toContain('20 nouveaux formateurs recrutés');
  });
});
