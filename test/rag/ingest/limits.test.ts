/**
 * Files refused on their bytes before any parser sees them: a Word file that expands past the
 * limit, a binary file renamed `.md`, a PDF renamed `.txt`, a "text" of one endless line, a
 * document of too many passages — each with its reason. Real files of each kind still pass.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../../src/rag/ingest/chunk.ts';
import { MAX_EXPANDED_BYTES, MAX_LINE_CHARS, MAX_PASSAGES_PER_DOCUMENT, zipExpandedSize } from '../../../src/rag/ingest/limits.ts';
import { parseBytes } from '../../../src/rag/ingest/parse.ts';
import { buildDocx, buildPdf, refusal } from './fixtures.ts';

describe('files checked by their content', () => {
  it('refuses a DOCX that expands past the limit, however small it is, and reads a real one', async () => {
    const docx = await buildDocx();
    expect(zipExpandedSize(docx)).toBeLessThan(100_000);
    expect((await parseBytes('docx', docx)).sections.length).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(docx);
    zip.file('word/media/padding.bin', Buffer.alloc(MAX_EXPANDED_BYTES + 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(parseBytes('docx', bomb))).toMatch(/^the DOCX expands to more than 64 MB/);
  }, 60_000);

  it('refuses files that are not what their name says', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    expect(await refusal(parseBytes('md', png))).toBe('not a text file: the file is a PNG image');
    expect(await refusal(parseBytes('txt', buildPdf()))).toBe('not a text file: the file is a PDF document');
    expect(await refusal(parseBytes('md', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x13])))).toBe('not a text file (binary content)');
    expect(await refusal(parseBytes('pdf', Buffer.from('# Not a PDF\n\nJust Markdown.')))).toBe('not a PDF (no PDF header)');
    expect(await refusal(parseBytes('docx', buildPdf()))).toBe('not a DOCX: the file is a PDF document');
    // Text in UTF-16 has NUL bytes and is still text.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Training calendar\n\nThe first workshop opens in May.', 'utf16le')]);
    expect((await parseBytes('txt', utf16)).sections[0]?.text).toContain('first workshop');
  });

  it('refuses a line too long to be prose, and a document of too many passages', async () => {
    const line = `# Title\n\n${'word '.repeat(MAX_LINE_CHARS / 5 + 10)}`;
    expect(await refusal(parseBytes('md', Buffer.from(line)))).toMatch(/^a line of \d+ characters \(limit 100000\): not a text document$/);
    const paragraphs = Array.from({ length: MAX_PASSAGES_PER_DOCUMENT + 10 }, (_, i) => `Paragraph ${i} says something about technical assistance and its partners, at length, to fill a passage of its own.`);
    const doc = await parseBytes('md', Buffer.from(paragraphs.join('\n\n')));
    expect(await refusal(chunkDocument(doc, { maxChars: 120 }))).toMatch(/^too long: more than 5000 passages/);
  }, 60_000);
});
