/**
 * The kind of answer a question expects, read from its question words in the six languages, and
 * the spans of each kind that a sentence or a row holds (figures in every locale's form).
 */
import { describe, expect, it } from 'vitest';
import { findSpans, namesCurrency } from '../../src/rag/entities.ts';
import { analyze } from '../../src/rag/analyze.ts';
import { asksAbout, asksDay, asksEnd, asksForExpert, countedWord, questionKind, type AnswerKind } from '../../src/rag/question-kind.ts';
import { superlativeOf } from '../../src/rag/superlative.ts';
import { Glossary } from '../../src/rag/glossary.ts';
import { analyzeQuery } from '../../src/rag/query.ts';
import { nameEntries } from '../../src/rag/names.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { isMoneyConcept } from '../../src/rag/money-words.ts';

const CASES: [AnswerKind, Lang, string][] = [
  ['number', 'en', 'How many countries took part in the workshop?'],
  ['number', 'fr', 'Combien de pays ont participé à l’atelier ?'],
  ['number', 'es', '¿Cuántos países participaron en el taller?'],
  ['number', 'ru', 'Сколько стран участвовало в семинаре?'],
  // A money word inside another word is none ("рецензируемых", "оценок" hold "цен").
  ['number', 'ru', 'Сколько рецензируемых статей опубликовали стипендиаты?'],
  ['number', 'ru', 'Сколько оценок провели в 2020 году?'],
  ['number', 'ru', 'Скольким муниципалитетам поможет программа?'],
  ['number', 'ru', 'Из скольких стран приехали участники?'],
  // "The value of X" asks for a sum of money, "the volume of X" for a figure (which a sum answers too): not what X is.
  ['amount', 'en', 'What was the overall value of UN system procurement in 2024?'],
  ['amount', 'fr', 'Quelle a été la valeur totale des achats des Nations Unies en 2024 ?'],
  ['amount', 'es', '¿Cuál fue el valor total de las compras de la ONU en 2024?'],
  ['amount', 'ar', 'ما هي القيمة الإجمالية لمشتريات الأمم المتحدة في عام 2024؟'],
  ['number', 'en', 'What was the total volume of procurement in 2024?'],
  ['number', 'es', '¿Cuál fue el volumen de compras de la ONU en 2024?'],
  ['number', 'ru', 'Каков был общий объём закупок ООН в 2024 году?'],
  ['number', 'ar', 'ما حجم المشتريات في عام 2024؟'],
  ['number', 'ru', 'Каким был размер оперативного резерва на конец года?'],
  // "Who funded", "who organised", "who prepared" in Arabic (من is also "from": the verb says it asks who).
  ['person', 'ar', 'من مول المشروع؟'],
  ['person', 'ar', 'من أعد التقرير؟'],
  // "До какого года": until what year.
  ['date', 'ru', 'До какого года продлится программа?'],
  // "На какой срок": for how long.
  ['duration', 'ru', 'На какой срок запустили платформу вебинаров?'],
  // "В какие даты": which dates, not a list.
  ['date', 'ru', 'В какие даты пройдёт сессия Исполнительного совета?'],
  // "What period does it cover", "which years": a span of years, as a date, whatever else is named.
  ['date', 'es', '¿Qué período abarca la estrategia a plazo medio?'],
  ['date', 'zh', '新的计划与预算周期涵盖哪几年？'],
  ['date', 'en', 'Which years does the country programme cover?'],
  ['date', 'fr', 'Quelle période couvre le programme de pays ?'],
  ['date', 'ru', 'На какой период рассчитана стратегия?'],
  ['date', 'ar', 'ما الفترة التي يغطيها البرنامج القطري؟'],
  ['duration', 'en', 'Within what period must the report be sent?'],
  // "What is the name of the expert": a person, when a person is what is named (not a software's name).
  ['person', 'zh', '2019年中文网络研讨会的主讲专家叫什么名字？'],
  ['person', 'en', 'What is the name of the expert who led the Chinese webinar?'],
  ['person', 'fr', 'Comment s’appelle l’expert du webinaire en chinois ?'],
  ['person', 'es', '¿Cuál es el nombre del experto del seminario en chino?'],
  ['person', 'ru', 'Как зовут эксперта китайского вебинара?'],
  ['person', 'ar', 'ما اسم الخبير الذي قدم الندوة باللغة الصينية؟'],
  // An Arabic money word starts a word: "مصرف" (a bank) holds "صرف", "الأعمال" holds "مال".
  ['number', 'ar', 'من كم بلداً جاء خبراء المصرف الدولي للخبرات؟'],
  ['number', 'ar', 'كم عدد الأعمال المنجزة في المشروع؟'],
  ['amount', 'ar', 'كم بلغت تكلفة الندوة؟'],
  ['amount', 'ar', 'كم كان المبلغ المخصص للتدريب؟'],
  ['number', 'ar', 'كم عدد البلدان التي شاركت في الورشة؟'],
  ['number', 'zh', '有多少个国家参加了讲习班？'],
  ['amount', 'en', 'How much did the workshop cost?'],
  ['amount', 'fr', 'Combien a coûté l’atelier ?'],
  ['amount', 'es', '¿Cuánto costó el taller?'],
  ['amount', 'ru', 'Сколько стоил семинар?'],
  ['amount', 'ar', 'كم كانت تكلفة الورشة؟'],
  ['amount', 'zh', '讲习班花了多少钱？'],
  ['percentage', 'en', 'What percentage of participants answered the survey?'],
  ['percentage', 'fr', 'Quel est le taux de réponse à l’enquête ?'],
  ['percentage', 'es', '¿Qué porcentaje respondió a la encuesta?'],
  ['percentage', 'ru', 'Какой процент участников ответил?'],
  ['percentage', 'ar', 'ما نسبة المشاركين الذين ردوا على الاستبيان؟'],
  ['percentage', 'zh', '调查的回复率是多少？'],
  ['date', 'en', 'When was the workshop held?'],
  ['date', 'fr', 'Quand l’atelier a-t-il eu lieu ?'],
  ['date', 'es', '¿Cuándo se celebró el taller?'],
  ['date', 'ru', 'Когда прошёл семинар?'],
  ['date', 'ar', 'متى عقدت الورشة؟'],
  ['date', 'zh', '讲习班是什么时候举行的？'],
  // "Of which number" (ru) and "which number" (zh) ask for a day of the month, not a count.
  ['date', 'ru', 'Какого числа стартовала серия семинаров?'],
  ['date', 'ru', 'С какого числа открыт приём заявок?'],
  ['number', 'ru', 'До какого числа экспертов хотят расширить банк экспертных знаний?'],
  ['date', 'zh', '研讨会是几号举行的？'],
  ['date', 'zh', '研讨会在几月几日举行？'],
  ['duration', 'en', 'How long does the training last?'],
  ['duration', 'fr', 'Combien de jours dure la formation ?'],
  ['duration', 'es', '¿Cuánto tiempo dura la formación?'],
  ['duration', 'ru', 'Сколько дней длится обучение?'],
  ['duration', 'ar', 'كم يوما تستغرق الدورة؟'],
  ['duration', 'zh', '培训持续多久？'],
  ['duration', 'en', 'How often is a new topic posted?'],
  ['duration', 'fr', 'Tous les combien le modérateur lance-t-il un sujet ?'],
  ['duration', 'ru', 'Как часто публикуется новая тема?'],
  ['person', 'en', 'Who chaired the meeting?'],
  ['person', 'fr', 'Qui a présidé la réunion ?'],
  ['person', 'es', '¿Quién presidió la reunión?'],
  ['person', 'ru', 'Кто председательствовал на заседании?'],
  ['person', 'ar', 'من ترأس الاجتماع؟'],
  // "استخدام" (use) holds the letters of "دام" (lasted): words are matched whole.
  ['person', 'ar', 'من سيتولى إعداد قواعد استخدام المنتدى؟'],
  ['duration', 'ar', 'كم دامت الدورة؟'],
  // The verb of lasting in any of its forms, with "how much" ("cuánto … durar") or without.
  ['duration', 'es', '¿Cuánto pueden durar como máximo los proyectos regionales?'],
  ['duration', 'es', '¿Cuánto durarán los talleres?'],
  ['duration', 'fr', 'Combien de temps peut durer un projet national ?'],
  ['duration', 'ru', 'Сколько продлится региональный проект?'],
  ['duration', 'ar', 'كم يمكن أن تدوم المشاريع الإقليمية؟'],
  ['duration', 'zh', '区域项目最长可以持续多久？'],
  // A word that only begins like a share's ("должны", "частный") asks for none.
  ['date', 'ru', 'До какой даты должны быть завершены малые гранты?'],
  ['percentage', 'ru', 'Какую часть расходов покрывает грант?'],
  ['person', 'zh', '谁主持了会议？'],
  ['place', 'en', 'Where did the workshop take place?'],
  ['place', 'fr', 'Dans quelle ville l’atelier a-t-il eu lieu ?'],
  ['place', 'es', '¿Dónde se celebró el taller?'],
  ['place', 'ru', 'Где прошёл семинар?'],
  ['place', 'ar', 'أين عقدت الورشة؟'],
  ['place', 'zh', '讲习班在哪里举行？'],
  ['language', 'en', 'In which language was the session given?'],
  ['language', 'fr', 'En quelle langue la séance a-t-elle eu lieu ?'],
  ['language', 'es', '¿En qué idioma fue la sesión?'],
  ['language', 'ru', 'На каком языке прошла сессия?'],
  ['language', 'ar', 'بأي لغة عقدت الجلسة؟'],
  ['language', 'zh', '会议用什么语言进行？'],
  ['organisation', 'en', 'Which division runs the platform?'],
  ['organisation', 'fr', 'Quelle division gère la plateforme ?'],
  ['organisation', 'es', '¿Qué división administra la plataforma?'],
  ['procedure', 'en', 'How does a member state request assistance?'],
  ['procedure', 'fr', 'Comment un État membre demande-t-il une assistance ?'],
  ['procedure', 'zh', '如何申请援助？'],
  ['contact', 'en', 'What is the e-mail address of the secretariat?'],
  ['contact', 'fr', 'Quel est le téléphone du bureau ?'],
  ['contact', 'es', '¿Cuál es el sitio web del programa?'],
  ['contact', 'zh', '秘书处的电子邮件是什么？'],
  ['amount', 'en', 'What would it cost per year to moderate the forum in one more language?'],
  ['amount', 'en', 'What was the original budget for the pilot phase?'],
  ['amount', 'fr', 'Quel serait le coût annuel de la modération ?'],
  ['amount', 'es', '¿Qué presupuesto asignó la organización al programa?'],
  ['amount', 'ru', 'Во что обойдётся модерация форума?'],
  ['amount', 'fr', 'Quel est le financement confirmé du programme ?'],
  ['amount', 'ar', 'كم ستكلّف كتابة بروتوكول استخدام المنتدى؟'],
  ['amount', 'ar', 'كم يكلف المشروع في السنة؟'],
  ['amount', 'en', 'What was the average annual turnover of the cooperatives?'],
  ['amount', 'fr', 'Quel est le chiffre d’affaires moyen des entreprises ?'],
  ['amount', 'es', '¿Cuál fue la facturación anual de las cooperativas?'],
  ['amount', 'ru', 'Какова выручка предприятий?'],
  // "How much funds": средства are money (the sum asked), not means.
  ['amount', 'ru', 'Сколько средств выделено на семинары?'],
  ['amount', 'zh', '合作社的平均年营业额是多少？'],
  ['date', 'ar', 'متى عُقِدَت الندوة الأولى؟'],
  ['number', 'en', 'What is the Gini coefficient of land distribution?'],
  ['number', 'en', 'What average score do the tour packages get?'],
  ['number', 'fr', 'Quel est l’indice d’inégalité de genre du pays ?'],
  ['number', 'es', '¿Cuál es el índice de Gini de la distribución de la tierra?'],
  ['number', 'es', '¿Qué puntuación media obtuvo el país?'],
  ['number', 'ru', 'Каков индекс гендерного неравенства страны?'],
  ['number', 'ar', 'ما قيمة معامل جيني للبلد؟'],
  ['number', 'ar', 'ما متوسط درجة البلد في الجدول؟'],
  ['number', 'zh', '该国的基尼系数是多少？'],
  ['amount', 'es', '¿Cuál fue la financiación del programa?'],
  ['amount', 'ru', 'Каково финансирование программы?'],
  // A rate of a budget is a share, not a sum.
  ['percentage', 'en', 'What overhead rate is built into the grand total?'],
  ['percentage', 'es', '¿Qué tasa de ejecución tuvo el presupuesto?'],
  ['percentage', 'zh', '试点阶段的预算执行率是多少？'],
  // A count of things of some duration is a count.
  ['number', 'es', '¿Cuántos talleres nacionales de corta duración se prevé organizar?'],
  ['number', 'fr', 'Combien d’ateliers de courte durée sont prévus ?'],
  ['duration', 'fr', 'Pour combien de temps la plateforme était-elle autorisée ?'],
  ['duration', 'es', '¿Cuántos días duró el taller?'],
  ['place', 'fr', 'Dans quelles villes les ateliers ont-ils eu lieu ?'],
  ['place', 'es', '¿En qué ciudades se celebraron los talleres?'],
  ['place', 'ar', 'ما المدن التي عقدت فيها الورش؟'],
  ['organisation', 'en', 'Which UNESCO programme was given as an example?'],
  ['organisation', 'en', 'Which international bodies are partners of the module?'],
  ['organisation', 'fr', 'Quel service de l’OMPI gère la plateforme ?'],
  ['amount', 'es', '¿Cuánto cobra por día un consultor?'],
  ['yes_no', 'en', 'Is the forum open to guests?'],
  ['yes_no', 'ar', 'هل المنتدى مفتوح للضيوف؟'],
  ['yes_no', 'zh', '论坛对嘉宾开放吗？'],
];

