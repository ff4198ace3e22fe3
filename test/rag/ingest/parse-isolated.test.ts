/**
 * Documents read in the worker (parse-isolated.ts): the bombs are refused with their reasons — by
 * the ceiling on a PDF's Flate streams, by the ZIP ceiling, by the memory watch for a bomb only
 * the parser can see, by the heap cap and the time limit — while this thread keeps running, and
 * the next document is read as before.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PDF_STREAM_BYTES, pdfExpandedSize } from '../../../src/rag/ingest/limits.ts';
import { parseBytes } from '../../../src/rag/ingest/parse.ts';
import { PARSE_LIMITS, parseIsolated } from '../../../src/rag/ingest/parse-isolated.ts';
import { docxBomb, pdfBomb } from './bombs.ts';
import { buildPdf, PDF_TITLE, refusal } from './fixtures.ts';

const MB = 1024 * 1024;

/** Runs `work` while a 10 ms timer ticks on this thread; how many times it ticked. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

const readsARealPdf = async (): Promise<void> => {
  expect((await parseBytes('pdf', buildPdf())).title).toBe(PDF_TITLE);
};

describe('documents read in a worker', () => {
  it('counts what a PDF’s Flate streams expand to, and refuses a 1 MB PDF that expands to a gigabyte', async () => {
    expect(pdfExpandedSize(pdfBomb(3))).toBe(3 * MB);
    // Hidden behind another filter, the stream is the parser's to meet.
    expect(pdfExpandedSize(pdfBomb(3, true))).toBe(0);
    const bomb = pdfBomb(1024);
    expect(bomb.length).toBeLessThan(1.1 * MB);
    expect(pdfExpandedSize(bomb)).toBeGreaterThan(MAX_PDF_STREAM_BYTES);
    expect(await refusal(parseBytes('pdf', bomb))).toBe("the PDF's streams expand to more than 128 MB (a decompression bomb?)");
    await readsARealPdf();
  });

  it('refuses a 2 MB DOCX that expands to 2 GB', async () => {
    const bomb = docxBomb(2048);
    expect(bomb.length).toBeLessThan(2.2 * MB);
    expect(await refusal(parseBytes('docx', bomb))).toBe('the DOCX expands to more than 64 MB (a ZIP bomb?)');
  });

  it('stops a bomb that only the parser meets by watching the memory, while this thread keeps running', async () => {
    let reason = '';
    const ticks = await ticksDuring(async () => {
      reason = await refusal(parseBytes('pdf', pdfBomb(1024, true)));
    });
    expect(reason).toBe('the document needs more memory to read than allowed');
    // The parser expanded hundreds of megabytes meanwhile; this thread's timer went on ticking.
    expect(ticks).toBeGreaterThan(20);
    await readsARealPdf();
  });

  it('refuses a document past the heap cap or the time limit, then reads the next', async () => {
    const html = Buffer.from(`<html><body>${'<p>Workshop notes, and more notes.</p>\n'.repeat(100_000)}</body></html>`);
    expect(await refusal(parseIsolated('html', html, { ...PARSE_LIMITS, heapMb: 16 }))).toBe('the document needs more memory to read than allowed');
    expect(await refusal(parseIsolated('pdf', buildPdf(), { ...PARSE_LIMITS, timeMs: 1 }))).toBe('reading it took longer than 0.001 s');
    expect((await parseIsolated('html', html)).sections[0]?.text).toContain('Workshop notes');
    await readsARealPdf();
  });

  it('reads documents given at the same time one after the other, each with its own result', async () => {
    const results = await Promise.allSettled([parseBytes('pdf', buildPdf()), parseBytes('pdf', pdfBomb(1024)), parseBytes('html', Buffer.from('<h1>Second</h1><p>Text.</p>'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[2]).toMatchObject({ value: { title: 'Second' } });
  });
});
