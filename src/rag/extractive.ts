/**
 * The answer without a model: candidates (the sentences, list items and table rows of the best
 * passages) scored by the question's concepts they hold — in themselves, or just before them, or
 * under the same heading — weighted by rarity; by whether they hold a span of the kind of answer
 * the question expects (a figure, a date, a name…) next to those concepts; and by the passage's
 * rank. The answer leads with that span, then quotes the one unit it stands in. A question that
 * names which event, year, language or place it means is only answered by a unit with that name
 * beside it; a question expecting a figure is not answered by a unit without one.
 */
import type { LeadKind } from '../i18n/answer-kinds.ts';
import type { Lang } from '../i18n/index.ts';
import { analyze } from './analyze.ts';
import { askedConcept, countedConcept } from './asked-concepts.ts';
import { acceptedKinds, durationIsTime, findSpans } from './entities.ts';
import type { AnalyzedQuery, Concept } from './query.ts';
import { asksChange, isMoneyConcept } from './money-words.ts';
import { asksDay, countedWord, SPAN_KINDS, type AnswerKind } from './question-kind.ts';
import { scoredQuery } from './scored-query.ts';
import { conceptMatched, conceptWeight, UNTRANSLATED_WEIGHT, type TermStatistics } from './support.ts';
import type { Chunk } from './types.ts';
import { superlativeAnswer } from './superlative.ts';
import { demoteTiedRows, figureLine, labelFactor, pairTableTerms, recordAbove, recordNumberEnd, tiedRows } from './table-rows.ts';
import { alternativeTo, quotedUnits } from './quotes.ts';
import { figureOfList } from './listed.ts';
import { answersAnother, rivalUnits, type Rival } from './rivals.ts';
import { ANTECEDENT_CLOSENESS, antecedentOf } from './antecedent.ts';
import { asMoney, moneyTable } from './money-tables.ts';
import { asksPublication, DATELINE_FACTOR, isDateline } from './dateline.ts';
import { asksTotal, isTotalLine, TOTAL_FACTOR, TOTAL_REACH } from './totals.ts';
import { unitsOf, wordCount, type Unit } from './units.ts';
import type { Candidate, Extraction } from './extraction-types.ts';
import { passageDecay } from './passage-rank.ts';
import { aboutOtherYear, isYear, namesOtherYear } from './years.ts';
import { figuresOfYear } from './figure-years.ts';
import { answersSomething, chooseSpan } from './span-choice.ts';

/** Below this share of the question held by (or just around) the best unit, no answer is given. */
export const MIN_UNIT_COVERAGE = 0.35;
/** A sentence without a recognised name, answering a question that asks for one, needs this much. */
export const NAME_FALLBACK_MIN_COVERAGE = 0.5;
/** The same, for a unit holding a span of the kind the question expects (itself evidence). */
export const TYPED_MIN_COVERAGE = 0.25;
/** Kinds whose spans are names, recognised less surely than figures and dates. */
const NAME_KINDS: ReadonlySet<AnswerKind> = new Set(['person', 'organisation', 'place', 'language']);
/** A unit holding what the question leaves out ("before the support costs") answers this much less surely. */
const LEFT_OUT_FACTOR = 0.5;
/** How much a concept found around the unit counts, by where it was found. */
const CONTEXT_WEIGHT = { previous: 0.6, heading: 0.45, before: 0.4, next: 0.3, passage: 0.2, document: 0.1 } as const;
/** A unit missing a word of the question that the documents have (not beside it, not under its heading). */
const FOCUS_MISSING_FACTOR = 0.7;
/** …and one with nothing of the thing asked about around it (only "cost", a year). */
const NO_FOCUS_FACTOR = 0.5;
/** How much of a money word ("cost") a unit holding a sum of money has, without the word. */
const MONEY_BY_AMOUNT = 0.6;
/** A unit without the expected kind of span, when the question expects one. */
const UNTYPED_FACTOR = 0.35;
/** A unit without the noun a "which X" question asks for. */
const ASKED_NOUN_MISSING_FACTOR = 0.6;
/** A constraint (year, language, place) found in the passage, or only elsewhere in the document, but not beside the unit. */
const FAR_CONSTRAINT_FACTOR = { passage: 0.55, document: 0.4 } as const;
/** A row's cell of the expected kind that the question does not name needs the row to hold this much of the question. */
const UNNAMED_CELL_MIN_COVERAGE = 0.4;
/** A span of another kind than asked (an organisation for "who") must be recognised at least this surely. */
const OTHER_KIND_MIN_CONFIDENCE = 0.9;
const NOTHING: Set<string> = new Set();
/** A count beside a sum of money, when the question counts nothing: it answers this much less surely. */
const BARE_COUNT_FACTOR = 0.6;
/** A date asked to the day: one written without its day (a year, a month, a span of years) answers it this much less surely. */
const NO_DAY_FACTOR = 0.5;
/** A day's figure in a date: one or two digits apart from the year ("3 April 2025", "28/02/2010", "4月3日"). */
const DAY_FIGURE = /(?<!\p{Nd})\p{Nd}{1,2}(?!\p{Nd})/u;
/** A name in at least this share of a document's passages is what the document is about. */
const TOPIC_SHARE = 0.3;
/** Fewer words than this is a fragment (a heading, a date line), unless it is a table row or holds the answer. */
const MIN_UNIT_WORDS = 4;
/** Kinds of answer that a list's items share and none holds alone: a count, a sum, a share. */
const LIST_SHARED_KINDS: ReadonlySet<AnswerKind | undefined> = new Set(['number', 'amount', 'percentage']);