describe('question kinds', () => {
  it.each(CASES)('%s from a %s question: %s', (kind, lang, question) => {
    expect(questionKind(question, lang)).toBe(kind);
  });

  it('does not read the name of a thing as a person', () => {
    expect(questionKind('ما اسم البرنامج الحاسوبي الذي استُخدم؟', 'ar')).not.toBe('person');
    expect(questionKind('Comment s’appelle le logiciel ?', 'fr')).not.toBe('person');
    expect(questionKind('¿Cómo se llama el programa?', 'es')).not.toBe('person');
  });

  it('tells a question that names no kind', () => {
    expect(questionKind('Tell me about the evaluation of results', 'en')).toBeUndefined();
  });

  it('reads "who is it for" as asking for an audience, not for a name, in the six languages', () => {
    for (const [lang, question] of [
      ['en', 'Who is the periodic reports workshop meant for?'],
      ['fr', 'À qui s’adresse ce module ?'],
      ['es', '¿Para quién es el taller de estadísticas?'],
      ['ru', 'Для кого предназначен модуль?'],
      ['ar', 'لمن هذه الورشة؟'],
      ['zh', '这个模块面向哪些人？'],
    ] as const) {
      expect(questionKind(question, lang), question).toBeUndefined();
    }
    expect(questionKind('Who chaired the session?', 'en')).toBe('person');
  });

  it('reads the kind from the question’s own clause, not from a "when" or "where" of a clause after it', () => {
    for (const [lang, question, kind] of [
      ['en', 'Which organisation did she represent when she presented the strategy?', 'organisation'],
      ['en', 'How many people attended when the forum met in Delhi?', 'number'],
      ['fr', 'Combien de participants y avait-il quand le séminaire s’est tenu à Dakar ?', 'number'],
      ['es', '¿Qué organización representaba cuando presentó el informe?', 'organisation'],
      ['ru', 'Какую организацию она представляла, когда выступала на форуме?', 'organisation'],
    ] as const) {
      expect(questionKind(question, lang), question).toBe(kind);
    }
    // A question word of its own and no kind: the later "when" does not make it a date.
    expect(questionKind('How big were the funds it held when the year closed?', 'en')).not.toBe('date');
    expect(questionKind('Et le séminaire de Dakar, quand a-t-il eu lieu ?', 'fr')).toBe('date');
    expect(questionKind('When was the forum held?', 'en')).toBe('date');
    expect(questionKind('Where did the seminar take place when it moved?', 'en')).toBe('place');
  });

  it('reads an allowance, a fee or a sum in a currency named as a sum of money', () => {
    expect(questionKind('What daily allowance, in Kenyan shillings, do the experts receive?', 'en')).toBe('amount');
    expect(questionKind('What fee does the programme charge?', 'en')).toBe('amount');
    expect(questionKind('How many experts are paid by the programme in Kenya?', 'en')).toBe('number');
    // "How many" of a currency counts money.
    expect(questionKind('How many Norwegian kroner did Norway pledge?', 'en')).toBe('amount');
    expect(questionKind('¿Cuántos euros prometió España?', 'es')).toBe('amount');
    expect(questionKind('Combien de couronnes la Suède a-t-elle versées ?', 'fr')).toBe('amount');
    expect(questionKind('Сколько крон внесла Швеция?', 'ru')).toBe('amount');
    expect(questionKind('瑞典捐了多少克朗？', 'zh')).toBe('amount');
    // Spending, paying in and contributing are money; counting those who did is not.
    expect(questionKind('Сколько Бюро потратило в 2024 году на штатные должности?', 'ru')).toBe('amount');
    expect(questionKind('Какой взнос Дания внесла в 2023 году?', 'ru')).toBe('amount');
    expect(questionKind('Combien la Suisse a-t-elle versé au Bureau en 2024 ?', 'fr')).toBe('amount');
    expect(questionKind('How much did Switzerland contribute in 2024?', 'en')).toBe('amount');
    expect(questionKind('¿Cuánto aportó Suiza en 2024?', 'es')).toBe('amount');
    expect(questionKind('How many countries contributed?', 'en')).toBe('number');
    expect(questionKind('Combien de pays ont versé une contribution ?', 'fr')).toBe('number');
    expect(questionKind('¿Cuántos países aportaron fondos?', 'es')).toBe('number');
    // "What was the total" asks for a quantity.
    expect(questionKind('What was total official aid in 2014?', 'en')).toBe('number');
    expect(questionKind('Quel est le total des dépenses ponctuelles ?', 'fr')).not.toBe('definition');
    // Arabic "كم بلغ / كانت / تكلف": how much, counting nothing — a sum when the question names funding or appropriations.
    expect(questionKind('كم بلغ التمويل المقدم من الحكومات في عام 2023؟', 'ar')).toBe('amount');
    expect(questionKind('كم بلغت الاعتمادات المخصصة للإسكوا؟', 'ar')).toBe('amount');
    expect(countedWord('كم بلغ التمويل المقدم من الحكومات؟', 'ar')).toBeUndefined();
    expect(countedWord('كم بلغ عدد المشاركين في الورشة؟', 'ar')).toBe('المشاركين');
    expect(countedWord('كم خبيرا شارك في الورشة؟', 'ar')).toBe('خبيرا');
  });

  it('reads "on what date" and "which day" as asking for a day, and "when did it end" for the end', () => {
    for (const [lang, question] of [
      ['en', 'On what date did the project start?'],
      ['fr', 'Quel jour la séance a-t-elle eu lieu ?'],
      ['es', '¿Qué día terminó el proyecto?'],
      ['ru', 'Какого числа закончился проект?'],
      ['ar', 'في أي يوم انتهى المشروع؟'],
      ['zh', '项目于哪一天结束？'],
    ] as [Lang, string][]) {
      expect(asksDay(question, lang), question).toBe(true);
    }
    expect(asksDay('In what year did the project start?', 'en')).toBe(false);
    expect(asksEnd('When did the project end?', 'en')).toBe(true);
    expect(asksEnd('¿Hasta cuándo dura el proyecto?', 'es')).toBe(true);
    expect(asksEnd('项目于哪一天结束？', 'zh')).toBe(true);
    expect(asksEnd('When did the project start?', 'en')).toBe(false);
  });

  it('reads "within what time" as a duration, in the six languages', () => {
    for (const [lang, question] of [
      ['en', 'Within what period must the expert import his effects?'],
      ['fr', 'Dans quel délai l’expert doit-il importer ses effets ?'],
      ['es', '¿En qué plazo debe el experto importar sus efectos?'],
      ['ru', 'В какой срок эксперт должен ввезти свои вещи?'],
      ['ar', 'خلال أي مدة يجب على الخبير استيراد أمتعته؟'],
      ['zh', '专家必须在多长时间内进口个人物品？'],
    ] as const) {
      expect(questionKind(question, lang), question).toBe('duration');
    }
  });

  it('reads a deadline as a date, in the six languages', () => {
    for (const [lang, question] of [
      ['en', 'What is the deadline for concept notes?'],
      ['fr', 'Jusqu’à quand peut-on déposer une note ?'],
      ['es', '¿Hasta cuándo debe gastarse la subvención?'],
      ['ru', 'Какой крайний срок подачи концептуальных записок?'],
      ['ar', 'ما هو الموعد النهائي لتقديم المذكرات؟'],
      ['zh', '提交概念说明的截止日期是什么？'],
    ] as const) {
      expect(questionKind(question, lang), question).toBe('date');
    }
  });

  it('reads "what (minimum) share" as a percentage, an adjective between, in four languages', () => {
    for (const [lang, question] of [
      ['en', 'What minimum share of its development finance effort does the State direct to Africa?'],
      ['fr', 'Quelle part minimale des subventions va aux pays pauvres ?'],
      ['es', '¿Qué parte mínima de las subvenciones va a los países pobres?'],
      ['ru', 'Какую минимальную долю субсидий Франция направляет?'],
    ] as const) {
      expect(questionKind(question, lang), question).toBe('percentage');
    }
    expect(questionKind('What part of the programme deals with water?', 'en')).not.toBe('percentage');
  });

  it('reads a count named inside what the question describes as no count, in the six languages', () => {
    for (const [lang, question] of [
      ['en', 'Which area does bilateral indicator 16, on the number of institutions that benefit, belong to?'],
      ['fr', 'Dans quel domaine se classe l’indicateur bilatéral n° 16 sur le nombre d’institutions bénéficiaires ?'],
      ['es', '¿En qué ámbito se clasifica el indicador bilateral 16 sobre el número de instituciones beneficiarias?'],
      ['ru', 'К какой области относится двусторонний показатель 16 о числе учреждений-получателей?'],
      ['zh', '关于受益机构数量的第16号双边指标属于哪个领域？'],
      ['ar', 'ما هو المجال الذي يندرج فيه المؤشر الثنائي رقم 16 المتعلق بعدد المؤسسات المستفيدة؟'],
    ] as const) {
      expect(questionKind(question, lang), question).not.toBe('number');
    }
    expect(questionKind('¿Qué organismo multilateral aporta el indicador sobre el número de pymes apoyadas?', 'es')).toBe('organisation');
    expect(questionKind('Which agency provides the indicator on the number of small firms supported?', 'en')).toBe('organisation');
    // The count asked for itself stays a count.
    for (const [lang, question] of [
      ['en', 'What was the total number of registrations?'],
      ['fr', 'Quel est le nombre de participants ?'],
      ['es', '¿Qué número de participantes hubo?'],
      ['ru', 'Какое количество участников было?'],
      ['zh', '研讨会的参加人数？'],
      ['ar', 'ما هو عدد المشاركين في الحلقة؟'],
    ] as const) {
      expect(questionKind(question, lang), question).toBe('number');
    }
  });

  it('reads "what does this acronym stand for" as a definition, in the six languages', () => {
    for (const [lang, question] of [
      ['en', 'What does RISF stand for in the list of abbreviations?'],
      ['fr', 'Que signifie le sigle RISF dans la liste des abréviations ?'],
      ['es', '¿Qué significa la sigla RISF en la lista?'],
      ['ru', 'Что означает сокращение RISF в списке?'],
      ['ar', 'ماذا يعني اختصار RISF الوارد في القائمة؟'],
      ['zh', '缩略语表中 RISF 的全称是什么？'],
      ['ar', 'ما الذي يعنيه الاختصار RISF؟'],
      ['ar', 'إلام يرمز الاختصار RISF؟'],
      ['ar', 'ما المقصود بالاختصار RISF؟'],
      ['ru', 'Как расшифровывается аббревиатура RISF?'],
      ['es', '¿A qué corresponde la sigla RISF?'],
      ['fr', 'À quoi correspond le sigle RISF ?'],
      ['zh', 'RISF 是什么的缩写？'],
    ] as const) {
      expect(questionKind(question, lang), question).toBe('definition');
    }
  });

  it('reads "who may take part / who has access" as asking for an audience too, in the six languages', () => {
    for (const [lang, question] of [
      ['en', 'Who can access the experts database?'],
      ['fr', 'Qui pourra participer aux ateliers ?'],
      ['es', '¿Quiénes pueden acceder a la plataforma?'],
      ['ru', 'Кому будет открыт доступ к платформе?'],
      ['ar', 'من يحق له المشاركة في الورشة؟'],
      ['zh', '谁可以参加这个讲习班？'],
    ] as const) {
      expect(questionKind(question, lang), question).toBeUndefined();
    }
    expect(questionKind('Who can help with impact evaluation?', 'en')).toBe('person');
  });

  it('reads the word a "how many" counts, in several languages', () => {
    expect(countedWord('How many countries took part?', 'en')).toBe('countries');
    expect(countedWord('Combien de pays ont participé ?', 'fr')).toBe('pays');
    expect(countedWord('¿Cuántos expertos hay?', 'es')).toBe('expertos');
    expect(countedWord('Сколько стран участвовало?', 'ru')).toBe('стран');
    expect(countedWord('Сколько было участников?', 'ru')).toBe('участников');
    // An adjective before the noun is not what is counted.
    expect(countedWord('сколько нидерландских экспертов направят?', 'ru')).toBe('экспертов');
    expect(countedWord('сколько было национальных семинаров?', 'ru')).toBe('семинаров');
    // "How much" with an adverb or a verb after it counts nothing (it may ask for a sum of money).
    expect(countedWord('Сколько изначально закладывали на пилотную фазу?', 'ru')).toBeUndefined();
    expect(countedWord('Combien faut-il prévoir pour le forum ?', 'fr')).toBeUndefined();
    // Chinese writes the noun counted and the verb after it together: the first word is counted.
    expect(countedWord('中文场次实际有多少人到场参加？', 'zh')).toBe('人');
    expect(countedWord('有几位专家出席了会议？', 'zh')).toBe('专家');
    expect(countedWord('共有多少个国家参加？', 'zh')).toBe('国家');
  });

  it('tells questions asking who can help, and superlatives', () => {
    expect(asksForExpert('Who can help with impact evaluation?', 'en')).toBe(true);
    expect(asksForExpert('¿Quién puede ayudarnos con la evaluación de impacto?', 'es')).toBe(true);
    expect(asksForExpert('Qui peut m’aider pour un plan stratégique ?', 'fr')).toBe(true);
    expect(asksForExpert('Who chaired the meeting?', 'en')).toBe(false);
    expect(superlativeOf('Which session had the lowest attendance?', 'en')).toBe('min');
    expect(superlativeOf('Quel atelier a coûté le plus ?', 'fr')).toBe('max');
    expect(superlativeOf('На какой семинар записалось меньше всего людей?', 'ru')).toBe('min');
    expect(superlativeOf('哪个讲习班参加人数最多？', 'zh')).toBe('max');
    expect(superlativeOf('На каком вебинаре слушатели охотнее всего заполняли анкету?', 'ru')).toBe('max');
    expect(superlativeOf('Какой курс посещали реже всего?', 'ru')).toBe('min');
  });
});

