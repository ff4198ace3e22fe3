/**
 * Builds the ingestion test files at run time (nothing binary is committed): Markdown, text and
 * HTML, a real two-page PDF written object by object, a real DOCX zipped with jszip, a corrupt PDF
 * and an empty file.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect } from 'vitest';

export const MARKDOWN = `---
title: "Requesting technical assistance"
category: requests
lang: en
---

# Assistance guide

Any **member** may ask for help. See [the form](https://example.org/form).

## Who may ask

Members of the network and their partners.

### Partners

Partners ask through their focal point.

\`\`\`
# not a heading
\`\`\`

## Costs

| Item | Cost |
|------|------|
| Expert mission | Free |

# Другие языки

Запросы принимаются на русском языке.

## العربية

يمكن لأي عضو أن يطلب المساعدة.

## 中文

任何成员都可以申请援助。
`;

export const TEXT = `Training calendar 2025

The training\u00ad programme   runs\tfrom March to June.\u0007 Sessions are online.

Registration closes two weeks before each session.
`;

export const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evaluation handbook</title>
<style>body { color: red; }</style><script>console.log("hidden script");</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/about">About the site</a></nav>
<h1>Evaluation</h1>
<p>Every project is evaluated after twelve months.</p>
<h2>Criteria</h2>
<table>
  <thead><tr><th>Criterion</th><th>Weight</th></tr></thead>
  <tbody><tr><td>Relevance</td><td>30%</td></tr><tr><td>Impact</td><td>70%</td></tr></tbody>
</table>
<h3>Методы</h3>
<p>Оценка проводится независимыми экспертами.</p>
</body></html>`;

/** The text drawn on each page of the PDF: a heading in 18 pt, then body lines in 11 pt. */
export const PDF_PAGES = [
  { heading: 'Requesting assistance', lines: ['Any member may request technical assis-', 'tance from the network (free of charge).'] },
  { heading: 'Evaluation', lines: ['Projects are evaluated after twelve months.', 'Reports are shared with all members.'] },
];
export const PDF_TITLE = 'Technical Assistance Guide';

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Horizontal distance between a table's columns in a built PDF, in points. */
const PDF_COLUMN_STEP = 120;

/** Text set at a place of the page (points from the bottom left), in a size: a table's narrow column, a page's foot. */
export interface PlacedText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

/** One line of a page's body: a string, cells set in columns (a table row), or text set at a place. */
function pdfLine(line: string | string[] | PlacedText, first: boolean, step: number): string {
  if (typeof line === 'object' && !Array.isArray(line)) return `/F1 ${line.size ?? 11} Tf 1 0 0 1 ${line.x} ${line.y} Tm ${pdfString(line.text)} Tj`;
  const down = first ? '' : '0 -16 Td ';
  if (typeof line === 'string') return `${down}${pdfString(line)} Tj`;
  const cells = line.map((cell, i) => `${i === 0 ? '' : `${step} 0 Td `}${pdfString(cell)} Tj`).join(' ');
  // Back to the left margin once the row is written.
  return `${down}${cells} ${-step * (line.length - 1)} 0 Td`;
}

/** A minimal, valid PDF 1.4: catalog, pages, Helvetica, one content stream per page, an Info title. */
export function buildPdf(pages: { heading: string; lines: (string | string[] | PlacedText)[]; columnStep?: number }[] = PDF_PAGES, title = PDF_TITLE): Buffer {
  const objects: string[] = [];
  const fontId = 3 + pages.length * 2;
  const infoId = fontId + 1;
  const kids = pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  for (const [i, page] of pages.entries()) {
    const body = page.lines.map((line, n) => pdfLine(line, n === 0, page.columnStep ?? PDF_COLUMN_STEP)).join('\n');
    const stream = `BT /F1 18 Tf 72 720 Td ${pdfString(page.heading)} Tj ET\nBT /F1 11 Tf 72 680 Td\n${body}\nET\n`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${4 + i * 2} 0 R >>`,
    );
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`);
  }
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push(`<< /Title ${pdfString(title)} /Producer (ta-forum test fixtures) >>`);

  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (const [i, object] of objects.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const DOCX_TITLE = 'Cooperation handbook';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function paragraph(text: string, style?: string): string {
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${props}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

function tableXml(rows: string[][]): string {
  const cell = (t: string): string => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraph(t)}</w:tc>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** A real Word document: styles for Heading 1/2, a table, core properties with a title. */
export async function buildDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
  );
  const style = (id: string, name: string): string =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/></w:style>`;
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}</w:styles>`,
  );
  const body = [
    paragraph('Partnerships', 'Heading1'),
    paragraph('The network works with regional partners.'),
    paragraph('Joint missions', 'Heading2'),
    paragraph('Joint missions are planned a quarter ahead.'),
    tableXml([
      ['Partner', 'Region'],
      ['Agency A', 'Africa'],
    ]),
    paragraph('التعاون', 'Heading1'),
    paragraph('نعمل مع الشركاء الإقليميين.'),
  ].join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>${DOCX_TITLE}</dc:title><dc:creator>ta-forum tests</dc:creator></cp:coreProperties>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Random bytes behind a PDF header: looks like a PDF, is not one. */
export function buildCorruptPdf(): Buffer {
  const noise = Buffer.alloc(2048);
  for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919 + 13) % 251;
  return Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), noise]);
}

export interface Fixtures {
  dir: string;
  md: string;
  txt: string;
  html: string;
  pdf: string;
  docx: string;
  corruptPdf: string;
  empty: string;
  unsupported: string;
}

/** Writes every fixture into a fresh temporary directory. */
export async function makeFixtures(): Promise<Fixtures> {
  const dir = await mkdtemp(join(tmpdir(), 'ta-forum-ingest-'));
  const files: Omit<Fixtures, 'dir'> = {
    md: join(dir, 'guide.md'),
    txt: join(dir, 'calendar.txt'),
    html: join(dir, 'evaluation.html'),
    pdf: join(dir, 'guide.pdf'),
    docx: join(dir, 'cooperation.docx'),
    corruptPdf: join(dir, 'broken.pdf'),
    empty: join(dir, 'empty.md'),
    unsupported: join(dir, 'budget.xls'),
  };
  await writeFile(files.md, MARKDOWN);
  await writeFile(files.txt, TEXT);
  await writeFile(files.html, HTML);
  await writeFile(files.pdf, buildPdf());
  await writeFile(files.docx, await buildDocx());
  await writeFile(files.corruptPdf, buildCorruptPdf());
  await writeFile(files.empty, '');
  await writeFile(files.unsupported, 'a,b\n1,2\n');
  return { dir, ...files };
}

/** The reason a document is refused for (a `bad_request`); fails when it is accepted. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toMatchObject({ code: 'bad_request' });
    return (error as Error).message;
  }
  throw new Error('accepted');
}