export type { AnswerUnit, Candidate, Extraction } from './extraction-types.ts';

/** Positions (indexes among the unit's terms) where a concept occurs. */
function positionsOf(concept: Concept, stems: string[]): number[] {
  const out: number[] = [];
  stems.forEach((stem, i) => {
    if (concept.terms.has(stem)) out.push(i);
  });
  return out;
}

interface Scoring {
  query: AnalyzedQuery;
  kind: AnswerKind | undefined;
  /** For "how many X": the concept X, whose figure is the one written next to it. */
  counted: Concept | undefined;
  weights: number[];
  /** Figures of the question that are part of a date it gives (the day of "3 April 2025"). */
  dateFigures: Set<string>;
  /** By concept: whether it is a part (day, month, year) of a date the question gives. */
  dateParts: boolean[];
  /** Whether at least half of the question's required concepts can cross languages. */
  mostlyTranslated: boolean;
  /** Whether any document holds the concept (a word of no document cannot be asked of a row). */
  present: boolean[];
  /** By concept: whether it names money in a question asking for a sum ("how much did it cost"). */
  money: boolean[];
  /** Whether the documents hold a word of what the question is about (a required concept, not a constraint, not money). */
  focusFound: boolean;
  /** Whether the question asks for a day ("on what date"): a year or a month alone answers it less surely. */
  day: boolean;
  /** Whether the question asks when the text itself came out ("when was the report published"). */
  published: boolean;
  /** Whether the question asks for a total ("the total cost", "общая сумма", "总额"). */
  asksTotal: boolean;
  /** By concept: whether it says what the question is about (not a constraint, not its kind, not money). */
  focus: boolean[];
  /** By document: the unit holding most of that without an answer (see rivals.ts). */
  rivals: Map<number, Rival>;
  /** The noun a "which X" question of no particular kind asks for, when the documents have it. */
  askedNoun: Concept | undefined;
  /** What the question leaves out of the figure asked ("before the support costs"; see excluded.ts). */
  leftOut: Concept[];
  total: number;
  stats: TermStatistics;
}

/** What a line of figures or dates closes (`recordAbove`): the record's terms, read as one. */
function recordTerms(units: Unit[], unitSets: Set<string>[], i: number, lang: Lang): Set<string> {
  return new Set(recordAbove(units, i, lang).flatMap((u) => [...(unitSets[u.index] ?? NOTHING)]));
}