function kinds(text: string, lang: Lang): string[] {
  return findSpans(text, lang).map((s) => `${s.kind}:${s.text}`);
}

describe('a value that is no figure', () => {
  it.each([
    ['fr', 'Quelle est la valeur ajoutée du projet ?'],
    ['es', '¿Cuál es el valor añadido del proyecto?'],
    ['en', 'What are the values of the organisation?'],
  ] as [Lang, string][])('%s: %s', (lang, question) => {
    expect(questionKind(question, lang)).not.toBe('number');
  });
});

describe('spans', () => {
  it('reads figures in every locale’s form, and an amount with its currency', () => {
    expect(kinds('Le coût total est de 12 500 francs suisses.', 'fr')).toContain('amount:12 500 francs suisses');
    expect(kinds('The total cost was USD 12,500.', 'en')).toContain('amount:USD 12,500');
    expect(kinds('El costo fue de 12.500 dólares.', 'es')).toContain('amount:12.500 dólares');
    expect(kinds('Участвовали 48 человек.', 'ru')).toContain('number:48');
    // A figure inside a file's name or a time of day is no quantity.
    expect(kinds('Envoyez le modèle BID_0.pdf avant 9:00 le soir.', 'fr').filter((k) => k.startsWith('number'))).toEqual([]);
    // A bare figure with groups of three may be money in a budget table; a decimal of zero never is.
    expect(kinds('Total 4 572 545', 'fr')).toContain('amount:4 572 545');
    expect(kinds('Total 12,500', 'en')).toContain('amount:12,500');
    expect(kinds('el índice de desigualdad de género (0,467) indica', 'es')).not.toContain('amount:0,467');
    expect(kinds('l’indice ajusté (0.522) reste moyen', 'fr')).not.toContain('amount:0.522');
    // A number with the word that multiplies it is one quantity, in figures or in words.
    expect(kinds('Services reached over eight million people.', 'en')).toContain('number:eight million');
    expect(kinds('Services reached 8 million people.', 'en')).toContain('number:8 million');
    // A large grouped figure with its cents, in a table, may be money; a currency sign before the next figure is that figure's.
    expect(kinds('Mozambique — Grant Amount: 4,587,500.00', 'en')).toContain('amount:4,587,500.00');
    expect(kinds('Armenia: Mental Health April 2024 $285,000 and more', 'en').filter((k) => k.startsWith('amount'))).toEqual(['amount:$285,000']);
    expect(kinds('Le programme a touché huit millions de personnes.', 'fr')).toContain('number:huit millions');
    expect(kinds('El programa llegó a ocho millones de personas.', 'es')).toContain('number:ocho millones');
    expect(kinds('Программа охватила восемь миллионов человек.', 'ru')).toContain('number:восемь миллионов');
    expect(kinds('وصل البرنامج إلى ثمانية ملايين شخص', 'ar')).toContain('number:ثمانية ملايين');
    // A fraction is a share, not a count.
    expect(kinds('Two thirds went to the courses; three experts taught.', 'en')).toEqual(['percentage:Two thirds', 'number:three']);
    expect(kinds('Les deux tiers du budget, trois ateliers.', 'fr')).toEqual(['percentage:deux tiers', 'number:trois']);
    expect(kinds('Dos tercios del presupuesto.', 'es')).toEqual(['percentage:Dos tercios']);
    expect(kinds('Au moins la moitié des subventions.', 'fr')).toEqual(['percentage:moitié']);
    expect(kinds('Не менее половины субсидий.', 'ru')).toEqual(['percentage:половины']);
    expect(kinds('ما لا يقل عن نصف المنح', 'ar')).toEqual(['percentage:نصف']);
    expect(kinds('至少三分之二的赠款', 'zh')).toEqual(['percentage:三分之二']);
    // The same figure, one term for the index however it is written.
    for (const written of ['12 500', '12,500', '12.500', '12\u00a0500', '12500']) expect(analyze(written, 'en')).toEqual(['12500']);
    // A decimal figure is one term in every locale's form, not two figures.
    for (const [written, lang] of [['$20.9 million', 'en'], ['20,9 millions', 'fr'], ['20,9 миллиона', 'ru'], ['20.9亿美元', 'zh']] as const) {
      expect(analyze(written, lang), written).toContain('20d9');
      expect(analyze(written, lang), written).not.toContain('9');
    }
    // A date in figures meets the same date written out, in the text's language.
    const written = (text: string, lang: Lang): string[] => analyze(text, lang);
    expect(written('Students in Australia at 1.3.52', 'en')).toEqual(expect.arrayContaining(analyze('1 March 1952', 'en')));
    expect(written('Signé le 01.03.2019', 'fr')).toEqual(expect.arrayContaining(analyze('1 mars 2019', 'fr')));
    expect(written('Fecha de inicio 2019-03-01', 'es')).toEqual(expect.arrayContaining(analyze('1 de marzo de 2019', 'es')));
    expect(written('Начало 01.03.2019', 'ru')).toEqual(expect.arrayContaining(analyze('март 2019', 'ru')));
    // Section numbers and decimals are no dates.
    expect(written('Section 7.5.1 et table 2.13.4', 'fr')).toEqual(['section', '7', '5', '1', 'tabl', '2', '13', '4']);
  });

  it('reads no count in a reference to a paragraph of an article', () => {
    expect(kinds('The provisions of Article II, III and IV, 1, of this Agreement apply to two experts.', 'en')).toEqual(['number:two']);
    expect(kinds('Voir le paragraphe 7 : trois ateliers.', 'fr')).toEqual(['number:trois']);
  });

  it('reads percentages, dates and durations', () => {
    expect(kinds('Le taux de réponse a été de 56 %.', 'fr')).toContain('percentage:56 %');
    expect(kinds('The response rate was 7%.', 'en')).toContain('percentage:7%');
    expect(kinds('La réunion a eu lieu du 20 au 24 mai 2019.', 'fr')).toContain('date:du 20 au 24 mai 2019');
    expect(kinds('The meeting opened on 3 April 2025.', 'en')).toContain('date:3 April 2025');
    expect(kinds('On attend 10 000 personnes du 22/09/07 au 29/09/07.', 'fr')).toEqual(expect.arrayContaining(['date:22/09/07', 'date:29/09/07']));
    expect(kinds('Version 1/2/3 of the form.', 'en').filter((k) => k.startsWith('date'))).toEqual([]);
    expect(kinds('La sesión fue el 14 de noviembre de 2019.', 'es')).toContain('date:14 de noviembre de 2019');
    expect(kinds('Семинар прошёл 25 октября 2019 года.', 'ru')).toContain('date:25 октября 2019');
    expect(kinds('会议于2025年4月3日举行。', 'zh')).toContain('date:2025年4月3日');
    // The month first, a day or a span of days, with or without the year; abbreviated, as reports write it.
    expect(kinds('The workshop was held from Jan. 24-26 in Dakar, with 90 people.', 'en')).toEqual(['date:Jan. 24-26', 'place:Dakar', 'number:90']);
    expect(kinds('The report is due on December 31, 2012.', 'en')).toContain('date:December 31, 2012');
    expect(kinds('Atelier tenu en déc. 2012 à Dakar.', 'fr')).toContain('date:déc. 2012');
    expect(kinds('Un atelier de 3 jours, puis six mois de suivi.', 'fr')).toEqual(expect.arrayContaining(['duration:3 jours', 'duration:six mois']));
    expect(kinds('Le modérateur lance chaque semaine un nouveau sujet.', 'fr')).toContain('duration:chaque semaine');
    expect(kinds('A new topic is posted every week.', 'en')).toContain('duration:every week');
    // A document's symbol holds no figure to quote.
    expect(kinds('Voir le document CDIP/25/4 et CE/13/7.IGC/4.', 'fr').filter((k) => k.startsWith('number'))).toEqual([]);
  });

  it('counts nothing with a figure inside a code or a symbol, or after "vol." and "No."', () => {
    const counts = (text: string, lang: Lang): string[] => kinds(text, lang).filter((k) => k.startsWith('number') || k.startsWith('amount'));
    expect(counts('Adopted under FCCC/CP/2015/10/Add.1, decision 1/CP.21.', 'en')).toEqual([]);
    expect(counts('Avec le titre suivant : « DA-BAMA-00616 : CONTRACTUALISATION »', 'fr')).toEqual([]);
    expect(counts('El identificador DAC-1601-OPP17816 de la actividad.', 'es')).toEqual([]);
    expect(counts('United Nations, Treaty Series, vol. 1771, No. 30822.', 'en')).toEqual([]);
    // Figures standing as themselves still count, a span of years and a range too.
    expect(counts('In 2024, 27 evaluations were done, and a Senior Officer (P-5) was seconded.', 'en')).toEqual(['number:27']);
    expect(counts('Sessions 1-3 had 40 people.', 'en')).toEqual(['number:1', 'number:3', 'number:40']);
  });

  it('tells a caption naming a currency from words that only hold a currency’s code', () => {
    expect(namesCurrency('Table 3 Expenditures 2023 and 2024 (Thousands of United States dollars)')).toBe(true);
    expect(namesCurrency('Budget en milliers de francs suisses')).toBe(true);
    expect(namesCurrency('Resources ($ million)')).toBe(true);
    expect(namesCurrency('Montants en EUR')).toBe(true);
    // "leur" and "fournisseurs" hold "eur": no currency is named.
    expect(namesCurrency('les parties et leurs signatures')).toBe(false);
    expect(namesCurrency('Grille de sélection des fournisseurs')).toBe(false);
  });

  it('reads "sept" alone as seven, and as September only with a day or a year', () => {
    expect(kinds('Organisation de sept ateliers régionaux.', 'fr')).toContain('number:sept');
    expect(kinds('Organisation de sept ateliers régionaux.', 'fr').filter((k) => k.startsWith('date'))).toEqual([]);
    expect(kinds('Le 7 sept. 2012, puis en sept 2013.', 'fr')).toEqual(['date:7 sept. 2012', 'date:sept 2013']);
  });

  it('reads a town after the preposition that says where, less surely than a country', () => {
    expect(findSpans('Les ateliers ont été tenus à Rabat (mai 2011) et à Paris (mai 2013).', 'fr').filter((s) => s.kind === 'place').map((s) => `${s.text}:${s.confidence}`)).toEqual(['Rabat:0.6', 'Paris:0.6']);
    expect(kinds('The course was held in Geneva in April 2024, in English.', 'en')).toEqual(['place:Geneva', 'date:April 2024', 'language:English']);
    expect(kinds('El taller se celebró en Lima.', 'es')).toContain('place:Lima');
    expect(kinds('Семинар прошёл в Женеве.', 'ru')).toContain('place:Женеве');
  });

  it('reads people, organisations, places and languages', () => {
    const text = 'La séance a été ouverte par Mme Ana Lopez, conseillère de la Division des politiques, à Nairobi (Kenya), en espagnol.';
    const found = kinds(text, 'fr');
    expect(found).toContain('person:Mme Ana Lopez');
    expect(found).toContain('organisation:Division des politiques');
    expect(found).toContain('place:Kenya');
    expect(found).toContain('language:espagnol');
    expect(kinds('The English session was chaired by Dr. Kwame Mensah.', 'en')).toContain('person:Dr. Kwame Mensah');
    // A table's cell that is a name and nothing else; not capitalised words inside a sentence.
    expect(kinds('Chercheur principal — Javiera Araya', 'fr')).toContain('person:Javiera Araya');
    expect(kinds('India — Awards: 40; Director: John Smith', 'en')).toContain('person:John Smith');
    expect(kinds('The report — sent to Ana Lee — was late.', 'en').some((k) => k.startsWith('person:'))).toBe(false);
    // The agent of a passive is a person, unless the words name a body.
    expect(kinds('Graphic design was done by Alexandra Romanova.', 'en')).toContain('person:Alexandra Romanova');
    expect(kinds('La note a été rédigée par Marie-Claire Dupont.', 'fr')).toContain('person:Marie-Claire Dupont');
    expect(kinds('The study was funded by World Bank Group partners.', 'en').some((k) => k.startsWith('person:'))).toBe(false);
  });
});

