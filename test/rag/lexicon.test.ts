/**
 * The lexicon (`knowledge/lexicon.json`): the everyday words of questions in the six languages, in
 * the glossary's format. Each check lists every problem it finds, so a failure says what to fix.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/index.ts';
import { analyze } from '../../src/rag/analyze.ts';
import { Glossary, loadGlossary, type GlossaryFile } from '../../src/rag/glossary.ts';

type Entry = GlossaryFile['entries'][number];

const LEXICON_FILE = fileURLToPath(new URL('../../knowledge/lexicon.json', import.meta.url));
const GLOSSARY_FILE = fileURLToPath(new URL('../../knowledge/glossary.json', import.meta.url));
const lexicon = JSON.parse(readFileSync(LEXICON_FILE, 'utf8')) as GlossaryFile;
const glossary = JSON.parse(readFileSync(GLOSSARY_FILE, 'utf8')) as GlossaryFile;

/**
 * Number words that analyze() cannot tell apart, so their entry goes without that language: stop
 * words (Spanish "dos" to "ocho", Chinese 三 to 九), and Arabic teens, which lose their stop word
 * "عشر" and are left with nothing or with the unit ("خمسة عشر" is "خمسة"). Should one of them come
 * to be analysed as a word of its own, the check says so: the word then belongs in the lexicon.
 */
const NUMBER_GAPS: Record<string, Partial<Record<Lang, string>>> = {
  two: { es: 'dos' },
  three: { es: 'tres', zh: '三' },
  four: { es: 'cuatro', zh: '四' },
  five: { es: 'cinco', zh: '五' },
  six: { es: 'seis', zh: '六' },
  seven: { es: 'siete', zh: '七' },
  eight: { es: 'ocho', zh: '八' },
  nine: { zh: '九' },
  thirteen: { ar: 'ثلاثة عشر' },
  fourteen: { ar: 'أربعة عشر' },
  fifteen: { ar: 'خمسة عشر' },
  sixteen: { ar: 'ستة عشر' },
  seventeen: { ar: 'سبعة عشر' },
  eighteen: { ar: 'ثمانية عشر' },
  nineteen: { ar: 'تسعة عشر' },
  // Arabic tens that lose their ending and are left with the unit ("ثلاثون" is "ثلاث").
  thirty: { ar: 'ثلاثون' },
  forty: { ar: 'أربعون' },
  eighty: { ar: 'ثمانون' },
};

/**
 * Words the field uses in two senses, kept in both entries on purpose: a question's word then
 * carries both, and the passages decide (French "volontaire": a volunteer — "Volontaires des
 * Nations Unies" — and voluntary — "contributions volontaires").
 */
const TWO_SENSES: Record<string, string[]> = {
  'fr|volontair': ['optional', 'volunteer'],
  // "программа", "برنامج": a programme, and a piece of software ("с помощью какой программы").
  'ru|программ': ['project', 'software'],
  'ar|رنامج': ['project', 'software'],
  // "conectarse", "se connecter" (to an online session: attending it), and connectivity.
  'es|conect': ['connection', 'participants'],
  'fr|connect': ['connection', 'participants'],
};