function scorePassage(scoring: Scoring, chunk: Chunk, rank: number, decay: number): Candidate[] {
  const { query, kind, stats } = scoring;
  // In a passage of another language, a word of the question that cannot cross languages (not in
  // the glossary, not a figure or a name) cannot be found: it weighs as little as in the support —
  // when most of the question crosses; a question of mostly unknown words is not read through one.
  const foreign = chunk.lang !== query.lang && scoring.mostlyTranslated;
  const weights = foreign ? scoring.weights.map((w, c) => (query.concepts[c]?.crossLingual ? w : w * UNTRANSLATED_WEIGHT)) : scoring.weights;
  const total = foreign ? weights.reduce((a, b) => a + b, 0) : scoring.total;
  const units = unitsOf(chunk.text, chunk.lang);
  const unitTerms = units.map((u) => analyze(u.text, chunk.lang));
  const unitSets = unitTerms.map((t) => new Set(t));
  const heading = new Set([...analyze(`${chunk.title} ${chunk.heading}`, chunk.lang), ...(stats.documentHead?.(chunk.documentId) ?? [])]);
  const titles = new Set([chunk.title, ...chunk.heading.split(' › ')].map((t) => t.trim().toLowerCase()));
  const passage = new Set(unitTerms.flat());
  const lead = new Set(stats.documentLead?.(chunk.documentId) ?? []);
  // A line of fields and values is read with the document's other such lines, which a passage may have cut off.
  const fields = stats.documentFields?.(chunk.documentId) ?? NOTHING;
  const questionTerms = new Set(query.concepts.flatMap((c) => [...c.terms.keys()]));
  // Whole phrases: "vingt-cinquième" is not in a document that has "vingt-troisième".
  const has = (phrase: string[]): boolean => phrase.every((t) => stats.documentHas?.(chunk.documentId, t) ?? false);
  // A language named as a people's ("the Dutch experts") is its country in a document that never names the language.
  // A document that names no year at all ("the 2007 annex", a list cut from its decree) says nothing of another year: the one asked may be its own, and is not looked for.
  const undated = stats.documentNamesYears?.(chunk.documentId) === false;
  const concepts = query.concepts.map((c) =>
    undated && c.constraint && isYear(c.label) ? { ...c, constraint: false, optional: true } : c.homeland && c.homeland.some(has) ? { ...c, phrases: [...c.phrases, ...c.homeland] } : c,
  );
  const inDocument = concepts.map((c) => c.phrases.some(has));
  // A name the document is about ("the Jobs MDTF" of its report) is in most of its passages: it says which thing every unit of it is about.
  const topical = (t: string): boolean => (stats.documentShare?.(chunk.documentId, t) ?? 0) >= TOPIC_SHARE;
  const topic = concepts.map((c) => c.constraint && c.phrases.some((phrase) => phrase.every(topical)));
  // What the whole document is about ("webinar" in a report on a series of webinars) is near every unit of it.
  const topicalFocus = concepts.some((c) => !c.constraint && !c.optional && c.phrases.some((phrase) => phrase.every(topical)));
  const typed = kind !== undefined && SPAN_KINDS.has(kind);
  // "How much" without a thing counted ("сколько закладывали", "combien faut-il prévoir") may be a sum of money.
  const counted = kind === 'number' && countedWord(query.text, query.lang) !== undefined;
  const bareQuantity = kind === 'number' && !counted;
  // "By how much did the turnover grow": a share of what it was answers as well as a sum.
  const change = kind === 'amount' && asksChange(query.text, query.lang);
  // "How many evaluations": a share of them counts none ("73 per cent").
  const accepted: AnswerKind[] = typed ? [...acceptedKinds(kind).filter((k) => !(counted && k === 'percentage')), ...(bareQuantity ? (['amount'] as const) : []), ...(change ? (['percentage'] as const) : [])] : [];
  const asked = (k: AnswerKind): boolean => k === kind || (bareQuantity && k === 'amount');
  // A counted word that could be found in this passage's language: a figure counting another noun is not its count.
  const countable = scoring.counted !== undefined && (scoring.counted.crossLingual || chunk.lang === query.lang);
  // The one year the question asks about, if it names one.
  const years = concepts.filter((k) => k.constraint && isYear(k.label));
  const askedYear = years.length === 1 ? Number(years[0]?.label) : undefined;
  const candidates: Candidate[] = [];
  units.forEach((unit, i) => {
    const own = unitSets[i] as Set<string>;
    // A row's neighbours are other records, or lines a PDF ran into the table: what it is about is
    // its own cells, its heading, and the sentence that introduces its table ("…are listed below:").
    const around = (k: number): Set<string> => (unit.kind === 'row' ? NOTHING : (unitSets[k] ?? NOTHING));
    const caption = unit.kind === 'row' ? units.slice(0, i).findLastIndex((u) => /[:：]$/.test(u.text)) : -1;
    // A total line sums the lines above it: what they name is what it is the total of.
    const previous = scoring.asksTotal && isTotalLine(unit) ? new Set(unitSets.slice(Math.max(0, i - TOTAL_REACH), i).flatMap((set) => [...set])) : unit.pair ? new Set([...pairTableTerms(units, unitSets, i), ...fields]) : caption >= 0 ? (unitSets[caption] as Set<string>) : figureLine(unit, chunk.lang) ? recordTerms(units, unitSets, i, chunk.lang) : around(i - 1);
    // A line of figures closes a record of a table flattened to text ("2014-2015 300 000"): what
    // stands above it belongs to that record, not to the next.
    const before = figureLine(units[i - 1], chunk.lang) ? NOTHING : around(i - 2);
    const next = around(i + 1);
    let found = 0;
    let optionalMissing = 0;
    // The same with the question's own weights, untranslated words in full: comparable across languages.
    let plainFound = 0;
    let plainOptionalMissing = 0;
    let requiredMissing = false;
    let constraintFactor = 1;
    // The day, month and year of one date the question gives are one constraint, discounted once.
    let dateFactor = 1;
    // The words of one name are one constraint: discounted once, by the least found of them.
    const nameFactors = new Map<number, number>();
    const matchedPositions: number[] = [];
    // A sum of money written in the unit says "cost" as well as the word would (a budget line's amount).
    const holdsAmount = scoring.money.some(Boolean) && findSpans(unit.text, chunk.lang).some((s) => s.kind === 'amount');
    // Whether something the question is about (not only "cost") stands in or just around the unit.
    let focusNear = false;
    // …in the unit itself or the two before it (a sentence says what it is about; a table's row may leave it to the heading).
    let focusOwn = false;
    // The question's concepts in the unit or around it (its record, its heading, the unit before).
    const near = new Set<number>();
    const pinned = concepts.some((k, j) => k.constraint && scoring.present[j] && [own, previous, heading].some((near) => conceptMatched(k, near)));
    concepts.forEach((concept, c) => {
      const w = weights[c] as number;
      let share = 0;
      if (conceptMatched(concept, own)) {
        share = 1;
        matchedPositions.push(...positionsOf(concept, unitTerms[i] as string[]));
      } else if (conceptMatched(concept, previous)) share = CONTEXT_WEIGHT.previous;
      else if (conceptMatched(concept, heading) || topic[c]) share = CONTEXT_WEIGHT.heading;
      else if (conceptMatched(concept, before)) share = CONTEXT_WEIGHT.before;
      else if (conceptMatched(concept, next)) share = CONTEXT_WEIGHT.next;
      // A date in the document's first passage says when the event all of it reports took place.
      else if (scoring.dateParts[c] && conceptMatched(concept, lead)) share = CONTEXT_WEIGHT.heading;
      else if (conceptMatched(concept, passage)) share = CONTEXT_WEIGHT.passage;
      else if (inDocument[c]) share = CONTEXT_WEIGHT.document;
      if (holdsAmount && scoring.money[c]) share = Math.max(share, MONEY_BY_AMOUNT);
      if (!concept.optional && !concept.constraint && !scoring.money[c] && share >= CONTEXT_WEIGHT.before) focusNear = true;
      if (!concept.optional && !concept.constraint && !scoring.money[c] && share > 0 && [own, previous, before].some((near) => conceptMatched(concept, near))) focusOwn = true;
      // A record the question names by a constraint of its own (the date of the session asked about) is what it is about.
      if (concept.constraint && share === 1 && !isYear(concept.label)) focusOwn = focusNear = true;
      // A unit that names its own years, none of them the one asked, is about those years, whatever its heading's date (a blog post's of 2015 about 2014); one that names none, about its heading's or its title's year.
      // (One that holds the year asked only in a span of years, "In 2024, … the Framework 2022–2025", is about the year it opens with.)
      if (share > 0 && concept.constraint && isYear(concept.label) && (share < 1 ? aboutOtherYear(unit.text, chunk.heading, chunk.title, Number(concept.label), query.text) : namesOtherYear(unit.text, Number(concept.label), query.text))) constraintFactor = 0;
      if (share >= CONTEXT_WEIGHT.before) near.add(c);
      found += w * share;
      const plain = scoring.weights[c] as number;
      plainFound += plain * share;
      if (concept.optional) plainOptionalMissing += plain * (1 - share);
      if (!concept.optional && scoring.present[c] && share < CONTEXT_WEIGHT.heading) requiredMissing = true;
      if (concept.optional) optionalMissing += w * (1 - share);
      // "How many X": X must be there, as a year or a language must (the figure counts it).
      // (A counted word that cannot cross languages cannot be looked for in another language.)
      // (A word the documents have as it is — "offices" in French and English — is looked for all the same.)
      const counts = concept === scoring.counted && (concept.crossLingual || chunk.lang === query.lang || scoring.present[c] === true);
      // An acronym no document has, asked of a passage in another language, may be that language's name for a body the passage
      // names otherwise ("CIID", IDRC) — when something else the question names (a project's number, a name) says which.
      const foreignAcronym = concept.acronym === true && !scoring.present[c] && chunk.lang !== query.lang && pinned;
      // (A row's figure counts what its own cells name — its column's header —, not a word its table's caption says in passing.)
      const countedAbove = counts && unit.kind === 'row' && share < 1;
      if (((concept.constraint && !foreignAcronym) || counts) && (share < CONTEXT_WEIGHT.before || countedAbove)) {
        // A figure that is not a year ("the 20 missions") says which thing is meant only in the
        // passage itself: elsewhere in the document it is another figure (a paragraph, a date).
        // The day of a date the question gives ("3 April 2025") is part of that date.
        const localFigure = [...concept.terms.keys()].some((t) => /^\d+$/.test(t) && !isYear(t) && !scoring.dateFigures.has(t));
        // A unit that names another year, and no span of years holding the one asked, is about that other year;
        // one that names none is about its heading's year, or its document's ("Annual review 2021").
        const year = isYear(concept.label) ? Number(concept.label) : undefined;
        const otherYear = year !== undefined && aboutOtherYear(unit.text, chunk.heading, chunk.title, year, query.text);
        // A capitalised word of the question that a passage of another language lacks may be translated there ("the French State", "l'État").
        const translatable = concept.titleWord === true && chunk.lang !== query.lang && share === 0;
        // A body is named once for a whole document; one the document never names is another's (or, given as the source, maybe its unwritten author).
        const body = concept.body === true ? (share > 0 ? 1 : concept.bodyIsSource ? FAR_CONSTRAINT_FACTOR.document : 0) : undefined;
        // A figure counts what is written by it or just above it, not a word elsewhere in the passage.
        const factor = counts && !concept.constraint ? 0 : body ?? (otherYear ? 0 : share === CONTEXT_WEIGHT.passage || translatable ? FAR_CONSTRAINT_FACTOR.passage : share > 0 && !localFigure ? FAR_CONSTRAINT_FACTOR.document : 0);
        if (scoring.dateParts[c]) dateFactor = Math.min(dateFactor, factor);
        else if (concept.nameGroup !== undefined) nameFactors.set(concept.nameGroup, Math.min(nameFactors.get(concept.nameGroup) ?? 1, factor));
        else constraintFactor *= factor;
      }
    });
    constraintFactor *= dateFactor;
    for (const factor of nameFactors.values()) constraintFactor *= factor;
    if (constraintFactor === 0 || found === 0) return;

    // A record's number ("3. Policy making") numbers it: it is no quantity.
    const numbered = recordNumberEnd(unit);
    const spans = typed
      ? (moneyTable(units, i, `${chunk.title} ${chunk.heading}`) ? asMoney(findSpans(unit.text, chunk.lang)) : findSpans(unit.text, chunk.lang)).filter(
          (s) =>
            s.start >= numbered &&
            accepted.includes(s.kind) &&
            (asked(s.kind) || s.confidence >= OTHER_KIND_MIN_CONFIDENCE) &&
            // "When": "two months after the mission" says when; "over a two-month period" only how long.
            (kind !== 'date' || s.kind !== 'duration' || durationIsTime(unit.text, s)) &&
            answersSomething(s, questionTerms, chunk.lang),
        ).map((s) => (scoring.day && s.kind === 'date' && !DAY_FIGURE.test(s.text) ? { ...s, confidence: s.confidence * NO_DAY_FACTOR } : s))
      : [];
    // Asked about one year, a figure another year dates in a sentence is no answer ("…, compared to 40.5 per cent in 2023").
    if (askedYear !== undefined && !unit.headed && unit.kind !== 'row') spans.splice(0, spans.length, ...figuresOfYear(unit.text, spans, chunk.lang, askedYear));
    // "What was the total", "how much" counting nothing: a sum written with its currency answers before a count beside it ("28 members totalled US$134.4 billion").
    if (bareQuantity && spans.some((s) => s.kind === 'amount' && s.confidence === 1)) {
      for (const [k, s] of spans.entries()) if (s.kind === 'number') spans[k] = { ...s, confidence: s.confidence * BARE_COUNT_FACTOR };
    }
    const countedAt = scoring.counted ? positionsOf(scoring.counted, unitTerms[i] as string[]) : [];
    const inUnit = typed ? chooseSpan(unit, spans, query, kind, matchedPositions, chunk.lang, countedAt, countable) : undefined;
    // "Elle a donné des exemples…": who did it is the person a sentence before names.
    const antecedent = !inUnit && kind === 'person' ? antecedentOf(units, i, chunk.lang) : undefined;
    const chosen = inUnit ?? (antecedent ? { span: { ...antecedent.span, start: 0, end: 0 }, closeness: ANTECEDENT_CLOSENESS } : undefined);
    // A place or language named only as one item of a list shares the list's figure: it is not that item's alone.
    const context = (): string[] => (unit.pair ? [] : caption >= 0 ? [units[caption]?.text ?? ''] : figureLine(unit, chunk.lang) ? [recordAbove(units, i, chunk.lang).map((u) => u.text).join(' ')] : unit.kind === 'row' ? [] : [units[i - 1]?.text ?? '', ...units.slice(i + 1, /[:：]$/.test(unit.text) ? i + 4 : i + 2).map((u) => u.text)]);
    if (chosen && LIST_SHARED_KINDS.has(kind) && concepts.some((k) => k.constraint && !isYear(k.label) && figureOfList(k, unit.text, chosen.span, context(), chunk.lang))) return;
    if (unit.kind !== 'row' && !chosen && wordCount(unit.text) < MIN_UNIT_WORDS) return;
    // A small figure alone on its line is a paragraph, page or note number; a larger one is a
    // cell of a table flattened to text, read with the line before it.
    if (unit.kind !== 'row' && chosen && !/\p{L}{2,}/u.test(unit.text.slice(0, chosen.span.start) + unit.text.slice(chosen.span.end)) && !/\d{3}/.test(chosen.span.text.replace(/[\s.,\u00a0\u202f]/g, ''))) return;
    // A paragraph number left alone at a passage's end says nothing.
    if (/^\(?[\dIVXivx]{1,4}[.)]$/.test(unit.text)) return;
    // A piece of a sentence cut by a page or passage break: starts in lower case, no final stop.
    if (unit.kind === 'sentence' && /^\p{Ll}/u.test(unit.text) && !/[.!?;…。！)\]"»”]$/u.test(unit.text)) return;
    // The document's title or a heading repeated as a line is not an answer.
    if (titles.has(unit.text.toLowerCase())) return;
    if (/[?？؟]["»”)]?$/.test(unit.text)) return;
    const coverage = total - optionalMissing <= 0 ? 0 : found / (total - optionalMissing);
    const plainCoverage = scoring.total - plainOptionalMissing <= 0 ? 0 : plainFound / (scoring.total - plainOptionalMissing);
    // A row's cell that the question does not name answers only a question the row holds well
    // (the response rate is not the share of satisfied participants).
    // A figure with nothing of what the question is about in its unit, the one before, its heading or just around it (only the
    // document's name, further off) answers nothing — when the documents have a word of that thing at all ("$3 per week" of a page's banner).
    // A dateline is about its page as a whole: its focus is the page's title.
    const dateline = scoring.published && isDateline(unit, i, chunk.ordinal, chunk.lang);
    const unfocused =
      (typed && !topicalFocus && !dateline && scoring.focusFound && !(unit.kind === 'row' ? focusNear : focusOwn)) ||
      // The question's subject is singled out by words a unit announcing what is to come holds, and none of them is near this one.
      (typed && answersAnother(scoring.rivals.get(chunk.documentId), near, scoring.weights, scoring.total, scoring.focus));
    const answer = chosen && !unfocused && (!unit.headed || chosen.closeness >= 1 || (!requiredMissing && coverage * constraintFactor >= UNNAMED_CELL_MIN_COVERAGE)) ? chosen : undefined;
    const kindFactor = !typed ? 1 : answer ? 1 + 0.5 * answer.closeness * answer.span.confidence : UNTYPED_FACTOR;
    // A figure with none of what the question is about around it (only further off in the passage) answers less surely.
    // A figure beside the word "cost" alone, with nothing of the thing asked about, answers it even less.
    const focusFactor = (typed && requiredMissing ? FOCUS_MISSING_FACTOR : 1) * (typed && !focusNear && scoring.money.some(Boolean) ? NO_FOCUS_FACTOR : 1);
    // "Which software": a unit that names no software says which one less surely.
    // (A line that opens a list names them in its items: "attach the following:".)
    const nounFactor = scoring.askedNoun && !conceptMatched(scoring.askedNoun, own) && !/[:：]$/.test(unit.text) ? ASKED_NOUN_MISSING_FACTOR : 1;
    const datelineFactor = (answer && dateline ? DATELINE_FACTOR : 1) * (answer && scoring.asksTotal && isTotalLine(unit) ? TOTAL_FACTOR : 1) * (scoring.leftOut.some((k) => conceptMatched(k, own)) ? LEFT_OUT_FACTOR : 1);
    const score = (coverage * constraintFactor * kindFactor * focusFactor * nounFactor * datelineFactor * labelFactor(unit, query.concepts, chunk.lang)) * decay;
    candidates.push({ unit, units, chunk, rank, decay, score, coverage: coverage * constraintFactor, plainCoverage: plainCoverage * constraintFactor, span: answer?.span, ...(answer && antecedent ? { antecedent: antecedent.unit } : {}) });
  });
  return candidates;
}


/** Every candidate unit of the passages (best first), scored. */
export function scoreCandidates(asked: AnalyzedQuery, kind: AnswerKind | undefined, chunks: Chunk[], stats: TermStatistics, scores?: readonly number[]): Candidate[] {
  const { query, leftOut: leftConcepts } = scoredQuery(asked, kind, stats);
  // A word no document has cannot tell candidates apart: it weighs no more than the rarest word
  // that is there (the passage-level support, which decides abstention, still weighs it fully).
  const raw = query.concepts.map((c) => conceptWeight(c, stats));
  const present = query.concepts.map((c) => [...c.terms.keys()].some((t) => stats.documentFrequency(t) > 0));
  const cap = Math.max(0, ...raw.filter((_, i) => present[i]));
  const weights = raw.map((w, i) => (present[i] || query.concepts[i]?.constraint ? w : Math.min(w, cap)));
  const total = weights.reduce((a, b) => a + b, 0);
  const counted = countedConcept(query, kind);
  const required = query.concepts.filter((c) => !c.optional);
  const mostlyTranslated = required.filter((c) => c.crossLingual).length * 2 >= required.length;
  const dates = findSpans(query.text, query.lang).filter((s) => s.kind === 'date');
  const dateFigures = new Set(dates.flatMap((s) => s.text.match(/\d+/g) ?? []));
  const dateTerms = new Set(dates.flatMap((s) => analyze(s.text, query.lang)));
  const dateParts = query.concepts.map((c) => c.constraint && c.label.split(' ').every((t) => dateTerms.has(t)));
  const money = query.concepts.map((c) => kind === 'amount' && !c.constraint && isMoneyConcept(c.label, query.text, query.lang));
  const day = kind === 'date' && asksDay(query.text, query.lang);
  const published = kind === 'date' && asksPublication(query.text, query.lang);
  const sums = (kind === 'amount' || kind === 'number') && asksTotal(query.text, query.lang);
  const focus = query.concepts.map((c, i) => !c.optional && !c.constraint && !money[i]);
  const focusFound = query.concepts.some((c, i) => focus[i] && present[i]);
  const rivals = kind !== undefined && SPAN_KINDS.has(kind) ? rivalUnits(query, kind, chunks, weights, focus) : new Map<number, Rival>();
  const noun = kind === undefined ? askedConcept(query) : undefined;
  const askedNoun = noun && present[query.concepts.indexOf(noun)] ? noun : undefined;
  return chunks.flatMap((chunk, rank) => scorePassage({ query, kind, counted, weights, present, money, focusFound, day, published, asksTotal: sums, focus, rivals, askedNoun, leftOut: leftConcepts, total, stats, mostlyTranslated, dateFigures, dateParts }, chunk, rank, passageDecay(rank, scores))).sort((a, b) => b.score - a.score);
}

/**
 * The answer from the passages (best first), or undefined when none of their units answers the
 * question: too little of it, no span of the expected kind, or not the event, year or place asked.
 */
export function extractAnswer(query: AnalyzedQuery, kind: AnswerKind | undefined, chunks: Chunk[], stats: TermStatistics, scores?: readonly number[]): Extraction | undefined {
  const candidates = scoreCandidates(query, kind, chunks, stats, scores);
  const passageScores = new Map<string, number>();
  for (const c of candidates) passageScores.set(c.chunk.id, Math.max(passageScores.get(c.chunk.id) ?? 0, c.score));
  const typed = kind !== undefined && SPAN_KINDS.has(kind);
  const compared = superlativeAnswer(query, candidates, kind);
  if (compared) return { ...compared, units: [{ text: compared.candidate.unit.text, chunk: compared.candidate.chunk }], passageScores };
  const ranked = demoteTiedRows(candidates);
  // Names are recognised less surely than figures and dates: for them a sentence without one may
  // still answer, if it holds much of the question and says something in words (a table row has
  // its cells: none is a name; "April 2014 50 000" is a line of figures).
  const fallback = kind !== undefined && NAME_KINDS.has(kind);
  // Rows that tie say that the question names none of them: none answers, nor a row below them.
  const open = ranked.filter((c) => !c.tied && !c.below);
  const best = typed
    ? (open.find((c) => c.span !== undefined && c.coverage >= TYPED_MIN_COVERAGE) ??
      (fallback ? open.find((c) => !c.unit.headed && c.coverage >= NAME_FALLBACK_MIN_COVERAGE && wordCount(c.unit.text.replace(/[\d\s.,\u00a0\u202f]+/g, ' ').trim()) >= MIN_UNIT_WORDS) : undefined))
    : open.find((c) => c.coverage >= MIN_UNIT_COVERAGE);
  const accepts = (c: Candidate): boolean => (typed ? c.span !== undefined && c.coverage >= TYPED_MIN_COVERAGE : c.coverage >= MIN_UNIT_COVERAGE);
  if (!best) {
    const rows = typed ? tiedRows(ranked, accepts, query) : [];
    const [head] = rows;
    if (!head) return undefined;
    return { lead: undefined, leadKind: undefined, units: rows.map((c) => ({ text: c.unit.text, chunk: c.chunk })), score: head.score, coverage: head.coverage, plainCoverage: head.plainCoverage, passageScores };
  }
  const quoted = quotedUnits(best, kind, ranked);
  const units = best.antecedent && !quoted.some((u) => u.text === best.antecedent?.text) ? [{ text: best.antecedent.text, chunk: best.chunk }, ...quoted] : quoted;
  const alternative = kind === 'list' || kind === 'procedure' ? undefined : alternativeTo(best, units, ranked.filter(accepts));
  return { lead: best.span?.text, leadKind: best.span?.kind as LeadKind | undefined, units, alternative, score: best.score, coverage: best.coverage, plainCoverage: best.plainCoverage, passageScores };
}