describe('a word the glossary knows in another form', () => {
  it('takes the entry the stemmer did not bring it to (Russian verb forms)', () => {
    const glossary = new Glossary({ version: 1, entries: [{ id: 'take-part', category: null, terms: { ru: ['участвовать'], fr: ['participer'] } }] });
    const concept = analyzeQuery('Сколько стран участвуют?', 'ru', glossary).concepts.find((c) => c.label === analyze('участвуют', 'ru')[0]);
    expect(concept?.crossLingual).toBe(true);
    expect([...(concept?.terms.keys() ?? [])]).toEqual(expect.arrayContaining(analyze('participer', 'fr')));
    // A stem that merely starts alike, but is much longer, is another word.
    // A noun whose last vowel drops in the other cases.
    const volunteers = new Glossary({ version: 1, entries: [{ id: 'volunteer', category: null, terms: { ru: ['доброволец'], fr: ['volontaire'] } }] });
    const counted = analyzeQuery('Сколько добровольцев поддерживает министерство?', 'ru', volunteers).concepts.find((c) => c.label === analyze('добровольцев', 'ru')[0]);
    expect([...(counted?.terms.keys() ?? [])]).toContain(analyze('volontaire', 'fr')[0]);
    expect(analyzeQuery('Сколько отчётов?', 'ru', volunteers).concepts.every((c) => !c.crossLingual || /\d/.test(c.label))).toBe(true);
    const unrelated = analyzeQuery('Сколько стран участвовало в конференции?', 'ru', new Glossary({ version: 1, entries: [{ id: 'x', category: null, terms: { ru: ['участ'], fr: ['lot'] } }] }));
    expect(unrelated.concepts.every((c) => !c.terms.has('lot'))).toBe(true);
  });

  it('in English, French and Spanish, only through a derivational ending (an adjective, an agent)', () => {
    const glossary = new Glossary({
      version: 1,
      entries: [
        { id: 'invest', category: null, terms: { en: ['invest'], fr: ['investir'], es: ['invertir'] } },
        { id: 'culture', category: null, terms: { en: ['culture'], fr: ['culture'], ru: ['культура'] } },
        { id: 'advantage', category: null, terms: { fr: ['avantage'], en: ['advantage'] } },
      ],
    });
    const terms = (question: string, lang: Lang, word: string): string[] => [...(analyzeQuery(question, lang, glossary).concepts.find((c) => c.label === analyze(word, lang)[0])?.terms.keys() ?? [])];
    expect(terms('Who was the principal investigator?', 'en', 'investigator')).not.toContain(analyze('investir', 'fr')[0]);
    expect(terms('Who is the main investor?', 'en', 'investor')).toContain(analyze('investir', 'fr')[0]);
    expect(terms('Quelles industries culturelles ?', 'fr', 'culturelles')).toContain(analyze('культура', 'ru')[0]);
    expect(terms('Quel exemple a-t-il mis en avant ?', 'fr', 'avant')).not.toContain(analyze('advantage', 'en')[0]);
    // In Russian, an ending that makes another noun (an agent) is no form: "протокол" is not "протоколист".
    const russian = new Glossary({ version: 1, entries: [{ id: 'note-taker', category: null, terms: { ru: ['протоколист'], en: ['note-taker'] } }] });
    const protocol = analyzeQuery('Сколько стоит разработка протокола?', 'ru', russian).concepts.find((c) => c.label === analyze('протокола', 'ru')[0]);
    expect(protocol?.crossLingual).toBe(false);
  });
});