/** Each language's script: a term in another script is another language's word. */
const SCRIPT: Record<Lang, RegExp> = {
  en: /^(?=.*\p{Script=Latin})[\p{Script=Latin}\p{N} '’.&-]+$/u,
  fr: /^(?=.*\p{Script=Latin})[\p{Script=Latin}\p{N} '’.&-]+$/u,
  es: /^(?=.*\p{Script=Latin})[\p{Script=Latin}\p{N} '’.&-]+$/u,
  ru: /^(?=.*\p{Script=Cyrillic})[\p{Script=Cyrillic}\p{N} -]+$/u,
  ar: /^(?=.*\p{Script=Arabic})[\p{Script=Arabic}\p{N} -]+$/u,
  zh: /^\p{Script=Han}+$/u,
};

const key = (lang: Lang, stems: string[]): string => `${lang}|${stems.join(' ')}`;

/** Where each term of some entries falls, by language and stems: the ids of the entries. */
function termIndex(entries: Entry[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const lang of LANGS) {
      for (const term of entry.terms[lang] ?? []) {
        const stems = analyze(term, lang);
        if (stems.length === 0) continue;
        const ids = index.get(key(lang, stems)) ?? new Set();
        ids.add(entry.id);
        index.set(key(lang, stems), ids);
      }
    }
  }
  return index;
}

/** Everything wrong with a lexicon, beside a glossary; empty when it is sound. */
function lexiconProblems(entries: Entry[], glossaryEntries: Entry[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const inLexicon = termIndex(entries);
  const inGlossary = termIndex(glossaryEntries);
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push(`${entry.id}: id used twice`);
    ids.add(entry.id);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.id)) problems.push(`${entry.id}: id not in kebab-case`);
    if (entry.category !== null) problems.push(`${entry.id}: category should be null`);
    for (const lang of LANGS) {
      const terms = entry.terms[lang] ?? [];
      const gap = NUMBER_GAPS[entry.id]?.[lang];
      if (gap !== undefined) {
        if (terms.length > 0) problems.push(`${entry.id} ${lang}: listed as a gap, yet has terms`);
        const stems = analyze(gap, lang);
        const taken = [...(inLexicon.get(key(lang, stems)) ?? [])].some((id) => id !== entry.id);
        if (stems.length > 0 && !taken) problems.push(`${entry.id} ${lang}: "${gap}" now analyses to a word of its own: add it and drop the gap`);
        continue;
      }
      if (terms.length === 0) problems.push(`${entry.id} ${lang}: no terms`);
      const seen = new Set<string>();
      for (const term of terms) {
        if (!SCRIPT[lang].test(term)) problems.push(`${entry.id} ${lang}: "${term}" is not written in the language's script`);
        const stems = analyze(term, lang);
        if (stems.length === 0) {
          problems.push(`${entry.id} ${lang}: "${term}" analyses to nothing`);
          continue;
        }
        const k = key(lang, stems);
        if (seen.has(k)) problems.push(`${entry.id} ${lang}: "${term}" repeats another term's stems (${stems.join(' ')})`);
        seen.add(k);
        const others = [...(inLexicon.get(k) ?? [])].filter((id) => id !== entry.id && !(TWO_SENSES[k]?.includes(id) && TWO_SENSES[k]?.includes(entry.id)));
        if (others.length > 0) problems.push(`${entry.id} ${lang}: "${term}" has the stems of a term of ${others.join(', ')}`);
        const glossed = [...(inGlossary.get(k) ?? [])].filter((id) => !(TWO_SENSES[k]?.includes(id) && TWO_SENSES[k]?.includes(entry.id)));
        if (glossed.length > 0) problems.push(`${entry.id} ${lang}: "${term}" has the stems of the glossary's ${glossed.join(', ')}`);
      }
    }
  }
  return problems;
}

