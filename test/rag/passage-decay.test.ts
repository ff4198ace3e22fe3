/**
 * Later passages count less when the answer is chosen, by their rank — but not when retrieval
 * found them about as good as the first: in a long report where most passages hold every word of
 * the question, the seventh passage's sentence that answers beats the first passage's that only
 * nearly does.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/rag/analyze.ts';
import { extractAnswer } from '../../src/rag/extractive.ts';
import { EMPTY_GLOSSARY } from '../../src/rag/glossary.ts';
import { analyzeQuery } from '../../src/rag/query.ts';
import { TermStats } from '../../src/rag/term-stats.ts';
import type { Chunk } from '../../src/rag/types.ts';

const REPORTS = {
  fr: {
    question: 'Dans combien de pays le Fonds a-t-il coopéré à des programmes en 1979 ?',
    near: 'Outre les trois pays cités plus haut, le Fonds a coopéré à des programmes d’autres pays par des évaluations.',
    filler: (n: number) => `En 1979, le Fonds a poursuivi sa coopération aux programmes de santé dans les pays de la région ${n}, selon les rapports des bureaux.`,
    answer: 'En 1979, le Fonds a coopéré à des programmes dans 109 pays.',
  },
  en: {
    question: 'In how many countries did the Fund cooperate in programmes in 1979?',
    near: 'Besides the three countries named above, the Fund cooperated in programmes of other countries through assessments.',
    filler: (n: number) => `In 1979, the Fund went on cooperating in health programmes in the countries of region ${n}, as the offices reported.`,
    answer: 'In 1979, the Fund cooperated in programmes in 109 countries.',
  },
} as const;

function passages(lang: keyof typeof REPORTS): Chunk[] {
  const r = REPORTS[lang];
  const texts = [r.near, ...[1, 2, 3, 4, 5].map(r.filler), r.answer];
  return texts.map((text, i) => ({ id: `1:${i}`, documentId: 1, ordinal: i, source: 'report.txt', title: 'Report', heading: '', text, lang, category: null }));
}

describe('the passage an answer comes from', () => {
  it.each(['fr', 'en'] as const)('is read as well as the first when retrieval scored them alike (%s)', (lang) => {
    const chunks = passages(lang);
    const stats = new TermStats();
    stats.setDocument(1, chunks.map((c) => analyze(c.text, lang)));
    const query = analyzeQuery(REPORTS[lang].question, lang, EMPTY_GLOSSARY);
    // Retrieval found the seven passages about as good: the one whose sentence answers wins.
    const alike = chunks.map((_, i) => 1.1 - i * 0.012);
    expect(extractAnswer(query, 'number', chunks, stats, alike)?.lead).toBe('109');
    // Retrieval ranked the seventh far below the first: its rank counts, the first passage answers.
    const apart = chunks.map((_, i) => 1.1 / (1 + i));
    expect(extractAnswer(query, 'number', chunks, stats, apart)?.lead).not.toBe('109');
  });
});