describe('a name of several words', () => {
  it('is one constraint: its words share a group, apart from another name’s', () => {
    const query = analyzeQuery('Which country got a payment from the Forest Carbon Fund of the Nordic Trust in 2023?', 'en', new Glossary({ version: 1, entries: [] }));
    const group = (word: string): number | undefined => query.concepts.find((c) => c.label === analyze(word, 'en')[0])?.nameGroup;
    expect(group('Forest')).toBeDefined();
    expect([group('Carbon'), group('Fund')]).toEqual([group('Forest'), group('Forest')]);
    expect(group('Nordic')).toBe(group('Trust'));
    expect(group('Nordic')).not.toBe(group('Forest'));
    expect(group('payment')).toBeUndefined();
    expect(query.concepts.map((c) => c.label)).not.toContain('got');
  });
});

describe('an acronym inside text written without spaces', () => {
  it('is a name of the question, a constraint, as between spaces', () => {
    const empty = new Glossary({ version: 1, entries: [] });
    const acronym = (question: string, lang: Lang): boolean | undefined => analyzeQuery(question, lang, empty).concepts.find((c) => c.label === analyze('SPF', lang)[0])?.constraint;
    expect(acronym('SPF给斯里兰卡的赠款是多少？', 'zh')).toBe(true);
    expect(acronym('斯里兰卡从SPF得到多少赠款？', 'zh')).toBe(true);
    expect(acronym('Сколько SPF выделил Шри-Ланке?', 'ru')).toBe(true);
  });
});