describe('the lexicon', () => {
  it('is read by the glossary loader, with the glossary schema', () => {
    expect(lexicon.version).toBe(1);
    expect(loadGlossary(LEXICON_FILE).size).toBe(lexicon.entries.length);
  });

  it('is sound: unique ids, six languages, every term a word, no term shared with another entry or the glossary', () => {
    expect(lexiconProblems(lexicon.entries, glossary.entries)).toEqual([]);
  });

  it('finds what is wrong in a faulty lexicon', () => {
    const good: Entry = { id: 'pay', category: null, terms: { en: ['pay'], fr: ['payer'], es: ['pagar'], ar: ['دفع'], ru: ['платить'], zh: ['支付'] } };
    const faulty: Entry[] = [
      good,
      { ...good, category: 'training' },
      { id: 'Spend', category: null, terms: { ...good.terms, en: ['spent', 'the'], zh: undefined } },
      { id: 'gap', category: null, terms: { ...good.terms, fr: ['payer', 'payé', 'payer'], ru: ['pay'] } },
      { id: 'two', category: null, terms: { ...good.terms, es: ['dos'] } },
    ];
    const problems = lexiconProblems(faulty, glossary.entries);
    for (const problem of [
      'pay: id used twice',
      'pay: category should be null',
      'Spend: id not in kebab-case',
      'Spend en: "spent" has the stems of the glossary\'s cost',
      'Spend en: "the" analyses to nothing',
      'Spend zh: no terms',
      'gap fr: "payé" repeats another term\'s stems (pai)',
      'gap ru: "pay" is not written in the language\'s script',
      'two es: listed as a gap, yet has terms',
      'gap en: "pay" has the stems of a term of pay, two',
    ]) {
      expect(problems).toContain(problem);
    }
  });

  /** Questions in each language, and entries each must find. */
  const QUESTIONS: [Lang, string, string[]][] = [
    ['en', 'How much did the organisers pay for interpretation at the workshop?', ['organise', 'pay', 'interpretation']],
    ['en', 'Which webinar had the lowest attendance in its second edition?', ['low', 'second', 'edition']],
    ['en', 'When did the series start, and when will the next session be held?', ['series', 'start', 'next', 'organise']],
    ['en', 'What was the average cost per participant of the online courses?', ['average', 'unit-cost', 'online']],
    ['en', 'Were the twelve trainers selected from the roster, and did they receive a certificate?', ['twelve', 'trainer', 'select', 'receive', 'certificate']],
    ['fr', "Combien les organisateurs ont-ils payé pour l'interprétation lors de l'atelier ?", ['organise', 'pay', 'interpretation']],
    ['fr', 'Quel webinaire a eu la plus faible participation lors de sa deuxième édition ?', ['low', 'second', 'edition']],
    ['fr', 'Quand la série a-t-elle commencé et quand la prochaine session sera-t-elle organisée ?', ['series', 'start', 'next', 'organise']],
    ['fr', 'Quel a été le montant total des frais de voyage des formateurs ?', ['amount', 'total', 'travel', 'trainer']],
    ['fr', 'Les douze participants sélectionnés ont-ils reçu un certificat ?', ['twelve', 'select', 'receive', 'certificate']],
    ['es', '¿Cuánto pagaron los organizadores por la interpretación en el taller?', ['pay', 'organise', 'interpretation']],
    ['es', '¿Qué seminario web tuvo la participación más baja en su segunda edición?', ['low', 'edition']],
    ['es', '¿Cuándo comenzó la serie y cuándo se celebrará la próxima sesión?', ['start', 'series', 'organise', 'next']],
    ['es', '¿Cuál fue el monto global de los gastos de viaje de los formadores?', ['amount', 'total', 'travel', 'trainer']],
    ['es', '¿Recibieron un certificado los doce participantes seleccionados?', ['receive', 'certificate', 'twelve', 'select']],
    ['ru', 'Сколько заплатили организаторы за устный перевод на семинаре?', ['pay', 'organise', 'interpretation']],
    ['ru', 'У какого вебинара была самая низкая посещаемость во втором выпуске?', ['low', 'second', 'edition']],
    ['ru', 'Когда началась серия и когда состоится следующая сессия?', ['start', 'series', 'organise', 'next']],
    ['ru', 'Какова общая сумма путевых расходов тренеров?', ['total', 'amount', 'travel', 'trainer']],
    ['ru', 'Получили ли сертификат двенадцать отобранных участников?', ['receive', 'certificate', 'twelve', 'select']],
    ['ar', 'كم دفع المنظمون مقابل الترجمة الفورية في حلقة العمل؟', ['pay', 'organise', 'interpretation']],
    ['ar', 'ما هي الندوة التي سجلت أدنى نسبة حضور في نسختها الثانية؟', ['low', 'edition']],
    ['ar', 'متى بدأت السلسلة ومتى ستعقد الدورة القادمة؟', ['start', 'series', 'organise', 'next']],
    ['ar', 'ما هو المبلغ الإجمالي لتكاليف السفر للمدربين؟', ['amount', 'total', 'travel', 'trainer']],
    ['ar', 'هل حصل المشاركون الاثنا عشر الذين تم اختيارهم على شهادة؟', ['receive', 'twelve', 'select', 'certificate']],
    ['zh', '组织者为讲习班的口译支付了多少钱？', ['organise', 'interpretation', 'pay']],
    ['zh', '哪一期网络研讨会的出席率最低？', ['low']],
    ['zh', '这个系列什么时候启动，下次会议什么时候举行？', ['series', 'launch', 'next', 'organise']],
    ['zh', '培训师的差旅费用总额是多少？', ['trainer', 'travel', 'total']],
    ['zh', '十二名入选的学员是否获得了证书？', ['twelve', 'learner', 'receive', 'certificate']],
    // Words of order and position that generic stop lists drop: they say which session is meant.
    ['es', '¿Cuándo será la siguiente sesión y qué pasó en la anterior?', ['next', 'previous']],
    ['es', '¿Quién habló en la primera sesión y cuál fue el último ejemplo?', ['first', 'last', 'example']],
    ['ar', 'متى الندوة الأولى ومتى نهاية السلسلة؟', ['first', 'end', 'series']],
    ['zh', '下次研讨会什么时候开始？', ['next', 'start']],
  ];

  const scanner = new Glossary(lexicon);
  it.each(QUESTIONS)('finds its words in a question (%s) %s', (lang, question, expected) => {
    const found = new Set([...scanner.occurrences(analyze(question, lang))].map((o) => lexicon.entries[o.entry]?.id));
    expect(expected.filter((id) => !found.has(id))).toEqual([]);
  });
});
