/** Document frequencies kept across adding, replacing and removing documents. */
import { describe, expect, it } from 'vitest';
import { TermStats } from '../../src/rag/term-stats.ts';

describe('TermStats', () => {
  it('counts in how many passages each term occurs, once per passage', () => {
    const stats = new TermStats();
    stats.setDocument(1, [['webinar', 'webinar', 'cost'], ['webinar', 'survey']]);
    stats.setDocument(2, [['survey']]);
    expect(stats.size).toBe(3);
    expect(stats.documentFrequency('webinar')).toBe(2);
    expect(stats.documentFrequency('survey')).toBe(2);
    expect(stats.documentFrequency('cost')).toBe(1);
    expect(stats.documentFrequency('absent')).toBe(0);
  });

  it('replaces a document’s contribution and removes it', () => {
    const stats = new TermStats();
    stats.setDocument(1, [['webinar', 'cost'], ['webinar']]);
    stats.setDocument(2, [['webinar']]);
    stats.setDocument(1, [['survey']]);
    expect(stats.size).toBe(2);
    expect(stats.documentFrequency('webinar')).toBe(1);
    expect(stats.documentFrequency('cost')).toBe(0);
    expect(stats.documentFrequency('survey')).toBe(1);
    stats.removeDocument(2);
    stats.removeDocument(2);
    expect(stats.size).toBe(1);
    expect(stats.documentFrequency('webinar')).toBe(0);
  });

  it('grows past its first capacity of terms', () => {
    const stats = new TermStats();
    const terms = Array.from({ length: 5000 }, (_, i) => `term${i}`);
    stats.setDocument(1, [terms, terms.slice(0, 10)]);
    expect(stats.documentFrequency('term4999')).toBe(1);
    expect(stats.documentFrequency('term3')).toBe(2);
  });
});
