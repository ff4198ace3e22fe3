/**
 * What an extractive answer quotes: whole sentences of hard-wrapped text, no fragments or
 * questions, and the asker's language when the best passages include it.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_GLOSSARY, Glossary } from '../../src/rag/glossary.ts';
import { parseText } from '../../src/rag/ingest/parse-text.ts';
import { unwrap } from '../../src/rag/ingest/layout.ts';
import { extractAnswer } from '../../src/rag/extractive.ts';
import { KnowledgeBase } from '../../src/rag/knowledge-base.ts';
import { analyzeQuery } from '../../src/rag/query.ts';
import { TermStats } from '../../src/rag/term-stats.ts';
import type { Chunk } from '../../src/rag/types.ts';
import { openTestStore } from '../support/pglite-template.ts';

function chunk(id: number, text: string, lang: Chunk['lang'] = 'fr'): Chunk {
  return { id: `${id}:0`, documentId: id, ordinal: 0, source: `doc${id}.txt`, title: `Doc ${id}`, heading: '', text, lang, category: null };
}

describe('hard-wrapped text', () => {
  it('joins lines broken inside a sentence, and keeps real line ends', () => {
    expect(unwrap(['Le taux de réponse a varié', 'd’un événement à l’autre.', 'Tableau 2'])).toEqual(['Le taux de réponse a varié d’un événement à l’autre.', 'Tableau 2']);
    expect(unwrap(['sous-', 'régional et national.'])).toEqual(['sous-régional et national.']);
    expect(parseText('Titre\n\nUne phrase coupée\nen deux lignes.').sections[0]?.text).toBe('Titre\n\nUne phrase coupée en deux lignes.');
  });
});

describe('extractive answers', () => {
  const stats = new TermStats();
  stats.setDocument(1, [['particip', 'webinair']]);

  it('quotes a whole sentence, not a date line, a table header or a question', () => {
    const text = [
      'ont été comptés parmi les participants au webinaire de cette année-là selon le rapport annuel',
      '10 avril 2025',
      'Taux de réponse participants',
      'Combien de participants ont suivi le webinaire ?',
      'Le webinaire du 3 avril a réuni plus de 350 participants venus de cinquante pays.',
      'poll export envoie les réponses des participants au webinaire dans un fichier CSV.',
    ].join('\n');
    const query = analyzeQuery('participants webinaire', 'fr', EMPTY_GLOSSARY);
    expect(extractAnswer(query, undefined, [chunk(1, text)], stats)?.units.map((s) => s.text)).toEqual([
      'Le webinaire du 3 avril a réuni plus de 350 participants venus de cinquante pays.',
      'poll export envoie les réponses des participants au webinaire dans un fichier CSV.',
    ]);
    const howMany = analyzeQuery('Combien de participants au webinaire ?', 'fr', EMPTY_GLOSSARY);
    expect(extractAnswer(howMany, 'number', [chunk(1, text)], stats)?.lead).toBe('350');
  });
});

describe('the language of an extractive answer', () => {
  it('quotes passages in the asker’s language when the best passages include some', async () => {
    const store = await openTestStore();
    try {
      const glossary = new Glossary({
        version: 1,
        entries: [{ id: 'webinar', category: null, terms: { en: ['webinar'], es: ['seminario web'] } }],
      });
      const kb = new KnowledgeBase(store.db, glossary);
      await kb.indexDocument(1, [chunk(1, 'Los seminarios web de 2019 tuvieron 470 participantes en total, según el informe final.', 'es')]);
      await kb.indexDocument(2, [chunk(2, 'The 2019 webinars had 470 participants in total, according to the final report.', 'en')]);
      const answer = await kb.answer('How many participants did the 2019 webinars have?', 'en');
      expect(answer.answered).toBe(true);
      expect(answer.answer).toContain('The 2019 webinars had 470 participants');
      expect(answer.answer).not.toContain('seminarios');
      expect(answer.citations.map((c) => c.lang)).toEqual(['en']);
    } finally {
      await store.close();
    }
  });
});
