/**
 * What kind of answer a question expects, from its question words and shape, in the six
 * languages: a number, an amount of money, a percentage, a date, a duration, a person, an
 * organisation, a place, a language, a list, a procedure, a definition, yes or no — or none in
 * particular. The extractive answer looks for a candidate of that kind; with none, it abstains.
 *
 * Patterns are tried in order, so the more specific come first ("how much did it cost" is an
 * amount before "how much" is a number; "how many days" is a duration before "how many"; "what
 * was the budget execution rate" is a percentage before it is an amount). "Who is it for?" asks
 * for an audience, not for a person's name: it expects no kind in particular (the row or sentence
 * naming the audience answers).
 */
import type { Lang } from '../i18n/index.ts';
import { ARABIC_MARKS, firstHanWord } from './analyze.ts';
import { AR_WORD_START, isMoneyWord, MONEY } from './money-words.ts';
import { asksForTool } from './tools.ts';

export const ANSWER_KINDS = [
  'contact',
  'amount',
  'percentage',
  'duration',
  'number',
  'date',
  'person',
  'organisation',
  'place',
  'language',
  'list',
  'procedure',
  'definition',
  'yes_no',
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** Kinds whose answer is a short span of text (a figure, a date, a name) rather than sentences. */
export const SPAN_KINDS: ReadonlySet<AnswerKind> = new Set(['contact', 'amount', 'percentage', 'duration', 'number', 'date', 'person', 'organisation', 'place', 'language']);

type Rules = [AnswerKind, RegExp][];

const TIME_UNITS = {
  en: String.raw`days?|weeks?|months?|years?|hours?|minutes?`,
  fr: String.raw`jours?|journ[ée]es?|semaines?|mois|ans|ann[ée]es?|heures?|minutes?`,
  es: String.raw`d[ií]as?|semanas?|mes(?:es)?|a[ñn]os?|horas?|minutos?`,
  ru: String.raw`дн|недел|месяц|лет|год|час|минут`,
  ar: String.raw`يوم|أيام|ايام|أسبوع|أسابيع|شهر|أشهر|شهور|سنة|سنوات|ساعة|ساعات`,
  zh: String.raw`天|日|周|星期|月|年|小时|分钟`,
};

/**
 * "What is the Gini index", "what score did it get", "какой коэффициент", "ما قيمة مؤشر", "得分是多少":
 * the value of an index, a coefficient, a score or a rating is a figure ("0,93", "16.9"), whether
 * the document writes it as a share or not — asked before the rules of shares and definitions.
 */
const VALUE_OF_INDEX: Record<Lang, RegExp> = {
  en: /\bwhat (?:is|was|are|were) (?:the |its |their )?(?:[\w-]+ ){0,4}(?:index|coefficient|score|rating|ratio)\b|\bwhat (?:[\w-]+ ){0,3}(?:score|rating)s? (?:do|does|did|is|was|were|are)\b/,
  fr: /\bquel(?:le)? (?:est|était|a été) (?:l['’]|le |la )(?:\S+ ){0,4}?(?:indice|coefficient|score|ratio)\b|\bquel(?:le)? (?:\S+ )?(?:score|note moyenne)\b/,
  es: /\bcu[áa]l (?:es|era|fue) (?:el |la )(?:\S+ ){0,4}?(?:[íi]ndice|coeficiente|puntuaci[óo]n|puntaje|calificaci[óo]n|ratio)\b|\bqu[ée] (?:\S+ ){0,2}?(?:puntuaci[óo]n|puntaje|calificaci[óo]n)\b/,
  ru: /(?:каков|какой|какое|какая)\p{L}* (?:\p{L}+ ){0,2}?(?:индекс|коэффициент|балл|рейтинг)/u,
  ar: /(?:ما|كم) (?:هي |هو )?(?:قيمة|متوسط|مقدار) (?:ال)?(?:مؤشر|معامل|درجة|نقاط)|(?:ما|كم) (?:هي |هو )?(?:قيمة |متوسط )?(?:ال)?درجة/,
  zh: /(?:指数|系数|得分|分数|评分|分值)(?:是|为)?多少|多少分/,
};

const RULES: Record<Lang, Rules> = {
  en: [
    ['number', VALUE_OF_INDEX.en],
    ['percentage', /\b(?:what|which) (?:[\w-]+ )?(?:percentage|percent|share|proportion|fraction|rate)\b|\b(?:lowest|highest|largest|smallest|biggest|greatest) (?:share|proportion|rate|percentage)\b|\bhow (?:large|big) (?:a |an )?(?:share|proportion|part)\b|\bhow many percent\b|\bwhat (?:was|is) the [\w\s-]*\brate\b|\b(?:what|which) (?:[\w-]+ ){0,2}rate\b|\bpercentage\b/],
    ['amount', new RegExp(String.raw`\bhow many (?:[\w-]+ )?(?:dollars?|euros?|francs?|pounds?|kroner|kronor|krona|krone|yen|yuan|rupees?|pesos?|shillings?|roubles?|rubles?)\b|\bhow much\b.*\b(${MONEY.en})|\b(${MONEY.en})\w*\b.*\bhow much\b|\bwhat (?:was|is|were|are|would be|will be|has been) (?:the |its |their )?(?:[\w-]+ ){0,3}(?:${MONEY.en})|\bhow expensive\b|\b(?:what|which) (?:was|is|were|are|would be|will be) the (?:grand |overall )?total\b.*\b(?:${MONEY.en})|\bwhat (?:would|will|does|did|do|could|might|should)\b.{0,60}\bcost\b|\b(?:what|which) (?:[\w-]+ )?(?:budget|amount|sum|allowance|fee|salary|price|payment|grant)s?\b|\bin (?:[\w-]+ )?(?:dollars|euros|francs|shillings|pesos|rupees|roubles|yuan)\b|\bwhat (?:was|is|were|are|will be|would be) (?:the |its |their )?(?:[\w-]+ ){0,2}value of\b`)],
    ['duration', new RegExp(String.raw`\bhow often\b|\bhow frequently\b|\bat what (?:frequency|interval)\b|\bhow long\b|\bhow many (?:${TIME_UNITS.en})\b|\bfor how (?:many|long)\b|\bduration\b|\bwhat (?:was|is) the length\b|\bhow soon\b|\bwithin (?:what|which|how much) (?:time|period)\b`)],
    ['number', /\bhow many\b|\bhow much\b|\bnumber of\b|\bwhat (?:was|is) the (?:total |overall )?(?:number|count|size|attendance|headcount)\b|\bwhat (?:was|is|were|are|will be|would be) (?:the |its |their )?(?:[\w-]+ ){0,2}volume of\b|\bcount of\b|\bwhat (?:was|is|were|are) (?:the )?(?:grand |overall )?total\b/],
    ['date', /\bwhen\b|\bwhat (?:date|day|year|month|time)s?\b|\bwhich (?:date|day|year|month)s?\b|\bin what (?:year|month)\b|\bsince when\b|\bby when\b|\bdeadline\b/],
    ['contact', /\b(?:e-?mail|phone number|telephone|fax|contact details|(?:postal|e-?mail|web|mailing|street|website) address|address (?:of|for))\b|\bwhat(?:'s| is) (?:the|his|her|their|its) (?:address|phone|website|url)\b/],
    ['person', /\bwho(?:m|se)?\b|\bwhich (?:person|speaker|expert|official|presenter|panell?ist|director|advisor|adviser|delegate|moderator)\b|\bname of the (?:speaker|expert|person|presenter|moderator|director|chair)\b/],
    ['organisation', /\b(?:which|what) (?:[\w-]+ ){0,2}(?:organi[sz]ations?|agenc(?:y|ies)|bod(?:y|ies)|institutions?|divisions?|departments?|offices?|committees?|ministr(?:y|ies)|programmes?|programs?|partners?|units?|sections?|entit(?:y|ies)|banks?|funds?|donors?|funders?)\b/],
    ['place', /\bwhere\b|\b(?:in |from )?(?:which|what) (?:country|countries|city|cities|regions?|places?|locations?|continents?|venues?)\b/],
    ['language', /\b(?:in |into )?(?:which|what) languages?\b|\blanguage (?:was|is|were)\b/],
    ['list', /\bwhat are the\b|\bwhich are the\b|\blist\b|\bname (?:the|all)\b|\benumerate\b|\bwhat (?:were|are) (?:the )?(?:main|key|six|five|four|three|two|different)\b|\bwhich (?:\w+ ){0,2}(?:are|were) (?:covered|included|listed|planned|proposed|offered)\b/],
    ['procedure', /\bhow (?:do|does|did|can|could|should|would|is|are|to)\b|\bwhat (?:steps|procedure|process)\b|\bwhat (?:should|must) .*\b(?:contain|include)\b|\bwhat (?:is|are) needed\b/],
    ['definition', /\bwhat (?:is|are|was|were|does)\b|\bwhat do(?:es)? .* mean\b|\bdefine\b|\bmeaning of\b|\bpurpose of\b|\bwhy\b/],
    ['yes_no', /^(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|must)\b/],
  ],
  fr: [
    ['number', VALUE_OF_INDEX.fr],
    ['percentage', /\bquel(?:le)? (?:est |était |a été )?(?:le |la )?(?:\S+ )?(?:pourcentage|proportion|part|taux)\b|\bpourcentage\b|\bcombien de pour(?: |-)?cent\b|\btaux\b/],
    ['amount', new RegExp(String.raw`\bcombien\b.*\b(?:${MONEY.fr})|\b(?:${MONEY.fr})\w*\b.*\bcombien\b|\bcombien (?:a|ont|avait|avaient) co[uû]t[ée]|\bquel(?:le)?s? (?:a été |était |est |serait |sera |seront |seraient )?(?:le |la |les )?(?:\S+ ){0,3}(?:co[uû]ts?|budget|montant|prix|somme|enveloppe|d[ée]penses|frais|paiements?|versements?|subventions?|indemnit[ée]s?|chiffres? d'affaires|recettes|financements?|contributions? financi[èe]res?|apports? financiers?|dotations?)\b|\bque co[uû]te(?:rai(?:en)?t|ra|nt)?\b|\b(?:à|a) combien s'?(?:élève|élevait|élevaient|élèvent|est élevé)|\bquelle (?:est |était |a été |sera |serait )?la (?:\S+ )?valeur\b(?! ajout)`)],
    ['duration', new RegExp(String.raw`\btous les combien\b|\b[àa] quelle fr[ée]quence\b|\bcombien de fois par\b|\bcombien de temps\b|\bcombien de (?:${TIME_UNITS.fr})\b|\bdur[ée]e\b|\bpendant combien\b|\bdur(?:e|ent|era|eront|erait|eraient|er|é|ée)\b|\b(?:dans|sous|en) quel d[ée]lai\b|\bquel (?:est|était|sera) le d[ée]lai\b|\ben combien de temps\b`)],
    ['number', /\bcombien\b|\bnombre (?:de|d'|d’)|\bquel (?:est |était |a été )?le (?:nombre|total)\b|\bquel (?:est |était |a été |sera |serait )?le (?:\S+ )?volume\b/],
    ['date', /\bquand\b|\b(?:à|a|en|depuis|jusqu'à) quelle (?:date|année|époque|heure)\b|\bquels? (?:jours?|mois)\b|\bquelles? (?:dates?|années?)\b|\ben quelle année\b|\bdepuis quand\b|\bdate\b|\bjusqu'à quand\b|\béchéance\b/],
    ['contact', /\b(?:courriel|e-?mail|téléphone|télécopie|fax|coordonnées)\b|(?<!s['’])\badresse\b|\bquel(?:le)? est (?:le|l['’]) (?:site|adresse)\b/],
    ['person', /\bqui\b(?! que)|\bquel(?:le)? (?:expert|experte|personne|intervenant|intervenante|orateur|oratrice|conseill[eè]re?|directeur|directrice|responsable|modérat(?:eur|rice)|spécialiste)\b|\bpar qui\b/],
    ['organisation', /\bquel(?:le)?s? (?:\S+ )?(?:organisation|organisme|institution|agence|division|département|bureau|office|comité|ministère|partenaire|programme|service|unité|entité|banque|fonds|bailleur|donateur)s?\b/],
    ['place', /\boù\b|\b(?:dans |en )?quel(?:le)?s? (?:pays|villes?|régions?|lieux?|continents?)\b/],
    ['language', /\b(?:en|dans) quelle(?:s)? langues?\b|\bquelle(?:s)? langues?\b/],
    ['list', /\bquel(?:le)?s sont\b|\bénum[ée]r|\bliste\b|\bcitez\b|\bquel(?:le)?s (?:\w+ ){0,2}(?:sont|étaient) (?:prévu|propos|couvert|inclu|envisag)/],
    ['procedure', /\bcomment\b|\bquelles (?:sont les )?étapes\b|\bprocédure\b|\bdémarche\b|\bque (?:doit|faut-il)\b/],
    ['definition', /\bqu['’]est-ce (?:que|qu['’])\b|\bque (?:signifie|veut dire)\b|\bc['’]est quoi\b|\bdéfini|\bpourquoi\b|\bà quoi sert\b|\bquel(?:le)? est (?:le |la |l['’])?(?:but|objectif|rôle|sujet|thème)\b/],
    ['yes_no', /^est-ce que\b|^(?:y a-t-il|existe-t-il)\b|^\w+-(?:t-)?(?:il|elle|ils|elles|on)\b/],
  ],
  es: [
    ['number', VALUE_OF_INDEX.es],
    ['percentage', /\bqu[ée] (?:\S+ )?(?:porcentaje|proporci[óo]n|parte|tasa)\b|\bcu[áa]l (?:fue|es|era) (?:el |la )?(?:porcentaje|proporci[óo]n|tasa|[íi]ndice)\b|\bqu[ée] (?:\S+ )?(?:porcentaje|tasa)\b|\bporcentaje\b|\btasa\b/],
    ['amount', new RegExp(String.raw`\bcu[áa]nt[oa]s (?:[\w-]+ )?(?:d[óo]lares|euros|francos|coronas|libras|yenes|pesos)\b|\bcu[áa]nto\b.*\b(?:${MONEY.es})|\b(?:${MONEY.es})\w*\b.*\bcu[áa]nto\b|\bcu[áa]l(?:es)? (?:fue|es|era|ser[íi]a|ser[áa]|son|fueron) (?:el |la |los )?(?:\S+ ){0,3}(?:costos?|costes?|presupuesto|monto|importe|precio|gastos?|facturaci[óo]n|financiaci[óo]n|financiamiento|aportes? financieros?|aportaci[óo]n financiera|subvenci[óo]n)\b|\bqu[ée] (?:costo|coste|presupuesto|monto|importe|gasto|suma|pago|subvenci[óo]n|asignaci[óo]n|dieta)\b|\ba cu[áa]nto (?:asciende|ascendi[óo]|ascend[íi]a)|\bcu[áa]l (?:es|era|fue|ser[áa]|ser[íi]a) el (?:\S+ )?valor\b(?! (?:a[ñn]adido|agregado))`)],
    ['duration', new RegExp(String.raw`\bcon qu[ée] frecuencia\b|\bcada cu[áa]nto\b|\bcu[áa]ntas veces (?:al|por)\b|\bcu[áa]nto tiempo\b|\bcu[áa]ntos? (?:${TIME_UNITS.es})\b|\bduraci[óo]n\b|\bdur(?:[óoa]|an|aba|aban|ar|ar[áa]n?|ar[íi]an?|e|en)\b|\bdurante cu[áa]nto\b|\b(?:en|dentro de) qu[ée] plazo\b|\bqu[ée] plazo\b|\ben cu[áa]nto tiempo\b`)],
    ['number', /\bcu[áa]nt[oa]s?\b|\bn[úu]mero de\b|\bcantidad de\b|\bcu[áa]l (?:fue|es|era) el total\b|\bcu[áa]l (?:es|era|fue|ser[áa]|ser[íi]a) el (?:\S+ )?volumen\b/],
    ['date', /\bcu[áa]ndo\b|\b(?:en |a partir de )?qu[ée] (?:fechas?|a[ñn]os?|d[íi]as?|mes(?:es)?)\b|\bdesde cu[áa]ndo\b|\bfecha\b|\bhasta cu[áa]ndo\b/],
    ['contact', /\b(?:correo|e-?mail|teléfono|fax|datos de contacto)\b|\bdirecci[óo]n (?:de correo|postal|web|electr[óo]nica|del sitio)\b|\bcu[áa]l es (?:el|la) (?:sitio|p[áa]gina) web\b/],
    ['person', /\bqui[ée]n(?:es)?\b|\bqu[ée] (?:experto|experta|persona|ponente|orador|oradora|asesor|asesora|director|directora|moderador|moderadora|especialista)\b/],
    ['organisation', /\bqu[ée] (?:organizaci[óo]n|organismo|instituci[óo]n|agencia|divisi[óo]n|departamento|oficina|comit[ée]|ministerio|socios?|programa|banco|fondo|entidad(?:es)?|donantes?|financiador(?:es)?)\b|\bcu[áa]l(?:es)? (?:organizaci[óo]n|organismo|instituci[óo]n)/],
    ['place', /\bd[óo]nde\b|\b(?:en )?qu[ée] (?:pa[íi]s|pa[íi]ses|ciudad(?:es)?|regi[óo]n(?:es)?|lugar(?:es)?|continentes?)\b/],
    ['language', /\b(?:en )?qu[ée] (?:idiomas?|lenguas?)\b|\bcu[áa]l(?:es)? (?:idiomas?|lenguas?)\b/],
    ['list', /\bcu[áa]les (?:son|eran|fueron)\b|\benumer|\blista\b|\bqu[ée] (?:\w+ ){0,2}(?:se prev|se propon|incluy|abarc)/],
    ['procedure', /\bc[óo]mo\b|\bqu[ée] pasos\b|\bprocedimiento\b|\bqu[ée] (?:debe|hay que)\b/],
    ['definition', /\bqu[ée] (?:es|son|significa|quiere decir)\b|\bpor qu[ée]\b|\bpara qu[ée]\b|\bcu[áa]l (?:es|era|fue) (?:el |la )?(?:objetivo|prop[óo]sito|finalidad|tema|papel)\b/],
    ['yes_no', /^¿?(?:es|son|fue|fueron|hay|hubo|existe|puede|pueden|se puede|tiene|tienen|debe|est[áa]|ha|han)\b/],
  ],
  ru: [
    // "Какого числа" asks for a day of the month, not a number; so does "几号" (before the figures' rules).
    // ("До какого числа экспертов": up to what number of experts — a count, the noun after it in the genitive plural.)
    ['date', /(?:^|\s)как(?:ого|ое) числ[оа](?!\s+\p{L}+(?:ов|ев|ей|ий|ых|их)(?!\p{L}))|(?:^|\s)до какого (?:года|месяца)(?!\p{L})/u],
    ['number', VALUE_OF_INDEX.ru],
    ['percentage', /как(?:ой|ая|ую|ов|ова|им|ою) (?:был[аои]? )?(?:\p{L}+ )?(?:процент|дол(?:я|и|ю|е|ей)(?!\p{L})|показател|уровень|коэффициент|част(?:ь|и|ью|ей)(?!\p{L}))|процент/u],
    // Money words begin a word: "рецензируемых" holds "цен", "оценка" too.
    ['amount', new RegExp(String.raw`сколько.*(?<!\p{L})(?:${MONEY.ru})|(?<!\p{L})(?:${MONEY.ru}).*сколько|(?:каков|каким|какой|какая|какие|какую|какого|какой)[аоы]? (?:был[аои]?м? |был[аои]? |общ\p{L}* )?(?:стоимост|бюджет|сумм|расход|затрат|цен|взнос|финансирован|ассигнован|выручк)|во сколько обо|во что обо`, 'u')],
    ['duration', new RegExp(String.raw`как часто|с какой периодичностью|сколько раз в|как долго|сколько (?:времени|${TIME_UNITS.ru})|продолжительност|длительност|сколько длил|длил[аио]?с|длит(?:ся|ь?ся)|продлит(?:ся|ь?ся)|продлятся|продолжит(?:ся|ь?ся)|(?:в|за|на) какой срок|на какое время|в течение какого (?:срока|времени)|каков срок`)],
    ['number', /сколько|скольк(?:их|им|ими)(?!\p{L})|количеств|числ[оа]|как(?:ов|ой|ая|им)\p{L}* (?:был\p{L}* )?(?:\p{L}+ )?(?:объ[её]м|величин|размер)/u],
    ['date', /когда|крайний срок|последний срок|до какого (?:числа|срока)|(?:^|\s)(?:в |на )?какие (?:даты|дни|числа)(?![а-яё])|как(?:ого|ой|ую) (?:числа|даты|дату|год[ау]?|месяц)|в как(?:ом|ой) (?:году|месяце|день)|какая дата|с какого времени|дата/],
    ['contact', /(?:электронн\p{L}* почт|e-?mail|имейл|телефон|факс|адрес(?!ов)|контактн)/u],
    ['person', /(?:^|\s|[«"])(?:кто|кем|кого|кому)(?:\s|$|[?,])|какой (?:эксперт|специалист|докладчик|спикер|советник|директор|модератор)|как(?:ая|ой) (?:экспертка|женщина)|чь[ея]/],
    ['organisation', /как(?:ая|ой|ую|ие|ое|их|ом|им|ими) (?:организаци|орган|учреждени|агентств|отдел|департамент|управлени|комитет|министерств|партн[её]р|програм|банк|фонд|донор|спонсор)/],
    ['place', /(?:^|\s)где(?:\s|$|\?)|(?:в |из )?как(?:ой|ую|их|ом) (?:стран|город|регион|мест|континент)/],
    ['language', /на как(?:ом|их) язык|какой язык|какие языки/],
    ['list', /как(?:ие|ова|овы) (?:были |есть )?(?:основн|главн|ключев)?|перечисл|список|назовите/],
    ['procedure', /(?:^|\s)как(?:им образом)?(?:\s)(?:можно|следует|нужно|надо|подать|запросить|получить|организ|провод|провест)|какие шаги|порядок|процедур/],
    ['definition', /что (?:такое|означает|значит|представляет)|(?:^|\s)зачем|почему|какова (?:цель|роль|задача|тема)|в ч[её]м (?:цель|суть)/],
    ['yes_no', /(?:^|\s)ли(?:\s|$|\?)/],
  ],
  ar: [
    ['number', VALUE_OF_INDEX.ar],
    ['percentage', /نسبة|معدل|بالمئة|بالمائة|في المائة|في المئة/],
    // A money word starts a word, after at most a conjunction, a preposition and the article ("بتكلفة",
    // "والمبلغ"): "مصرف" (a bank) holds "صرف" (spending), "الأعمال" holds "مال" (money).
    ['amount', new RegExp(String.raw`(?:كم|ما).*${AR_WORD_START}(?:${MONEY.ar})|${AR_WORD_START}(?:${MONEY.ar}).*كم|(?:^|\s)(?:ما|كم) (?:هي |هو |كانت |كان )?(?:ال)?قيمة`, 'u')],
    ['duration', new RegExp(String.raw`كم مرة في|كل كم|بأي وتيرة|كم من الوقت|(?:كم|ما) (?:عدد )?(?:${TIME_UNITS.ar})|(?:^|\s)(?:مدة|مدّة|استغرق|تستغرق|يستغرق|استغرقت|دام|دامت|تدوم|يدوم)(?=\s|$|؟)|خلال أي مدة|في غضون كم|ما (?:هي )?المهلة`)],
    ['number', /(?:^|\s)كم(?:\s|$)|(?:^|\s)عدد(?:\s|$)|ما عدد|(?:^|\s)عدد ال|(?:^|\s)(?:ما|كم) (?:هي |هو |كانت |كان )?(?:ال)?حجم/],
    ['date', /(?:^|\s)متى(?:\s|$|؟)|الموعد النهائي|آخر موعد|(?:في )?أي (?:تاريخ|يوم|سنة|عام|شهر)|ما (?:هو )?تاريخ|(?:^|\s)تاريخ/],
    ['contact', /(?:البريد الإلكتروني|بريد|هاتف|الهاتف|فاكس|عنوان البريد|عنوان الموقع|رقم الهاتف|بيانات الاتصال)/],
    ['person', /^(?:مَن|من) (?:هو|هي|هم|الذي|التي|الذين|قام|قامت|ترأس|ترأست|أدار|أدارت|قدم|قدّم|قدمت|قدّمت|افتتح|ألقى|مثّل|مثل|تولى|كان|كانت|يمثل|شارك|تحدث|سيتولى|يتولى|سيقوم|يقوم|مول|موّل|يمول|دعم|نظم|نظّم|أعد|أعدّ|كتب|وقع|وقّع|أطلق|اقترح|اختار|ال(?:خبير|متحدث|شخص|مستشار|مدير|رئيس|منسق|ممثل|مسؤول))|(?:^|\s)(?:أي|ما اسم) (?:خبير|شخص|متحدث|مستشار|مدير|منسق)/],
    ['organisation', /(?:أي|ما|ما هي) (?:منظمة|هيئة|جهة|مؤسسة|شعبة|إدارة|مكتب|لجنة|وزارة|الجهة|المنظمة|الهيئة|الشعبة|الإدارة|بنك|البنك|مصرف|المصرف|صندوق|الصندوق|جهة مانحة|الجهة المانحة)/],
    ['place', /(?:^|\s)أين(?:\s|$|؟)|(?:في )?أي (?:بلد|دولة|مدينة|منطقة|إقليم|قارة|مكان)|ما (?:البلد|البلدان|الدولة|الدول|المدينة|المدن|المنطقة|المناطق|الأقاليم)/],
    ['language', /بأي لغة|ما (?:هي )?(?:اللغة|اللغات)|أي لغة|أي اللغات|بأية لغة/],
    ['list', /ما (?:هي|هم) (?:ال)|اذكر|عدّد|قائمة/],
    ['procedure', /(?:^|\s)كيف(?:\s|$)|ما (?:هي )?(?:الخطوات|الإجراءات)|إجراء/],
    ['definition', /ما (?:هو|هي|معنى|المقصود|الغرض|الهدف)|(?:^|\s)لماذا|ماذا يعني/],
    ['yes_no', /^(?:هل|أ)\s?/],
  ],
  zh: [
    ['number', VALUE_OF_INDEX.zh],
    ['date', /几月几[日号]|几号|哪(?:一)?天/],
    ['percentage', /百分之几|百分比|比例|比率|占比|率(?:是|为)?多少|回复率|答复率|响应率|率/],
    ['amount', new RegExp(String.raw`(?:多少|几).*(?:${MONEY.zh})|(?:${MONEY.zh}).*(?:多少|几|是多少)|花了多少|多少钱`)],
    ['duration', new RegExp(String.raw`多久一次|多长时间一次|频率|每隔多久|多久|多长时间|多少时间|持续|为期|几(?:${TIME_UNITS.zh})|多少(?:${TIME_UNITS.zh})|多长时间内|多久内|期限是多久`)],
    ['number', /多少|几[个位场次名家项人]|数量|人数|数目|几/],
    ['date', /什么时候|何时|截止日期|截止时间|最后期限|哪(?:一)?天|哪(?:一)?年|哪个月|几月|几号|日期|时间是/],
    ['contact', /(?:邮箱|电子邮件|电邮|电话|传真|地址|网址|联系方式)/],
    ['person', /谁|哪位|何人|哪(?:一)?个人|什么人/],
    ['organisation', /哪(?:个|家|些)?(?:组织|机构|部门|单位|司|处|委员会|部|伙伴|银行|基金|捐助方|资助方|出资方)|什么(?:组织|机构|部门|银行|基金|捐助方|资助方)/],
    ['place', /哪里|哪儿|在哪(?![份个篇项种本])|何处|哪(?:个|些)?(?:国家|城市|地区|区域|地方|大洲)/],
    ['language', /什么语|哪(?:种|一种|些)?语(?:言|种)|用哪种语|以何种语言/],
    ['list', /哪些|列出|有哪|包括什么|包括哪/],
    ['procedure', /如何|怎样|怎么|步骤|程序|流程/],
    ['definition', /什么是|是什么|意思|为什么|目的/],
    ['yes_no', /吗[?？]?$|是否|有没有|是不是/],
  ],
};

/** Questions that ask whom something is meant for: an audience, a target group. */
const FOR_WHOM: Record<Lang, RegExp> = {
  en: /\bfor whom\b|\bwho (?:is|are|was|were) (?:[\w-]+ ){0,8}(?:meant|intended|designed|aimed|targeted|for)\b.{0,20}\?$|\bwho (?:is|are) the (?:target|audience|beneficiar)|\bwho (?:can|may|could|will be able to|is allowed to|is entitled to) (?:access|join|enter|use|take part|participate|sign up|register)\b|\b(?:open|accessible|available) to whom\b/,
  fr: /(?:^|\s)(?:à|a|pour) qui (?:s'adresse|s'adressent|est destiné|sont destiné|est-il destiné|est-elle destinée)|\bpour qui\b|\bqui (?:est|sont) (?:le |les )?(?:public|cible|bénéficiaire)|\bqui (?:peut|peuvent|pourra|pourront|pourrait|a le droit d(?:e |')) ?(?:accéder|participer|entrer|utiliser|s'inscrire|prendre part)|\b(?:ouvert|ouverte|accessible|réservé|réservée) à qui\b/,
  es: /\bpara qui[ée]n(?:es)?\b|\ba qui[ée]n(?:es)? (?:va|van|est[áa]n?|se) (?:dirigid|destinad|dirige|orienta)|\bqui[ée]n(?:es)? (?:puede|pueden|podr[áa]|podr[áa]n|podr[íi]a|tiene derecho a) (?:acceder|participar|entrar|usar|utilizar|inscribirse|tomar parte)|\b(?:abierto|abierta|accesible|reservado|reservada) a qui[ée]n/,
  ru: /для кого|кому (?:предназнач|адресован)|на кого (?:рассчитан|ориентирован|направлен)|кому (?:будет |был[аио]? |будут )?(?:открыт|доступ)|кто (?:может|сможет|будет|имеет право) (?:иметь доступ|получить доступ|участвовать|пользоваться|войти|зарегистрироваться)/,
  ar: /(?:^|\s)لمن(?:\s|$|؟)|(?:^|\s)لِمَن|من (?:هي|هو|هم) الفئ|الفئة المستهدفة|من (?:يمكنه|يمكنهم|يستطيع|يحق له|يحق لهم|يسمح له) (?:الوصول|الدخول|المشاركة|استخدام|التسجيل)/,
  zh: /面向(?:谁|哪些人|什么人)|针对(?:谁|哪些人|什么人)|为谁|对象是(?:谁|哪些)|给谁|谁(?:可以|能|能够|有权|可)(?:访问|进入|参加|参与|使用|登录|注册)|(?:对|向)谁开放/,
};

/** Languages whose "how many" is followed at once by the thing counted. */
const DIRECT_COUNT: ReadonlySet<Lang> = new Set(['en', 'fr', 'es']);
const TIME_WORDS: Partial<Record<Lang, string>> = { en: 'time', fr: 'temps', es: 'tiempo' };

/**
 * A subordinate clause after the question's own ("…did she represent when she presented…"): its
 * "when" or "where" does not ask for a date or a place. (Chinese puts such clauses first, and its
 * question words are read where they stand.)
 */
const SUBORDINATE: Partial<Record<Lang, RegExp>> = {
  en: /[ ,](?:when|while|where|whereas|after|before|if|because|since|as soon as) /,
  fr: / ,?(?:quand|lorsqu'?|où|si|parce qu'?|après qu'?|avant qu'?|pendant qu'?)(?: |$)/,
  es: / ,?(?:cuando|donde|si|porque|mientras|después de que|antes de que) /,
  ru: /,? (?:когда|где|если|потому что|пока|после того как|перед тем как) /,
  ar: / (?:عندما|حين|حينما|لما|إذا|اذا|لأن|بينما|بعد أن|قبل أن) /,
};

/**
 * A count named inside what the question describes ("which area does the indicator on the
 * NUMBER OF institutions fall under?"): a question word with a noun of its own asks for that, not
 * for the count. Only the count nouns (not "how many", "combien", "сколько", "多少", "كم").
 */
const DESCRIBED_COUNT: Record<Lang, RegExp> = {
  en: /\b(?:which|what) (?!(?:is|was|are|were|will|would|does|did|do|has|have|the|number|total|overall|count)\b)[a-z-]+\b.*\b(?:number|count) of\b/,
  fr: /(?:^|\s)(?:quel|quelle|quels|quelles) (?!(?:est|était|sont|étaient|a|ont|fut|sera|seront|nombre)\b)\p{L}+.*\bnombre d/u,
  es: /(?:^|[\s¿])(?:qu[ée]|cu[áa]l(?:es)?) (?!(?:es|era|fue|son|eran|fueron|ser[áa]n?|n[úu]mero|cantidad|el|la|los|las)(?:\s|$))\p{L}+.*\b(?:n[úu]mero|cantidad) de\b/u,
  ru: /(?:^|\s)(?:как(?:ой|ая|ое|ие|ую|ому|ом|их|им))\s+(?!количеств|числ)\p{L}+.*(?:количеств|числ[оа])/u,
  ar: /(?:^|\s)(?:(?:ما|من) (?:هو|هي) ال\p{L}+|أي \p{L}+)(?:\s.*)?\sعدد/u,
  zh: /^(?!.*(?:多少|几))(?=.*(?:数量|数目|人数)).*(?:哪(?:个|些|一|种|家|类)|什么)(?!时候)/u,
};

/** Questions asking what a name or an acronym stands for ("que signifie le sigle SPSI"). */
const MEANING: Record<Lang, RegExp> = {
  en: /\bwhat (?:does|do|did) (?:the )?(?:acronym |abbreviation )?\S+ (?:stand for|mean)\b|\bwhat is the full (?:name|form)\b|\bstands? for\b/,
  fr: /\bque (?:signifie|signifient|veut dire|veulent dire)\b|\bque désigne\b|\bsignification d[ue]\b|(?:^|\s)à quoi correspond(?:ent)? (?:le sigle|les sigles|l'acronyme)\b|\bnom complet\b/,
  es: /\bqu[ée] (?:significa|significan|quiere decir|quieren decir)\b|\bsignificado de (?:la sigla|las siglas|el acr[óo]nimo)\b|\ba qu[ée] corresponden? (?:la sigla|las siglas|el acr[óo]nimo)\b|\bnombre completo\b/,
  ru: /что (?:означает|означают|значит|обозначает|обозначают)|как расшифровыва|расшифровк|полное (?:название|наименование)/,
  ar: /ماذا يعني|ماذا تعني|ما معنى|ما (?:الذي|هو الذي) (?:يعني|تعني)|(?:^|\s)(?:إلام|إلى ماذا|الى ماذا|ماذا) (?:يرمز|ترمز|يشير|تشير)|ما المقصود (?:ب|من)|ما هو الاسم الكامل|الاسم الكامل/,
  zh: /全称|全名|代表什么|是什么意思|什么意思|指的是什么|是什么的缩写/,
};

/** Whether the question asks what a name or an acronym stands for. */
export function asksMeaning(question: string, lang: Lang): boolean {
  return MEANING[lang].test(question.normalize('NFC').toLowerCase().replace(/[’]/g, "'"));
}

/** Questions asking for the day itself ("on what date", "quel jour", "哪一天"): a year or a month alone does not answer them. */
const DAY: Record<Lang, RegExp> = {
  en: /\b(?:what|which) (?:exact )?(?:date|day)\b|\bon what day\b|\bexact date\b/,
  fr: /\bquel(?:le)? (?:jour|date)\b|\bà quelle date\b|\bdate exacte\b/,
  es: /\bqu[ée] (?:d[íi]a|fecha)\b|\bfecha exacta\b/,
  ru: /какого числа|как(?:ой|ую|ая) (?:день|дату|дата)|точн(?:ая|ую) дат/,
  ar: /(?:أي|اي) يوم|(?:أي|اي) تاريخ|ما (?:هو )?تاريخ|التاريخ (?:الدقيق|المحدد)/,
  zh: /哪一?天|几月几[日号]|几号|什么日期|具体日期/,
};

/** Whether the question asks for a day (not only a year or a month). */
export function asksDay(question: string, lang: Lang): boolean {
  return DAY[lang].test(question.normalize('NFC').toLowerCase().replace(/[’]/g, "'"));
}

/** Questions asking when something ended or runs until ("when did it end", "jusqu'à quand", "到期"): of a span's two dates, the second. */
const END: Record<Lang, RegExp> = {
  en: /\b(?:end|ends|ended|ending|finish(?:es|ed)?|close|closes|closed|closing|until)\b/,
  fr: /\b(?:fin|finit|finira|termin\p{L}*|jusqu['’]à quand|clôtur\p{L}*|achev\p{L}*)/u,
  es: /\b(?:fin|finaliz\p{L}*|termin\p{L}*|hasta cu[áa]ndo|concluy\p{L}*|conclu[íi]\p{L}*|cierre)/u,
  ru: /законч|заверш|оконч|до какого/,
  ar: /انته|ينتهي|تنتهي|نهاية|اختتام/,
  zh: /结束|截止|到期|完成|终止/,
};

/** Whether the question asks when something ended. */
export function asksEnd(question: string, lang: Lang): boolean {
  return END[lang].test(question.normalize('NFC').toLowerCase().replace(/[’]/g, "'"));
}

/** Question words of a clause, where SUBORDINATE cuts one off. */
const QUESTION_WORD: Partial<Record<Lang, RegExp>> = {
  en: /\b(?:what|which|who|whom|whose|how|where|when|why)\b/,
  fr: /(?:^|[\s'])(?:que|qu|quel|quelle|quels|quelles|qui|comment|combien|où|quand|pourquoi|lequel|laquelle)(?:\s|$|-)/,
  es: /(?:qu[ée]|cu[áa]l|cu[áa]les|qui[ée]n|qui[ée]nes|c[óo]mo|cu[áa]nt[oa]s?|d[óo]nde|cu[áa]ndo|por qu[ée])(?:\s|$)/,
  ru: /(?:^|\s)(?:что|какой|какая|какое|какие|какую|каких|кто|кого|кому|как|сколько|скольких|скольким|где|когда|почему|зачем)(?:\s|$|,)/,
  ar: /(?:^|\s)(?:ما|ماذا|من|كيف|كم|أين|متى|هل|لماذا|أي)(?:\s|$)/,
};

/** The expected kind of answer, or undefined when the question does not say. */
/**
 * "What period does it cover", "which years": a span of years answers, as a date ("2014-2021"),
 * whatever else the question names (a budget's cycle is no sum of money). "Within what period"
 * asks how long.
 */
const PERIOD: Record<Lang, RegExp> = {
  en: /(?<!\bwithin )\b(?:what|which) (?:period|years|time ?frame)\b|\bfrom when to when\b/,
  fr: /(?<!\bdans )\bquelles? (?:période|années)\b|\bde quand à quand\b/,
  es: /(?<!\bdentro de )\b(?:qu[ée]|cu[aá]l(?:es)?) (?:es el |son los )?(?:per[ií]odo|años)\b|\bdesde cu[aá]ndo hasta cu[aá]ndo\b/,
  ru: /(?<!\p{L})(?:как(?:ой|ие|ого|им) (?:период|годы|годах|срок действия)|(?:за|на) какой период|с какого (?:года|по какой))(?!\p{L})/u,
  ar: /(?:ما|أي|ماهي|ما هي) (?:ال)?(?:فترة|سنوات|أعوام|الفترة الزمنية)|من أي سنة إلى/u,
  zh: /哪几年|哪些年|哪个时期|什么时期|哪一时期|哪段时间|哪些年份|从哪年到哪年/u,
};

/** "What is the name of the expert", "как зовут модератора": a person, when a person is named as what is asked (not "the name of the software"). */
const NAME_OF_PERSON: Record<Lang, RegExp> = {
  en: /\bwhat (?:is|was|were) the names? of (?:the |its |their )?(?:[\w-]+ )?(?:expert|speaker|presenter|moderator|chair|director|coordinator|officer|consultant|trainer|facilitator|head|lead)s?\b/,
  fr: /\b(?:nom|noms) d[eu]s? (?:l'|la |le )?(?:[\p{L}-]+ )?(?:expert|experte|intervenant|intervenante|orat(?:eur|rice)|modérat(?:eur|rice)|président|présidente|direct(?:eur|rice)|responsable|coordonnat(?:eur|rice)|consultant|consultante|format(?:eur|rice))s?\b|\bcomment s'appel(?:le|ait|lent|aient) (?:l'|la |le |les )(?:expert|experte|intervenant|intervenante|orat(?:eur|rice)|modérat(?:eur|rice)|président|présidente|direct(?:eur|rice)|responsable)/u,
  es: /\bnombres? del? (?:la )?(?:[\p{L}-]+ )?(?:experto|experta|ponente|orador|oradora|moderador|moderadora|presidente|presidenta|director|directora|responsable|coordinador|coordinadora|consultor|consultora|formador|formadora)s?\b|\bc[oó]mo se llama(?:ba|n|ban)? (?:el|la|los|las) (?:experto|experta|ponente|orador|oradora|moderador|moderadora|presidente|presidenta|director|directora|responsable)/u,
  ru: /как (?:зовут|звали)|(?:имя|фамилия|имена) (?:\p{L}+ )?(?:эксперт|докладчик|модератор|ведущ|председател|директор|руководител|координатор|консультант)/u,
  ar: /(?:ما )?(?:اسم|أسماء) (?:ال)?(?:خبير|خبراء|متحدث|محاضر|مدير|رئيس|منسق|مسؤول|مستشار|مدرب|ميسر)/u,
  zh: /(?:专家|主讲人?|主持人|发言人|讲者|负责人|主任|主席|顾问|协调员)的?(?:叫什么|名字|姓名)/u,
};

export function questionKind(question: string, lang: Lang): AnswerKind | undefined {
  const text = question.normalize('NFC').toLowerCase().replace(/[’]/g, "'").replace(ARABIC_MARKS, '').replace(/\s+/g, ' ').trim();
  if (FOR_WHOM[lang].test(text)) return undefined;
  // "Over what period does a project extend": how long, asked with a verb of lasting.
  if (PERIOD[lang].test(text) && !lasting(text, lang)) return 'date';
  if (NAME_OF_PERSON[lang].test(text)) return 'person';
  if (MEANING[lang].test(text)) return 'definition';
  // The question's own clause says what it asks, when it says something; the whole text otherwise.
  const cut = SUBORDINATE[lang]?.exec(text)?.index;
  const main = cut !== undefined && cut > 0 ? text.slice(0, cut) : undefined;
  const described = DESCRIBED_COUNT[lang].test(text);
  const kindOf = (t: string): AnswerKind | undefined => RULES[lang].find(([k, pattern]) => !(described && k === 'number') && pattern.test(t))?.[0];
  // A main clause with a question word of its own says the kind, or that it names none.
  const kind = main !== undefined && (kindOf(main) !== undefined || QUESTION_WORD[lang]?.test(main)) ? kindOf(main) : kindOf(text);
  // "How many workshops of short duration": a count of things, not a length of time (where the
  // thing counted follows the question word at once).
  const counted = (kind === 'duration' || kind === 'amount') && DIRECT_COUNT.has(lang) ? countedWord(text, lang) : undefined;
  if (kind === 'duration' && counted !== undefined && !new RegExp(`^(?:${TIME_UNITS[lang]}|${TIME_WORDS[lang]})`).test(counted)) return 'number';
  // "How many countries paid": a count of countries, whatever the money word later.
  // ("How many Norwegian kroner": the money word may follow an adjective.)
  if (kind === 'amount' && counted !== undefined && !text.slice(text.indexOf(counted)).split(/\s+/).slice(0, 2).some((w) => isMoneyWord(w, lang))) return 'number';
  // "With which program": a tool, named by its product's name, not a body.
  if (kind === 'organisation' && asksForTool(text, lang)) return undefined;
  return kind;
}

const EXPERT_HELP: Record<Lang, RegExp> = {
  en: /\bwho (?:can|could|might|would) (?:help|advise|assist|support)\b|\b(?:find|recommend|suggest|need) (?:me )?an? (?:expert|specialist|consultant)\b|\bwhich experts?\b|\bany experts?\b|\bexperts? (?:on|in|for)\b/,
  fr: /\bqui (?:peut|pourrait|pourra) (?:m['’])?(?:aider|conseiller|accompagner|appuyer)\b|\bquel(?:le)?s? experts?\b|\b(?:un|une|des) (?:experts?|spécialistes?|consultants?) (?:en|de|sur|pour)\b/,
  es: /\bqui[ée]n (?:puede|podr[íi]a) (?:ayudar|asesorar|apoyar|orientar)(?:me|nos)?\b|\bqu[ée] expertos?\b|\b(?:un|una|unos) (?:expertos?|especialistas?|consultor(?:es)?) (?:en|de|sobre|para)\b/,
  ru: /кто (?:может|мог бы|сможет) (?:помочь|проконсультировать|посоветовать)|какой эксперт|каких экспертов|эксперт(?:а|ы)? по/,
  ar: /من (?:يمكنه|يستطيع|بإمكانه|يمكن أن) (?:مساعدت|المساعدة|يساعد|تقديم المشورة)|أي خبير|خبير (?:في|بشأن)|خبراء (?:في|بشأن)/,
  zh: /谁(?:能|可以|可能)(?:帮|协助|提供|指导)|哪位专家|哪些专家|推荐.*专家|(?:有|找).*专家/,
};

/** Whether the question asks for a person who can help (the experts roster answers it). */
export function asksForExpert(question: string, lang: Lang): boolean {
  return EXPERT_HELP[lang].test(question.normalize('NFC').toLowerCase().replace(/[’]/g, "'"));
}

/** Verbs of lasting ("how long did it last", "cuántos meses se extendió"): in a question asking for a duration, they only name what is asked. */
export const LASTING_WORDS: Record<Lang, string[]> = {
  en: ['last', 'lasted', 'lasts', 'span', 'spanned', 'extend', 'extended', 'run', 'ran', 'take', 'took'],
  fr: ['durer', 'dure', 'duré', 'durait', 'étaler', 'étale', 'étalé', 'étendre', 'étend', 'étendu', 'prolonger'],
  es: ['durar', 'duró', 'dura', 'extender', 'extendió', 'extiende', 'prolongar', 'prolongó'],
  ru: ['длиться', 'длился', 'длилась', 'продлится', 'продолжался', 'продолжалась', 'занял', 'заняла'],
  ar: ['استغرق', 'امتد', 'دام', 'استمر'],
  zh: ['持续', '历时', '为期', '延续'],
};

function lasting(text: string, lang: Lang): boolean {
  const words = new Set(text.split(/[^\p{L}\p{M}]+/u));
  return lang === 'zh' ? LASTING_WORDS.zh.some((w) => text.includes(w)) : LASTING_WORDS[lang].some((w) => words.has(w));
}

/** The word a "how many" question counts ("how many countries" → "countries"), when it has one. */
const COUNTED: Record<Lang, RegExp> = {
  en: /\bhow many (\p{L}{3,})/u,
  fr: /\bcombien (?:de |d['’])(\p{L}{3,})|\bnombre (?:de |d['’])(\p{L}{3,})/u,
  es: /\bcu[áa]nt[oa]s (\p{L}{3,})|\bn[úu]mero de (\p{L}{3,})/u,
  // The noun counted ends in a consonant (участников, стран, дней, недель); a word ending in a
  // vowel after "сколько" is an adverb or a verb ("изначально", "было", "стоило"), one in -ых/-их
  // an adjective of the noun ("нидерландских экспертов").
  ru: /сколько(?:\s+(?:\p{L}*[аеёиоуыэюя]|\p{L}+(?:ых|их)(?!\p{L}))){0,3}\s+(?!\p{L}+(?:ых|их)(?!\p{L}))(\p{L}{2,}[бвгджзйклмнпрстфхцчшщь])(?!\p{L})|количество (\p{L}{3,})/u,
  // (Not a verb after كم: "كم بلغ التمويل", "كم كانت", "كم تكلف" ask how much, and count nothing.)
  ar: /كم (?:عدد )?(?![وف]?(?:[يت]?بلغ|بلغت|كان|كانت|يكون|تكون|[يت]?كلف|كلفت|استغرق|استغرقت|[يت]ستغرق|أنفق|أنفقت|[يت]نفق|صرف|صرفت|خصص|خصصت|دفع|دفعت|[يت]دفع)(?!\p{L}))(\p{L}{3,})|عدد (\p{L}{3,})/u,
  zh: /(?:多少|几)(?:个|位|名|场|次|家|项)?(\p{Script=Han}{1,3})/u,
};

export function countedWord(question: string, lang: Lang): string | undefined {
  const m = COUNTED[lang].exec(question.normalize('NFC').toLowerCase());
  const word = m?.slice(1).find((g) => g !== undefined);
  // Chinese runs the noun counted into what follows ("多少人到场": people, then "came"): its first word only.
  return lang === 'zh' && word !== undefined ? firstHanWord(word) : word;
}

/** Questions that ask what something was about, without a word for "topic" ("what was the session about?"). */
const ABOUT: Record<Lang, RegExp> = {
  en: /\bwhat (?:was|is|were|are) (?:the |this |that )?[\w\s-]*\babout\b/,
  fr: /\bde quoi (?:parl|trait|port)|\bsur quoi (?:port|trait)/,
  es: /\bde qu[ée] (?:trat|habl|iba)|\bsobre qu[ée] (?:trat|vers)/,
  ru: /(?:^|\s)о ч[её]м(?:\s|$)/,
  ar: /عن (?:أي شيء|ماذا|ما)(?:\s|$)/,
  zh: /讲(?:的)?(?:是)?什么|关于什么|内容是什么/,
};

/** Whether the question asks what something was about (its title or topic answers). */
export function asksAbout(question: string, lang: Lang): boolean {
  return ABOUT[lang].test(question.normalize('NFC').toLowerCase());
}
