/**
 * The knowledge base through the real pipeline: files ingested into a real store, then retrieval
 * and answers (French, cross-lingual through the glossary, abstention, citations, filters), the
 * life of the index (unchanged, changed, pruned files; a restart), and non-Latin scripts.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import type { Answer } from '../../src/rag/answer-types.ts';
import { loadGlossary } from '../../src/rag/glossary.ts';
import { ingestPaths } from '../../src/rag/ingest/ingest.ts';
import { KnowledgeBase } from '../../src/rag/knowledge-base.ts';
import { listDocuments } from '../../src/rag/knowledge-repo.ts';
import type { Store } from '../../src/store/index.ts';
import { describeEngine, storeEngines } from '../support/stores.ts';
import { writeCorpus, type Corpus, type DocumentPath } from './fixtures/corpus.ts';

const REQUEST_DOC: DocumentPath = 'fr/demande-assistance.md';
const WEBINAR_DOC: DocumentPath = 'fr/webinaires.md';
const EVALUATION_DOC: DocumentPath = 'fr/evaluation-resultats.md';
const PLAN_DOC: DocumentPath = 'fr/plan-de-travail.md';

function ingest(kb: KnowledgeBase, store: Store, corpus: Corpus, prune = false) {
  return ingestPaths(kb, store.db, [corpus.docs], { cwd: corpus.root, defaultLang: 'en', now: () => new Date(), prune });
}

function newKnowledgeBase(store: Store, corpus: Corpus): KnowledgeBase {
  return new KnowledgeBase(store.db, loadGlossary(corpus.glossaryFile));
}

/** Every [n] mark of the answer has its citation, every citation is used, and each sentence is in its source. */
/**
 * An extractive answer's shape: the fact first when the question expects one, a line saying the
 * source's language when it is not the asker's, then the quoted units, each ending with the
 * number of a citation whose excerpt is what was quoted.
 */
function expectCitedAnswer(answer: Answer): void {
  expect(answer.answered).toBe(true);
  expect(answer.mode).toBe('extractive');
  const quotes = answer.answer.split('\n').flatMap((line) => {
    const m = /^(.*\S) \[(\d+)\]$/.exec(line);
    return m ? [{ text: (m[1] as string).replace(/^[«“]\s?|\s?[»”]$/g, ''), n: Number(m[2]) }] : [];
  });
  expect(quotes.length).toBeGreaterThan(0);
  expect([...new Set(quotes.map((p) => p.n))].sort((a, b) => a - b)).toEqual(answer.citations.map((c) => c.n));
  expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => i + 1));
  for (const quote of quotes) expect(answer.citations.find((c) => c.n === quote.n)?.excerpt).toContain(quote.text.replace(/^… | …$/g, '').slice(0, 200));
}

