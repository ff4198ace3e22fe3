import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForumError } from '../../../src/core/errors.ts';
import { parseBytes, parseFile } from '../../../src/rag/ingest/parse.ts';
import { parseHtml } from '../../../src/rag/ingest/parse-html.ts';
import { parseMarkdown } from '../../../src/rag/ingest/parse-markdown.ts';
import { normalizeText } from '../../../src/rag/ingest/parse-text.ts';
import type { ParsedDocument } from '../../../src/rag/types.ts';
import { buildPdf, DOCX_TITLE, makeFixtures, PDF_TITLE, type Fixtures } from './fixtures.ts';

let files: Fixtures;

beforeAll(async () => {
  files = await makeFixtures();
});

afterAll(async () => {
  await rm(files.dir, { recursive: true, force: true });
});

function section(doc: ParsedDocument, ...headings: string[]): string | undefined {
  return doc.sections.find((s) => s.headings.join('/') === headings.join('/'))?.text;
}

async function reason(path: string): Promise<string> {
  const error: unknown = await parseFile(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForumError);
  expect((error as ForumError).code).toBe('bad_request');
  return (error as ForumError).message;
}

describe('Markdown', () => {
  it('takes front matter as meta, not text, and its title first', async () => {
    const doc = await parseFile(files.md);
    expect(doc.format).toBe('md');
    expect(doc.meta).toEqual({ title: 'Requesting technical assistance', category: 'requests', lang: 'en' });
    expect(doc.title).toBe('Requesting technical assistance');
    expect(doc.sections.map((s) => s.text).join('\n')).not.toMatch(/category|---/);
  });

  it('builds heading paths from # to ### and strips the syntax', async () => {
    const doc = await parseFile(files.md);
    expect(doc.sections.map((s) => s.headings)).toEqual([
      ['Assistance guide'],
      ['Assistance guide', 'Who may ask'],
      ['Assistance guide', 'Who may ask', 'Partners'],
      ['Assistance guide', 'Costs'],
      ['Другие языки'],
      ['Другие языки', 'العربية'],
      ['Другие языки', '中文'],
    ]);
    expect(section(doc, 'Assistance guide')).toBe('Any member may ask for help. See the form (https://example.org/form).');
    expect(section(doc, 'Assistance guide', 'Who may ask', 'Partners')).toBe('Partners ask through their focal point.\n\n# not a heading');
    expect(section(doc, 'Assistance guide', 'Costs')).toBe('Expert mission — Cost: Free');
  });

  it('keeps Russian, Arabic and Chinese text', async () => {
    const doc = await parseFile(files.md);
    expect(section(doc, 'Другие языки')).toBe('Запросы принимаются на русском языке.');
    expect(section(doc, 'Другие языки', 'العربية')).toBe('يمكن لأي عضو أن يطلب المساعدة.');
    expect(section(doc, 'Другие языки', '中文')).toBe('任何成员都可以申请援助。');
  });

  it('falls back to the first # heading; setext headings count; ##### stays text', () => {
    const doc = parseMarkdown('Intro line.\n\nGuide\n=====\n\nText.\n\nPart two\n--------\n\n##### Small\n\nMore.\n');
    expect(doc.title).toBe('Guide');
    expect(doc.meta).toEqual({});
    expect(doc.sections).toEqual([
      { headings: [], text: 'Intro line.' },
      { headings: ['Guide'], text: 'Text.' },
      { headings: ['Guide', 'Part two'], text: 'Small\n\nMore.' },
    ]);
    expect(parseMarkdown('Just text, no heading.').title).toBeUndefined();
  });
});

describe('plain text', () => {
  it('keeps paragraphs, cleans the text and takes a short first line as title', async () => {
    const doc = await parseFile(files.txt);
    expect(doc.format).toBe('txt');
    expect(doc.title).toBe('Training calendar 2025');
    expect(doc.sections).toEqual([
      {
        headings: [],
        text: 'Training calendar 2025\n\nThe training programme runs from March to June. Sessions are online.\n\nRegistration closes two weeks before each session.',
      },
    ]);
  });

  it('normalises: NFC, no controls or soft hyphens, single spaces, paragraph breaks kept', () => {
    expect(normalizeText('Cafe\u0301 \u00a0 au\u00adlait\u0000\r\n\r\n\r\n\tnext\u3000line ')).toBe('Café aulait\n\nnext line');
  });

  it('reads text that is not UTF-8 as Windows-1252', async () => {
    const doc = await parseBytes('txt', Buffer.from('Caf\xe9 cr\xe8me for the network members.', 'latin1'));
    expect(doc.sections[0]?.text).toBe('Café crème for the network members.');
  });
});

