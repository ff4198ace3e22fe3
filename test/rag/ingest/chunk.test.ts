import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../../src/rag/ingest/chunk.ts';
import type { ParsedDocument, Section } from '../../../src/rag/types.ts';

function doc(sections: Section[], title?: string): ParsedDocument {
  return { format: 'md', title, sections, meta: {} };
}

/** Sentences of different lengths (40 to 120 characters), numbered so each one is unique. */
function sentences(count: number, prefix = 'Sentence'): string[] {
  return Array.from({ length: count }, (_, i) => {
    const filler = 'the network plans missions with partners and experts '.repeat(1 + (i % 3)).trim();
    return `${prefix} ${i + 1} says that ${filler}.`;
  });
}

describe('chunkDocument', () => {
  it('keeps sentences whole and ends every chunk at a sentence end', async () => {
    const all = sentences(60);
    const chunks = await chunkDocument(doc([{ headings: ['Planning'], text: all.join(' ') }]), { maxChars: 300, overlapChars: 60 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(300);
      expect(chunk.text).toMatch(/^Sentence \d+ says/);
      expect(chunk.text).toMatch(/\.$/);
    }
    // Every sentence is found whole in some chunk, and they come in order.
    for (const sentence of all) expect(chunks.some((c) => c.text.includes(sentence))).toBe(true);
    const firsts = chunks.map((c) => Number(/^Sentence (\d+)/.exec(c.text)?.[1]));
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('prefers paragraph breaks over sentence ends', async () => {
    const paragraphs = [sentences(2, 'First').join(' '), sentences(2, 'Second').join(' '), sentences(2, 'Third').join(' ')];
    const chunks = await chunkDocument(doc([{ headings: ['H'], text: paragraphs.join('\n\n') }]), { maxChars: 350, overlapChars: 0 });
    expect(chunks.map((c) => c.text)).toEqual(paragraphs);
  });

  it('repeats the end of a chunk at the start of the next (overlap)', async () => {
    const chunks = await chunkDocument(doc([{ headings: ['H'], text: sentences(20).join(' ') }]), { maxChars: 400, overlapChars: 200 });
    for (let i = 1; i < chunks.length; i += 1) {
      const firstSentence = /^.*?\.(?= |$)/.exec(chunks[i]?.text ?? '')?.[0] ?? '';
      expect(chunks[i - 1]?.text).toContain(firstSentence);
    }
  });

  it('never crosses sections and carries the heading path, or the title', async () => {
    const sections: Section[] = [
      { headings: [], text: `Preamble. ${sentences(4, 'Intro').join(' ')}` },
      { headings: ['Requests', 'Who may ask'], text: sentences(12, 'Who').join(' ') },
      { headings: ['Requests', 'Costs'], text: 'There are no costs for members of the network.' },
    ];
    const chunks = await chunkDocument(doc(sections, 'Guide'), { maxChars: 250, overlapChars: 50 });
    for (const chunk of chunks) {
      const owners = sections.filter((s) => s.text.includes(chunk.text));
      expect(owners).toHaveLength(1);
      const owner = owners[0] as Section;
      expect(chunk.heading).toBe(owner.headings.length > 0 ? owner.headings.join(' › ') : 'Guide');
    }
    expect(new Set(chunks.map((c) => c.heading))).toEqual(new Set(['Guide', 'Requests › Who may ask', 'Requests › Costs']));
    expect(chunks.at(-1)).toEqual({ heading: 'Requests › Costs', text: 'There are no costs for members of the network.' });
  });

  it('uses 1000 characters by default and splits a sentence longer than that between words', async () => {
    const long = `${'word '.repeat(300).trim()}.`;
    const chunks = await chunkDocument(doc([{ headings: ['H'], text: `${sentences(30).join(' ')}\n\n${long}` }]));
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(1000);
      expect(chunk.text).not.toMatch(/^\s|\s$|wor$/);
    }
  });

  it('drops chunks with fewer than 20 non-space characters', async () => {
    const chunks = await chunkDocument(doc([
      { headings: ['Page'], text: '12' },
      { headings: ['Short'], text: 'Too short to keep.' },
      { headings: ['Kept'], text: 'This one is long enough to be kept.' },
    ]));
    expect(chunks).toEqual([{ heading: 'Kept', text: 'This one is long enough to be kept.' }]);
  });

  it('keeps each table row whole with its label, though the label ends with a full stop', async () => {
    const rows = Array.from({ length: 24 }, (_, i) => `Country ${i + 1}. — Sector: S${i}; Post: Adviser to the ministry of planning, number ${i + 1}.; Allowance: ${10 + i}; Code: 710`);
    const chunks = await chunkDocument(doc([{ headings: ['Posts'], text: rows.join('\n') }]), { maxChars: 400, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) for (const line of chunk.text.split('\n')) expect(rows).toContain(line);
  });

  it('keeps Chinese, Arabic and Russian sentences whole', async () => {
    const zh = Array.from({ length: 12 }, (_, i) => `第${i + 1}条：任何成员都可以申请技术援助。`).join('');
    const ar = Array.from({ length: 12 }, (_, i) => `السؤال ${i + 1}: هل يمكن لأي عضو أن يطلب المساعدة التقنية؟`).join(' ');
    const ru = Array.from({ length: 12 }, (_, i) => `Пункт ${i + 1}: любой участник может запросить помощь.`).join(' ');
    const chunks = await chunkDocument(
      doc([
        { headings: ['中文'], text: zh },
        { headings: ['العربية'], text: ar },
        { headings: ['Русский'], text: ru },
      ]),
      { maxChars: 120, overlapChars: 20 },
    );
    const by = (heading: string): string[] => chunks.filter((c) => c.heading === heading).map((c) => c.text);
    expect(by('中文').length).toBeGreaterThan(1);
    for (const text of by('中文')) expect(text).toMatch(/^第\d+条：.*。$/);
    expect(by('العربية').length).toBeGreaterThan(1);
    for (const text of by('العربية')) expect(text).toMatch(/^السؤال \d+: .*؟$/);
    expect(by('Русский').length).toBeGreaterThan(1);
    for (const text of by('Русский')) expect(text).toMatch(/^Пункт \d+: .*помощь\.$/);
    // A short Chinese sentence is a passage worth keeping.
    const short = await chunkDocument(doc([{ headings: ['中文'], text: '任何成员都可以申请援助。' }]));
    expect(short).toEqual([{ heading: '中文', text: '任何成员都可以申请援助。' }]);
  });
});