describe('what something was about', () => {
  it('is told in six languages, and brings the topic entry (a title answers it)', () => {
    expect(asksAbout('What was the Russian webinar about?', 'en')).toBe(true);
    expect(asksAbout('De quoi parlait le webinaire en russe ?', 'fr')).toBe(true);
    expect(asksAbout('¿De qué trató el seminario en ruso?', 'es')).toBe(true);
    expect(asksAbout('О чём был вебинар на русском языке?', 'ru')).toBe(true);
    expect(asksAbout('中文场研讨会讲的是什么？', 'zh')).toBe(true);
    expect(asksAbout('How many people attended the webinar?', 'en')).toBe(false);
    const glossary = new Glossary({ version: 1, entries: [{ id: 'topic', category: null, terms: { en: ['topic', 'title'], fr: ['sujet', 'titre'] } }] });
    const about = analyzeQuery('What was the Russian webinar about?', 'en', glossary).concepts.find((c) => c.label === 'topic');
    expect([...(about?.terms.keys() ?? [])]).toEqual(expect.arrayContaining(analyze('titre', 'fr')));
    expect(analyzeQuery('How many people attended the webinar?', 'en', glossary).concepts.some((c) => c.label === 'topic')).toBe(false);
  });
});

describe('a country’s name', () => {
  const names = new Glossary({ version: 1, entries: nameEntries() });
  const countries = (question: string, lang: Lang): string[] =>
    analyzeQuery(question, lang, names)
      .concepts.filter((c) => c.constraint && !/\d/.test(c.label))
      .map((c) => c.label);

  it('is not a word that only shares its stem ("данных" is not Denmark, "малых" not Mali)', () => {
    expect(countries('Какой банк является источником данных для индикатора?', 'ru')).toEqual([]);
    expect(countries('Сколько малых предприятий получили помощь?', 'ru')).toEqual([]);
  });

  it('is the country when written, inflected, or with a capital', () => {
    expect(countries('Сколько экспертов направили в Данию?', 'ru')).toHaveLength(1);
    expect(countries('Сколько проектов в Мали?', 'ru')).toHaveLength(1);
    expect(countries('How many experts went to kenya?', 'en')).toHaveLength(1);
    expect(countries('¿Cuántos expertos fueron a Perú?', 'es')).toHaveLength(1);
  });

  it('is its people’s adjective in Spanish, French, Russian and Arabic, read as the country (a constraint)', () => {
    for (const [lang, question, country] of [
      ['es', '¿Quién fue la diplomática guatemalteca que abrió el seminario?', 'Guatemala'],
      ['es', '¿Cuántos expertos hondureños participaron?', 'Honduras'],
      ['fr', 'Qui était l’experte sénégalaise du premier atelier ?', 'Sénégal'],
      ['fr', 'Combien de stagiaires marocains ont été formés ?', 'Maroc'],
      ['ru', 'Кто возглавлял марокканскую делегацию?', 'Марокко'],
      ['ru', 'Сколько колумбийских специалистов прошли обучение?', 'Колумбия'],
      ['ar', 'من هي الدبلوماسية الغواتيمالية التي افتتحت الندوة؟', 'غواتيمالا'],
      ['ar', 'كم عدد الخبراء السنغاليين؟', 'السنغال'],
    ] as const) {
      expect(countries(question, lang), question).toEqual(analyze(country, lang));
    }
  });

  it('is no country when a word only begins like one ("nacional", "programme", "indicador", "الوطنية")', () => {
    expect(countries('¿Cuál es el indicador nacional de pobreza?', 'es')).toEqual([]);
    expect(countries('Quel est le programme régional ?', 'fr')).toEqual([]);
    expect(countries('ما هي الخطة الوطنية؟', 'ar')).toEqual([]);
  });

  it('asks for an organisation when the question names a bank or a fund', () => {
    expect(questionKind('Какой банк является источником данных?', 'ru')).toBe('organisation');
    expect(questionKind('Which fund pays for the nets?', 'en')).toBe('organisation');
    expect(questionKind('哪个银行提供数据？', 'zh')).toBe('organisation');
  });
});