describe('HTML', () => {
  it('takes <title>, builds heading paths and drops scripts, styles and navigation', async () => {
    const doc = await parseFile(files.html);
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Evaluation handbook');
    expect(doc.sections.map((s) => s.headings)).toEqual([['Evaluation'], ['Evaluation', 'Criteria'], ['Evaluation', 'Criteria', 'Методы']]);
    expect(section(doc, 'Evaluation')).toBe('Every project is evaluated after twelve months.');
    expect(section(doc, 'Evaluation', 'Criteria', 'Методы')).toBe('Оценка проводится независимыми экспертами.');
    const all = doc.sections.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/hidden script|color: red|Home|About the site/);
  });

  it('renders table rows as readable lines', async () => {
    const doc = await parseFile(files.html);
    expect(section(doc, 'Evaluation', 'Criteria')).toBe('Relevance — Weight: 30%\nImpact — Weight: 70%');
  });

  it('falls back to the first h1 and keeps absolute link targets', () => {
    const doc = parseHtml('<h1>Apply</h1><p>Use <a href="https://example.org/apply">this form</a> or <a href="/x">that</a>.</p>');
    expect(doc.title).toBe('Apply');
    expect(doc.sections).toEqual([{ headings: ['Apply'], text: 'Use this form (https://example.org/apply) or that.' }]);
  });
});

describe('PDF', () => {
  it('reads the title from the metadata and the text of every page, by heading', async () => {
    const doc = await parseFile(files.pdf);
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe(PDF_TITLE);
    expect(doc.sections).toEqual([
      // "assis-" at the end of a line and "tance" on the next are one word again.
      { headings: ['Requesting assistance'], text: 'Any member may request technical assistance from the network (free of charge).' },
      { headings: ['Evaluation'], text: 'Projects are evaluated after twelve months. Reports are shared with all members.' },
    ]);
  });

  it('makes one section per page when nothing looks like a heading', async () => {
    const path = join(files.dir, 'plain.pdf');
    const pages = [
      { heading: 'First page body text without any heading at all here.', lines: [] },
      { heading: 'Second page body text, also in the one size.', lines: [] },
    ];
    await writeFile(path, buildPdf(pages, ''));
    const doc = await parseFile(path);
    expect(doc.title).toBeUndefined();
    expect(doc.sections).toEqual([
      { headings: [], text: pages[0]?.heading },
      { headings: [], text: pages[1]?.heading },
    ]);
  });

  it('refuses a corrupt PDF', async () => {
    expect(await reason(files.corruptPdf)).toBe('not a valid PDF');
  });
});

describe('DOCX', () => {
  it('takes the core title and turns Heading 1/2 paragraphs into sections', async () => {
    const doc = await parseFile(files.docx);
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe(DOCX_TITLE);
    expect(doc.sections).toEqual([
      { headings: ['Partnerships'], text: 'The network works with regional partners.' },
      { headings: ['Partnerships', 'Joint missions'], text: 'Joint missions are planned a quarter ahead.\n\nAgency A — Region: Africa' },
      { headings: ['التعاون'], text: 'نعمل مع الشركاء الإقليميين.' },
    ]);
  });

  it('refuses a file that is not a Word document', async () => {
    const path = join(files.dir, 'fake.docx');
    await writeFile(path, 'not a zip at all');
    expect(await reason(path)).toBe('not a DOCX (not a ZIP archive)');
  });
});

describe('refusals', () => {
  it('an empty file', async () => {
    expect(await reason(files.empty)).toBe('empty document');
  });

  it('a file with nothing but front matter', async () => {
    const path = join(files.dir, 'only-meta.md');
    await writeFile(path, '---\ntitle: Nothing\n---\n\n');
    expect(await reason(path)).toBe('empty document');
  });

  it('contents with no text, given as bytes', async () => {
    await expect(parseBytes('txt', new Uint8Array())).rejects.toThrow('empty document');
    await expect(parseBytes('html', Buffer.from('<html><script>var x = 1;</script></html>'))).rejects.toThrow('empty document');
  });

  it('an unsupported extension', async () => {
    expect(await reason(files.unsupported)).toBe('unsupported file type .xls');
  });

  it('a missing file', async () => {
    expect(await reason(join(files.dir, 'missing.md'))).toBe('file not found');
  });
});