for (const engine of storeEngines()) {
  describeEngine(engine)(`knowledge base on ${engine.name}`, () => {
    let corpus: Corpus;
    let store: Store;
    let kb: KnowledgeBase;
    let summary: Awaited<ReturnType<typeof ingest>>;

    beforeAll(async () => {
      corpus = await writeCorpus();
      store = await engine.open();
      kb = newKnowledgeBase(store, corpus);
      summary = await ingest(kb, store, corpus);
    });
    afterAll(async () => {
      await store?.close();
      await corpus?.remove();
    });

    it('indexes every document in its language and assistance area', async () => {
      expect(summary).toMatchObject({ added: 9, updated: 0, skipped: 0, failed: 0, removed: 0, failures: [] });
      const docs = Object.fromEntries((await listDocuments(store.db)).map((d) => [d.source, [d.lang, d.category]]));
      expect(docs).toEqual({
        [corpus.source(REQUEST_DOC)]: ['fr', 'requests'],
        [corpus.source(WEBINAR_DOC)]: ['fr', 'training'],
        [corpus.source(EVALUATION_DOC)]: ['fr', 'evaluation'],
        [corpus.source(PLAN_DOC)]: ['fr', 'planning'],
        [corpus.source('en/peer-exchange.md')]: ['en', 'cooperation'],
        [corpus.source('es/dialogo-politicas.md')]: ['es', 'policy'],
        // No declared language: detected from the text.
        [corpus.source('zh/培训课程.md')]: ['zh', null],
        [corpus.source('ru/стажировки.md')]: ['ru', null],
        [corpus.source('ar/المنح.md')]: ['ar', null],
      });
    });

    it.each([
      ['Comment un État membre demande-t-il une assistance technique ?', REQUEST_DOC],
      ['Combien de participants ont suivi les webinaires et de combien de pays ?', WEBINAR_DOC],
      ["Quel a été le taux de réponse à l'enquête de satisfaction ?", WEBINAR_DOC],
      ["Quand a lieu l'évaluation des résultats et qui la conduit ?", EVALUATION_DOC],
      ['Qui adopte le plan de travail annuel ?', PLAN_DOC],
    ] as const)('ranks the right document first for %s', async (question, doc) => {
      const { hits } = await kb.retrieve(question, 'fr');
      expect(hits[0]?.chunk.source).toBe(corpus.source(doc));
    });

    it('answers a French question from the French document, with its source', async () => {
      const answer = await kb.answer('Comment un État membre demande-t-il une assistance technique ?', 'fr');
      expectCitedAnswer(answer);
      expect(answer.answer).toContain('lettre officielle adressée au secrétariat');
      expect(answer.citations[0]).toMatchObject({ source: corpus.source(REQUEST_DOC), lang: 'fr', title: 'Demander une assistance technique' });
    });

    it.each([
      ['en', 'How does a member state request technical assistance?', REQUEST_DOC, 'lettre officielle'],
      ['es', '¿Cómo solicita un Estado miembro asistencia técnica?', REQUEST_DOC, 'lettre officielle'],
      ['en', 'What was the response rate of the satisfaction survey?', WEBINAR_DOC, '62 %'],
      ['es', '¿Cuál fue la tasa de respuesta de la encuesta de satisfacción?', WEBINAR_DOC, '62 %'],
      ['en', 'When is the evaluation of results done?', EVALUATION_DOC, 'douze mois'],
      ['es', '¿Cuántos países participaron en los seminarios web?', WEBINAR_DOC, '35 pays'],
    ] as const)('answers a %s question from the French passages: %s', async (lang, question, doc, quoted) => {
      const answer = await kb.answer(question, lang);
      expectCitedAnswer(answer);
      expect(answer.language).toBe(lang);
      expect(answer.answer).toContain(quoted);
      expect(answer.citations[0]?.source).toBe(corpus.source(doc));
      expect(answer.citations.every((c) => c.lang === 'fr')).toBe(true);
      expect(answer.retrieval[0]?.source).toBe(corpus.source(doc));
    });

    it('needs the glossary for the cross-lingual match', async () => {
      const bare = new KnowledgeBase(store.db, loadGlossary(`${corpus.root}/missing-glossary.json`));
      await bare.load();
      expect((await bare.answer('How does a member state request technical assistance?', 'en')).answered).toBe(false);
    });

    it.each([
      ['en', 'What is the best recipe for a chocolate cake?'],
      ['es', '¿Quién ganó el partido de fútbol anoche?'],
      ['fr', 'Quel temps fera-t-il à Paris demain ?'],
      ['en', 'Which football team won the satisfaction survey?'],
    ] as const)('abstains on an off-topic %s question: %s', async (lang, question) => {
      const answer = await kb.answer(question, lang);
      expect(answer.answered).toBe(false);
      expect(answer.mode).toBe('abstained');
      expect(answer.answer).toBe('');
      expect(answer.support).toBeLessThan(0.55);
    });

    it('filters by language', async () => {
      const question = 'In which countries does the network work?';
      const langsOf = async (langs?: Lang[]) =>
        new Set((await kb.retrieve(question, 'en', langs ? { filter: { langs } } : {})).hits.map((h) => h.chunk.lang));
      expect(await langsOf()).toEqual(new Set(['fr', 'en', 'es']));
      expect(await langsOf(['es'])).toEqual(new Set(['es']));
      expect(await langsOf(['en', 'fr'])).toEqual(new Set(['en', 'fr']));
      expect(await langsOf(['zh'])).toEqual(new Set());
    });

    it('filters by assistance area', async () => {
      const sources = async (filter?: { category: 'training' | 'policy' | 'requests' }) =>
        new Set((await kb.retrieve('pays participants demande', 'fr', filter ? { filter } : {})).hits.map((h) => h.chunk.source));
      expect((await sources()).size).toBeGreaterThanOrEqual(3);
      expect(await sources({ category: 'training' })).toEqual(new Set([corpus.source(WEBINAR_DOC)]));
      expect(await sources({ category: 'policy' })).toEqual(new Set([corpus.source('es/dialogo-politicas.md')]));
      expect(await sources({ category: 'requests' })).toEqual(new Set([corpus.source(REQUEST_DOC)]));
    });

    it.each([
      ['zh', '如何报名参加培训课程？', 'zh/培训课程.md', '报名'],
      ['ru', 'Сколько длится стажировка?', 'ru/стажировки.md', 'шесть месяцев'],
      ['ar', 'ما الذي تغطيه المنحة الدراسية؟', 'ar/المنح.md', 'رسوم التسجيل'],
    ] as const)('finds %s text with a question in the same language', async (lang, question, doc, quoted) => {
      expect((await kb.retrieve(question, lang)).hits[0]?.chunk.source).toBe(corpus.source(doc));
      expect((await kb.retrieve(question, lang, { filter: { langs: [lang] } })).hits.map((h) => h.chunk.source)).toEqual([corpus.source(doc)]);
      const answer = await kb.answer(question, lang);
      expectCitedAnswer(answer);
      expect(answer.answer).toContain(quoted);
      expect(answer.citations[0]).toMatchObject({ source: corpus.source(doc), lang });
    });

    it('skips unchanged files, re-indexes a changed one, prunes a deleted one, and survives a restart', async () => {
      const target = await engine.persistent();
      const own = await writeCorpus();
      const requestFile = own.file(REQUEST_DOC);
      const delayQuestion = 'Dans quel délai le secrétariat accuse-t-il réception de la demande ?';
      try {
        const first = await target.open();
        try {
          const firstKb = newKnowledgeBase(first, own);
          expect(await ingest(firstKb, first, own)).toMatchObject({ added: 9, skipped: 0 });
          expect(await ingest(firstKb, first, own)).toMatchObject({ added: 0, updated: 0, skipped: 9, chunks: 0 });
          expect((await firstKb.answer(delayQuestion, 'fr')).answer).toContain('quinze jours ouvrables');

          const sizeBefore = firstKb.stats.size;
          const text = await readFile(requestFile, 'utf8');
          await writeFile(requestFile, text.replace('dans un délai de quinze jours ouvrables', 'dans un délai de six semaines'));
          expect(await ingest(firstKb, first, own)).toMatchObject({ added: 0, updated: 1, skipped: 8 });
          const changed = await firstKb.answer(delayQuestion, 'fr');
          expect(changed.answer).toContain('six semaines');
          expect(changed.answer).not.toContain('quinze');
          expect((await firstKb.retrieve('quinze ouvrables', 'fr')).hits).toEqual([]);
          // The changed document's passages replaced the old ones: none left behind, none twice.
          expect(firstKb.stats.size).toBe(sizeBefore);
          expect((await firstKb.retrieve('lettre officielle', 'fr')).hits[0]?.chunk.source).toBe(own.source(REQUEST_DOC));

          await rm(own.file(WEBINAR_DOC));
          expect(await ingest(firstKb, first, own)).toMatchObject({ removed: 0, skipped: 8 });
          expect((await listDocuments(first.db)).map((d) => d.source)).toContain(own.source(WEBINAR_DOC));
          expect(await ingest(firstKb, first, own, true)).toMatchObject({ removed: 1, skipped: 8 });
          expect((await listDocuments(first.db)).map((d) => d.source)).not.toContain(own.source(WEBINAR_DOC));
          expect((await firstKb.retrieve('taux de réponse enquête de satisfaction webinaire', 'fr')).hits.map((h) => h.chunk.source)).not.toContain(
            own.source(WEBINAR_DOC),
          );
        } finally {
          await first.close();
        }

        const second = await target.open();
        try {
          const restarted = newKnowledgeBase(second, own);
          expect(restarted.stats.size).toBe(0);
          await restarted.load();
          expect(restarted.stats.size).toBe(kb.stats.size - 2);
          const answer = await restarted.answer('How does a member state request technical assistance?', 'en');
          expectCitedAnswer(answer);
          expect(answer.citations[0]?.source).toBe(own.source(REQUEST_DOC));
          expect((await restarted.answer(delayQuestion, 'fr')).answer).toContain('six semaines');
          expect((await restarted.answer('What was the response rate of the satisfaction survey?', 'en')).answered).toBe(false);
        } finally {
          await second.close();
        }
      } finally {
        await own.remove();
        await target.dispose();
      }
    });
  });
}