describe('an Arabic word after the preposition ل', () => {
  const glossary = new Glossary({
    version: 1,
    entries: [
      { id: 'amount', category: null, terms: { ar: ['مبلغ'], en: ['amount'] } },
      { id: 'committee', category: null, terms: { ar: ['لجنة'], en: ['committee'] } },
      { id: 'capacity-building', category: null, terms: { ar: ['بناء القدرات'], en: ['capacity building'] } },
      { id: 'bank', category: null, terms: { ar: ['بنك'], en: ['bank'] } },
      { id: 'convention', category: null, terms: { ar: ['اتفاقية'], en: ['convention'] } },
      { id: 'city', category: null, terms: { ar: ['مدينة'], en: ['city'] } },
      { id: 'session', category: null, terms: { ar: ['دورة'], en: ['session'] } },
      { id: 'control', category: null, terms: { ar: ['الضبط'], en: ['control'] } },
    ],
  });
  const terms = (question: string): string[] => analyzeQuery(question, 'ar', glossary).concepts.flatMap((c) => [...c.terms.keys()]);

  it('is the word without it, when the glossary knows that one ("لمبلغ" is "مبلغ")', () => {
    expect(terms('ما هو الحد الأقصى لمبلغ المنحة؟')).toContain(analyze('amount', 'en')[0]);
  });

  it('is the word without it when that word begins a phrase the glossary knows ("لبناء القدرات")', () => {
    expect(terms('كم يستغرق مشروع لبناء القدرات؟')).toContain(analyze('capacity building', 'en')[0]);
  });

  it('keeps a word that starts with that letter ("لجنة")', () => {
    expect(terms('من هي لجنة التنسيق؟')).toContain(analyze('committee', 'en')[0]);
  });

  it('is also read without ب or ك, after و or ف ("ببنك", "وباتفاقية")', () => {
    expect(terms('كم دولارا رصد لورشة العمل الخاصة ببنك الخبرات؟')).toContain(analyze('bank', 'en')[0]);
    expect(terms('ما هي الدول الأطراف وباتفاقية 2005؟')).toContain(analyze('convention', 'en')[0]);
  });

  it('reads a feminine noun’s dual as the noun ("مدينتين": two cities, "دورتين": two sessions)', () => {
    expect(terms('في أي مدينتين عقدت الورشتان؟')).toContain(analyze('city', 'en')[0]);
    expect(terms('كم استغرقت الدورتان معا؟')).toContain(analyze('session', 'en')[0]);
  });

  it('leaves a word of the stop list whole ("بالضبط", exactly, is not "الضبط")', () => {
    expect(terms('في أي يوم بالضبط عقدت الندوة؟')).not.toContain(analyze('control', 'en')[0]);
  });
});

describe('a role named in the feminine', () => {
  const glossary = new Glossary({
    version: 1,
    entries: [
      { id: 'speaker', category: null, terms: { en: ['speaker'], fr: ['orateur'] } },
      { id: 'coordinator', category: null, terms: { en: ['coordinator'], fr: ['coordinateur'], es: ['coordinador'] } },
      { id: 'researcher', category: null, terms: { en: ['researcher'], fr: ['chercheur'] } },
      { id: 'head', category: null, terms: { en: ['head'], ru: ['руководитель'] } },
      { id: 'participant', category: null, terms: { en: ['participant'], ru: ['участник'] } },
    ],
  });
  const terms = (question: string, lang: Lang): string[] => analyzeQuery(question, lang, glossary).concepts.flatMap((c) => [...c.terms.keys()]);

  it('is the role the glossary lists in the masculine (fr, es, ru)', () => {
    for (const [lang, question, role] of [
      ['fr', 'La première oratrice représentait quel pays ?', 'speaker'],
      ['fr', 'Qui était la coordinatrice du projet ?', 'coordinator'],
      ['fr', 'Combien de chercheuses ont été formées ?', 'researcher'],
      ['es', '¿Quién fue la coordinadora del taller?', 'coordinator'],
      ['ru', 'Кто была руководительница проекта?', 'head'],
      ['ru', 'Сколько участниц было на семинаре?', 'participant'],
    ] as const) {
      expect(terms(question, lang), question).toContain(analyze(role, 'en')[0]);
    }
  });
});

describe('modal verbs', () => {
  it('carry no meaning for retrieval, in the six languages as in English', () => {
    for (const [lang, question, modal, content] of [
      ['en', 'Could a delegate enter the forum?', 'could', 'deleg'],
      ['fr', 'Un délégué pourra-t-il entrer sur le forum ?', 'pourra', 'delegu'],
      ['es', '¿Deberá el delegado entrar en el foro?', 'deberá', 'deleg'],
      ['ru', 'Должен ли делегат войти на форум?', 'должен', 'делегат'],
      ['ar', 'هل يجب على المندوب دخول المنتدى؟', 'يجب', 'مندوب'],
      ['zh', '代表应该进入论坛吗？', '应该', '代表'],
    ] as const) {
      expect(analyze(modal, lang), modal).toEqual([]);
      expect(analyze(question, lang), question).toContain(content);
    }
  });
});

describe('prepositions of time and means', () => {
  it('carry no meaning for retrieval ("since May 2015" is about May 2015)', () => {
    for (const [lang, question, preposition, content] of [
      ['en', 'Who has headed the fund since May 2015?', 'since', 'fund'],
      ['fr', 'Parmi les huit séances, laquelle a eu le plus de public ?', 'parmi', 'seanc'],
      ['fr', 'Qui dirige le fonds depuis mai 2015 ?', 'depuis', 'fond'],
      ['ru', 'Что сделано согласно плану?', 'согласно', 'план'],
      ['ar', 'من يدير الصندوق منذ مايو 2015؟', 'منذ', 'صندوق'],
    ] as const) {
      expect(analyze(preposition, lang), preposition).toEqual([]);
      expect(analyze(question, lang), question).toContain(content);
    }
  });
});

describe('a word of money in a question', () => {
  it.each([
    ['fr', 'Quel montant est prévu pour le forum ?', 'montant'],
    ['fr', 'Quelle enveloppe est réservée aux ateliers ?', 'enveloppe'],
    ['es', '¿Cuál es el importe previsto?', 'importe'],
    ['ru', 'Какая сумма выделена на семинары?', 'сумма'],
  ] as [Lang, string, string][])('is a concept of money once stemmed (%s: %s)', (lang, question, word) => {
    expect(isMoneyConcept(analyze(word, lang).join(' '), question, lang)).toBe(true);
  });

  it('is not every word of the question', () => {
    expect(isMoneyConcept(analyze('forum', 'fr').join(' '), 'Quel montant est prévu pour le forum ?', 'fr')).toBe(false);
  });
});

describe('a program used for something', () => {
  it.each([
    ['ru', 'С помощью какой программы проводились прямые трансляции вебинаров?'],
    ['fr', 'À l’aide de quel logiciel les webinaires ont-ils été diffusés ?'],
    ['es', '¿Con qué programa se transmitieron los seminarios web?'],
    ['en', 'Which program was used to stream the webinars?'],
  ] as [Lang, string][])('is a tool, not a body (%s: %s)', (lang, question) => {
    expect(questionKind(question, lang)).toBeUndefined();
  });

  it('while "which programme" alone may ask for a body', () => {
    expect(questionKind('Which programme funds the webinars?', 'en')).toBe('organisation');
    expect(questionKind('Какая программа финансирует вебинары?', 'ru')).toBe('organisation');
  });
});
